import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../engine/index.ts';
import { ModelError } from '../errors.ts';
import { readScoringCsv, readTabularEncoding } from '../tabular/index.ts';
import { trainFromCsv } from './pipeline.ts';

const folder = mkdtempSync(join(tmpdir(), 'creditlens-train-csv-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
}

/** A bank's own table: an id, a categorical column that carries risk, numbers, gaps, a gender. */
function bankCsv(rows: number, seed: number): string {
  const random = new Rng(seed);
  const lines = ['client,housing,income,debt_ratio,sex,age,status'];
  for (let i = 0; i < rows; i++) {
    const housing = ['rent', 'own', 'family'][random.nextInt(3)] as string;
    const debt = random.next();
    const z = -2.5 + (housing === 'rent' ? 1.5 : 0) + 2 * debt;
    const bad = random.next() < 1 / (1 + Math.exp(-z));
    const income = random.next() < 0.1 ? '' : String(Math.round(20000 + 50000 * random.next()));
    lines.push(
      `c${i},${housing},${income},${debt.toFixed(4)},${random.next() < 0.5 ? 'F' : 'M'},${20 + random.nextInt(51)},${bad ? 'default' : 'repaid'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const options = { folds: 3, trials: 1, numRounds: 40, seed: 3 } as const;

async function errorOf(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

describe('training from a CSV', () => {
  it('trains end to end with a two-label target and a categorical column', async () => {
    const file = write('bank.csv', bankCsv(900, 1));
    const { model, draft } = await trainFromCsv(
      file,
      { target: 'status', id: 'client', positive: 'default' },
      options,
    );
    expect(draft.featureNames).toEqual(['housing', 'income', 'debt_ratio', 'age']);
    expect(draft.excludedFeatures.map((e) => e.name)).toEqual(['sex']);
    expect(draft.source).toEqual({
      kind: 'csv',
      file,
      target: 'status',
      id: 'client',
      positive: 'default',
    });
    expect(draft.importance.themes.map((t) => t.theme)).toEqual(['other']);
    expect(draft.fairness.map((f) => f.attribute)).toEqual(['gender', 'age band']);
    const chosen = draft.candidates.find((c) => c.name === draft.chosen);
    expect(chosen?.holdout.rocAuc).toBeGreaterThan(0.6);
    // The encoding is in the model: a scoring file is read the same way and scores alike.
    const encoding = readTabularEncoding(model.encoding, model.featureNames);
    expect(encoding?.columns.find((c) => c.name === 'housing')?.categories).toEqual([
      'family',
      'own',
      'rent',
    ]);
    const table = await readScoringCsv(file, model.featureNames, encoding);
    const probs = model.predict(table.features);
    expect(probs.length).toBe(900);
  });

  it('reports a missing target column, a three-class target and an empty file clearly', async () => {
    const good = write('ok.csv', bankCsv(50, 2));
    const missing = await errorOf(trainFromCsv(good, { target: 'TARGET' }, options));
    expect(missing.code).toBe('MISSING_COLUMN');
    expect(missing.message).toContain('no target column "TARGET"');

    const three = write('three.csv', 'a,y\n1,x\n2,y\n3,z\n4,x\n');
    const classes = await errorOf(trainFromCsv(three, { target: 'y' }, options));
    expect(classes.code).toBe('BAD_TARGET');
    expect(classes.message).toContain('exactly two classes, found 3');

    const empty = await errorOf(trainFromCsv(write('empty.csv', ''), { target: 'y' }, options));
    expect(empty.code).toBe('EMPTY_FILE');
    const headerOnly = await errorOf(
      trainFromCsv(write('header.csv', 'a,y\n'), { target: 'y' }, options),
    );
    expect(headerOnly.code).toBe('NO_DATA_ROWS');
  });
});
