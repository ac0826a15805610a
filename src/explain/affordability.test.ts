/**
 * The what-if's loan rule against a monotone model, over every client of a generated data set (the
 * API tests' demo: 300 train and 60 test clients): the client's stored application changed
 * through whatIfInMemory — the path POST /api/score takes, loan rule included
 * (src/explain/loan-terms.ts: the instalment recomputed to the cent, the goods price following or
 * unlocked) — with their stored history, scored by an engine model trained on that data set.
 * Asking for less money over the same term never raises the probability of default; more income
 * never raises it (nor the calibrated one: calibrators are non-decreasing).
 *
 * The model's columns and constraints are the default training's feature policy
 * (src/model/training/feature-policy.ts: the directions declared in src/data/features/monotone.ts,
 * the features that would break them left out, the term free — the rule keeps it). Its
 * hyper-parameters are fixed: on 300 clients the default search learns nothing of the loan, and
 * the test would prove nothing (src/explain/monotone.test.ts runs the default training on 1,500).
 * Both halves are needed: keeping the instalment instead (the term shrinks), or training without
 * the constraints, breaks the guarantee.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../data/db.ts';
import type { RawApplication } from '../data/features/application-input.ts';
import {
  buildFeatures,
  featureNamesOf,
  featureTableColumns,
  readFeatureColumns,
} from '../data/features/index.ts';
import { generateDataset } from '../data/generate/index.ts';
import { ingestDirectory } from '../data/ingest/index.ts';
import { denseMatrix, type Model, train } from '../engine/index.ts';
import { applyPolicy, isClientExplainable } from '../model/training/feature-policy.ts';
import type { LoanOptions } from './loan-terms.ts';
import { type Scorer, scorerFromModel } from './scorer.ts';
import { loadApplications, whatIfInMemory } from './what-if.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-affordability-'));
const dbPath = join(dir, 'creditlens.duckdb');

interface Client {
  readonly id: number;
  readonly application: RawApplication;
  /** The client's stored features, by name (NaN = missing). */
  readonly stored: ReadonlyMap<string, number>;
}

let db: Db;
let clients: Client[] = [];
let monotone: Scorer;
let free: Scorer;

/** An engine model on `rows` under the default training's feature policy, monotone or not. */
function trained(
  all: readonly string[],
  columns: Float64Array[],
  rows: number[],
  labels: number[],
  monotone: boolean,
): Model {
  const policy = applyPolicy(all, { monotone, clientExplainableOnly: false }, isClientExplainable);
  const names = policy.featureNames;
  const kept = Array.from(policy.keep, (c) => columns[c] as Float64Array);
  const values = new Float64Array(rows.length * names.length);
  rows.forEach((r, i) => {
    names.forEach((_, j) => {
      values[i * names.length + j] = kept[j]?.[r] as number;
    });
  });
  return train(
    { features: denseMatrix(values, rows.length, names.length, 'row-major'), labels },
    {
      params: {
        objective: 'binary:logistic',
        num_rounds: 120,
        eta: 0.1,
        max_depth: 4,
        min_child_weight: 1,
        seed: 11,
        monotone_constraints: policy.monotoneConstraints,
      },
      featureNames: [...names],
    },
  );
}

beforeAll(async () => {
  const demo = join(dir, 'demo');
  await generateDataset({ outDir: demo, clients: 300, testClients: 60, seed: 42 });
  await ingestDirectory({ dir: demo, dbPath });
  await buildFeatures({ dbPath });
  db = await openDb(dbPath, { readOnly: true });
  const names = featureNamesOf(await featureTableColumns(db));
  const read = await readFeatureColumns(db, names);
  const rows: number[] = [];
  const labels: number[] = [];
  for (let r = 0; r < read.rowCount; r++) {
    if (read.isTrain[r] !== 1) continue;
    rows.push(r);
    labels.push(read.target[r] as number);
  }
  monotone = scorerFromModel(trained(names, read.columns, rows, labels, true));
  free = scorerFromModel(trained(names, read.columns, rows, labels, false));
  const ids = Array.from(read.ids);
  const applications = new Map<number, RawApplication>();
  for (let start = 0; start < ids.length; start += 256) {
    for (const [id, a] of await loadApplications(db, ids.slice(start, start + 256))) {
      applications.set(id, a);
    }
  }
  clients = ids.map((id, r) => ({
    id,
    application: applications.get(id) as RawApplication,
    stored: new Map(names.map((name, c) => [name, read.columns[c]?.[r] as number])),
  }));
}, 600_000);

