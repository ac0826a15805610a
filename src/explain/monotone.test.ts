/**
 * The guarantee of the declared monotone directions (src/data/features/monotone.ts), end to end:
 * a model trained by the pipeline's defaults on generated data, every client of that data set
 * re-featured through the what-if path (the feature SQL evaluated in memory, their stored history)
 * and scored with the run's calibration. Asking for less money over the same term never raises the
 * probability of default, whether the goods price follows the amount or stays; more income never
 * raises it. The same checks on a model trained with --no-monotone find clients for whom they fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../data/db.ts';
import type { RawApplication } from '../data/features/application-input.ts';
import { buildFeatures, readFeatureColumns } from '../data/features/index.ts';
import { featuresInMemory } from '../data/features/what-if.ts';
import { generateDataset } from '../data/generate/index.ts';
import { ingestDirectory } from '../data/ingest/index.ts';
import { applyCalibrator } from '../model/evaluation/index.ts';
import { type TrainingOutcome, trainFromFeatureTable } from '../model/training/index.ts';
import { lessMoney, moreIncome } from './test-support.ts';
import { loadApplications } from './what-if.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-monotone-'));
const dbPath = join(dir, 'creditlens.duckdb');
const training = { folds: 3, trials: 2, numRounds: 80, seed: 7, compare: false } as const;

interface Client {
  readonly application: RawApplication;
  /** The client's stored feature row, by feature name (null = missing). */
  readonly stored: ReadonlyMap<string, number | null>;
}

let db: Db;
let clients: Client[] = [];
let monotone: TrainingOutcome;
let free: TrainingOutcome;

beforeAll(async () => {
  const demo = join(dir, 'demo');
  await generateDataset({ outDir: demo, clients: 1200, testClients: 300, seed: 42 });
  await ingestDirectory({ dir: demo, dbPath });
  await buildFeatures({ dbPath });
  monotone = await trainFromFeatureTable(dbPath, training);
  free = await trainFromFeatureTable(dbPath, { ...training, monotone: false });
  db = await openDb(dbPath, { readOnly: true });
  const names = [...new Set([...monotone.model.featureNames, ...free.model.featureNames])];
  const read = await readFeatureColumns(db, names);
  const ids = Array.from(read.ids);
  for (let start = 0; start < ids.length; start += 256) {
    const batch = ids.slice(start, start + 256);
    const applications = await loadApplications(db, batch);
    batch.forEach((id, i) => {
      const r = start + i;
      const stored = new Map(
        names.map((name, c) => {
          const v = read.columns[c]?.[r] as number;
          return [name, Number.isNaN(v) ? null : v] as const;
        }),
      );
      clients.push({ application: applications.get(id) as RawApplication, stored });
    });
  }
}, 600_000);

afterAll(() => {
  db?.close();
  clients = [];
  rmSync(dir, { recursive: true, force: true });
});

/** The served (calibrated) probability of default of an application of `client`. */
function probability(
  outcome: TrainingOutcome,
  client: Client,
  application: RawApplication,
): number {
  const names = outcome.model.featureNames;
  const values = featuresInMemory(application, names, (feature) => client.stored.get(feature));
  const row = Float64Array.from(values, (v) => (v === null ? Number.NaN : v));
  return applyCalibrator(outcome.draft.calibrator, outcome.model.predictRow(row));
}

type Change = readonly [label: string, change: (a: RawApplication) => RawApplication];

const CHANGES: readonly Change[] = [
  ...[0.9, 0.5, 0.2].flatMap((k): Change[] => [
    [`amount × ${k}, goods price following`, (a) => lessMoney(a, k, 'follows')],
    [`amount × ${k}, goods price unchanged`, (a) => lessMoney(a, k, 'stays')],
  ]),
  ...[1.2, 2].map((k): Change => [`income × ${k}`, (a) => moreIncome(a, k)]),
];

interface Audit {
  readonly label: string;
  /** Clients whose probability rose. */
  readonly raised: number[];
  /** How many saw it fall. */
  readonly lowered: number;
}

/** Every change for every client; `firstOnly` stops at the first client whose probability rose. */
function audit(outcome: TrainingOutcome, firstOnly = false): Audit[] {
  const results = CHANGES.map(([label]) => ({ label, raised: [] as number[], lowered: 0 }));
  for (const client of clients) {
    const before = probability(outcome, client, client.application);
    for (const [c, [, change]] of CHANGES.entries()) {
      const result = results[c] as { raised: number[]; lowered: number };
      const after = probability(outcome, client, change(client.application));
      if (after > before + 1e-12) {
        result.raised.push(Number(client.application.SK_ID_CURR));
        if (firstOnly) return results;
      } else if (after < before) result.lowered++;
    }
  }
  return results;
}

describe('the monotone model behaves as credit people expect', () => {
  it('is trained with the declared constraints by default', () => {
    expect(monotone.draft.monotone.enabled).toBe(true);
    const constrained = monotone.draft.monotone.constraints.map((c) => c.feature);
    expect(constrained).toEqual(
      expect.arrayContaining([
        'AMT_CREDIT',
        'AMT_INCOME_TOTAL',
        'ANNUITY_TO_INCOME',
        'EXT_SOURCE_3',
      ]),
    );
    expect(monotone.model.featureNames).not.toContain('CREDIT_OVER_GOODS');
    expect(clients.length).toBe(1500);
  });

  it('re-features an unchanged client exactly as stored', () => {
    for (const client of clients.slice(0, 200)) {
      const names = monotone.model.featureNames;
      const values = featuresInMemory(client.application, names, (f) => client.stored.get(f));
      expect(values).toEqual(names.map((n) => client.stored.get(n)));
    }
  });

  it('never raises the probability for less money over the same term, nor for more income', () => {
    const results = audit(monotone);
    for (const { label, raised } of results) expect(raised, label).toEqual([]);
    // Not vacuous: the changes do lower the probability of many clients.
    for (const { label, lowered } of results) expect(lowered, label).toBeGreaterThan(100);
  }, 300_000);

  it('finds clients for whom the unconstrained model breaks it', () => {
    const raised = audit(free, true).reduce((n, r) => n + r.raised.length, 0);
    expect(raised).toBeGreaterThan(0);
  }, 300_000);
});
