import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../user-error.ts';
import { planTraining, type TrainCliOptions } from './train-options.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-train-options-'));
const db = join(dir, 'creditlens.duckdb');
const csv = join(dir, 'bank.csv');
writeFileSync(db, '');
writeFileSync(csv, 'a,T\n1,0\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const defaults: TrainCliOptions = {
  dataDir: dir,
  folds: '5',
  costFn: '10',
  costFp: '1',
  beta: '10',
  seed: '42',
  activate: true,
};

function messageOf(options: Partial<TrainCliOptions>): string {
  try {
    planTraining({ ...defaults, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('train options', () => {
  it('turns the defaults into a plan on the feature table', () => {
    const plan = planTraining(defaults);
    expect(plan).toEqual({
      source: { kind: 'feature-table', dbPath: db },
      modelsDir: join(dir, 'models'),
      folds: 5,
      costs: { falseNegative: 10, falsePositive: 1 },
      beta: 10,
      seed: 42,
      includeProtected: false,
      monotone: true,
      clientExplainableOnly: false,
      compare: true,
      activate: true,
      quiet: false,
      challenger: null,
    });
  });

  it('reads every option', () => {
    const plan = planTraining({
      ...defaults,
      folds: '3',
      timeBudget: '7.5',
      costFn: '5',
      costFp: '0.5',
      beta: '2',
      seed: '7',
      includeProtected: true,
      monotone: false,
      clientExplainableOnly: true,
      compare: false,
      activate: false,
      csv,
      target: 'T',
      id: 'a',
      positive: 'yes',
    });
    expect(plan.source).toEqual({ kind: 'csv', file: csv, target: 'T', id: 'a', positive: 'yes' });
    expect(plan.timeBudgetSeconds).toBe(7.5);
    expect(plan.trials).toBeUndefined();
    expect(plan.costs).toEqual({ falseNegative: 5, falsePositive: 0.5 });
    expect([plan.folds, plan.beta, plan.seed, plan.includeProtected, plan.activate]).toEqual([
      3,
      2,
      7,
      true,
      undefined,
    ]);
    expect([plan.monotone, plan.clientExplainableOnly, plan.compare]).toEqual([false, true, false]);
  });

  it('names what is wrong', () => {
    expect(messageOf({ trials: '3', timeBudget: '10' })).toMatch(
      /--trials or --time-budget, not both/,
    );
    expect(messageOf({ folds: '1' })).toMatch(
      /invalid --folds: expected an integer from 2 to 20, got '1'/,
    );
    expect(messageOf({ folds: 'five' })).toMatch(/invalid --folds/);
    expect(messageOf({ trials: '0' })).toMatch(/invalid --trials/);
    expect(messageOf({ timeBudget: '-3' })).toMatch(/invalid --time-budget: .*, got '-3'/);
    expect(messageOf({ costFn: '0' })).toMatch(
      /invalid --cost-fn: expected a number greater than 0, got '0'/,
    );
    expect(messageOf({ costFp: 'abc' })).toMatch(/invalid --cost-fp/);
    expect(messageOf({ beta: '' })).toMatch(/invalid --beta/);
    expect(messageOf({ seed: '1.5' })).toMatch(/invalid --seed/);
    expect(messageOf({ target: 'T' })).toMatch(/--target needs --csv/);
    expect(messageOf({ csv })).toMatch(/--csv needs --target/);
    expect(messageOf({ csv, target: 'T', db })).toMatch(/--db and --csv/);
    expect(messageOf({ csv: join(dir, 'nope.csv'), target: 'T' })).toMatch(
      /--csv: no file at .*nope\.csv/,
    );
    expect(messageOf({ dataDir: join(dir, 'empty') })).toMatch(
      /--db: no file at .*creditlens\.duckdb/,
    );
  });

  it('checks the challenger options: a window of days, files in pairs, never on a CSV', () => {
    expect(messageOf({ outcomes: csv })).toMatch(/--outcomes goes with --challenger/);
    expect(messageOf({ challenger: true, csv, target: 'T' })).toMatch(/not --csv/);
    expect(messageOf({ challenger: true, windowSince: '2026-02-30' })).toMatch(
      /invalid --window-since: expected a day as YYYY-MM-DD, got '2026-02-30'/,
    );
    expect(
      messageOf({ challenger: true, windowSince: '2026-12-01', windowUntil: '2026-11-01' }),
    ).toMatch(/--window-until 2026-11-01 must come after --window-since 2026-12-01/);
    expect(messageOf({ challenger: true, outcomes: csv })).toMatch(/go together/);
    expect(
      messageOf({ challenger: true, applications: join(dir, 'nope.csv'), outcomes: csv }),
    ).toMatch(/--applications: no file at .*nope\.csv/);
    const plan = planTraining({
      ...defaults,
      challenger: true,
      windowSince: '2026-11-01',
      applications: csv,
      outcomes: csv,
    });
    expect(plan.challenger).toEqual({
      window: { since: Date.UTC(2026, 10, 1) },
      compareOn: { kind: 'files', applications: csv, outcomes: csv },
    });
  });
});