afterAll(() => {
  db?.close();
  clients = [];
  rmSync(dir, { recursive: true, force: true });
});

const amountOf = (v: unknown) => (typeof v === 'number' ? v : 0);

/** A change as POST /api/score receives it: fields given, and the loan rule's options. */
type Change = readonly [
  label: string,
  change: (a: RawApplication) => { changes: Record<string, number>; loan?: LoanOptions },
];

const LESS_MONEY: readonly Change[] = [0.9, 0.5, 0.2].flatMap((k): Change[] => [
  [
    `amount × ${k}, goods price following`,
    (a) => ({ changes: { AMT_CREDIT: amountOf(a.AMT_CREDIT) * k } }),
  ],
  [
    `amount × ${k}, goods price unlocked`,
    (a) => ({ changes: { AMT_CREDIT: amountOf(a.AMT_CREDIT) * k }, loan: { goodsPrice: 'keep' } }),
  ],
]);
const MORE_INCOME: readonly Change[] = [1.2, 2].map(
  (k): Change => [
    `income × ${k}`,
    (a) => ({ changes: { AMT_INCOME_TOTAL: amountOf(a.AMT_INCOME_TOTAL) * k } }),
  ],
);

/** Per change: the clients whose probability rose, and how many saw it fall. */
function audit(scorer: Scorer, changes: readonly Change[]) {
  const results = changes.map(([label]) => ({ label, raised: [] as number[], lowered: 0 }));
  for (const client of clients) {
    const history = (name: string) => client.stored.get(name);
    const before = whatIfInMemory(scorer, client.application, {}, history).rawProbability;
    changes.forEach(([, change], c) => {
      const { changes: given, loan } = change(client.application);
      const after = whatIfInMemory(scorer, client.application, given, history, loan).rawProbability;
      const result = results[c] as (typeof results)[number];
      if (after > before + 1e-12) result.raised.push(client.id);
      else if (after < before) result.lowered++;
    });
  }
  return results;
}

describe('the what-if under a monotone model, over every demo client', () => {
  it('leaves out what would break the directions, and re-scores every client as stored', () => {
    expect(monotone.featureNames).toContain('AMT_CREDIT');
    expect(monotone.featureNames).not.toContain('AMT_GOODS_PRICE');
    expect(monotone.featureNames).not.toContain('CREDIT_OVER_GOODS');
    expect(clients.length).toBe(360);
    for (const client of clients) {
      const history = (name: string) => client.stored.get(name);
      const { row } = whatIfInMemory(monotone, client.application, {}, history);
      expect(Array.from(row)).toEqual(monotone.featureNames.map((n) => client.stored.get(n)));
    }
  });

  it('never raises the probability for less money over the same term', () => {
    const results = audit(monotone, LESS_MONEY);
    for (const { label, raised } of results) expect(raised, label).toEqual([]);
    // Not vacuous: the smaller loans do lower the probability of many clients.
    for (const { label, lowered } of results) expect(lowered, label).toBeGreaterThan(20);
  });

  it('never raises the probability for more income', () => {
    const results = audit(monotone, MORE_INCOME);
    for (const { label, raised } of results) expect(raised, label).toEqual([]);
    for (const { label, lowered } of results) expect(lowered, label).toBeGreaterThan(50);
  });

  it('needs the rule: keeping the instalment instead (the term shrinks) breaks it', () => {
    // What the what-if did before the rule: the model reads a shorter, riskier loan.
    const instalmentKept = [0.9, 0.5, 0.2].map(
      (k): Change => [
        `amount × ${k}, instalment kept`,
        (a) => ({
          changes: { AMT_CREDIT: amountOf(a.AMT_CREDIT) * k, AMT_ANNUITY: amountOf(a.AMT_ANNUITY) },
        }),
      ],
    );
    const raised = audit(monotone, instalmentKept).reduce((n, r) => n + r.raised.length, 0);
    expect(raised).toBeGreaterThan(0);
  });

  it('needs the constraints: the same data without them breaks it for some clients', () => {
    const all = audit(free, [...LESS_MONEY, ...MORE_INCOME]);
    expect(all.reduce((n, r) => n + r.raised.length, 0)).toBeGreaterThan(0);
  });
});
