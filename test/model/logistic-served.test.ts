/**
 * End to end: when logistic regression wins out-of-fold, the pipeline serves it, the registry
 * stores and loads it, and the API scores and explains clients with it through the same routes
 * as trees (score, explanation, what-if, letter), its contributions summing to the margin.
 *
 * The data is the small generated demo database; its outcome is replaced by a logistic function
 * of two external scores (seeded), so the truth is linear and the linear model should win.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeShared, login, makeDataDir, testServer } from '../../src/api/test-support.ts';
import { Rng } from '../../src/engine/index.ts';
import { loadActiveRun, saveRun } from '../../src/model/registry/index.ts';
import type { RunRecord } from '../../src/model/run-record.ts';
import { loadFeatureTable, trainOnData } from '../../src/model/training/index.ts';

let made: Awaited<ReturnType<typeof makeDataDir>>;
let app: FastifyInstance;
let cookie: string;
let record: RunRecord;

/** Labels from a known logistic model of two standardised columns (missing → 0). */
function linearLabels(
  data: Awaited<ReturnType<typeof loadFeatureTable>>,
  weights: Record<string, number>,
): Float64Array {
  const n = data.features.numRows;
  const z = new Float64Array(n).fill(-1.4);
  for (const [name, w] of Object.entries(weights)) {
    const f = data.featureNames.indexOf(name);
    if (f < 0) throw new Error(`the demo features lack ${name}`);
    const column = data.features.values.subarray(f * n, (f + 1) * n);
    const present = Array.from(column).filter((v) => !Number.isNaN(v));
    const mean = present.reduce((s, v) => s + v, 0) / present.length;
    const sd = Math.sqrt(present.reduce((s, v) => s + (v - mean) ** 2, 0) / present.length);
    for (let r = 0; r < n; r++) {
      const v = column[r] as number;
      z[r] = (z[r] as number) + (Number.isNaN(v) ? 0 : (w * (v - mean)) / sd);
    }
  }
  const random = new Rng(5);
  return Float64Array.from(z, (zr) => (random.next() < 1 / (1 + Math.exp(-zr)) ? 1 : 0));
}

beforeAll(async () => {
  made = await makeDataDir('creditlens-logistic-served-', { model: false });
  const data = await loadFeatureTable(join(made.dataDir, 'creditlens.duckdb'));
  // Both scores lower the risk, as their declared monotone direction says.
  const labels = linearLabels(data, { EXT_SOURCE_2: -2, EXT_SOURCE_3: -1.5 });
  const outcome = trainOnData(
    { ...data, labels },
    { trials: 1, folds: 3, compare: false, monotone: false, seed: 7 },
  );
  record = await saveRun(join(made.dataDir, 'models'), outcome, { activate: true });
  app = await testServer(made.dataDir);
  cookie = await login(app, 'adviser');
}, 300_000);

afterAll(async () => {
  await app?.close();
  await closeShared();
  made?.cleanup();
});

const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });

describe('a logistic regression that wins out-of-fold is served and explained', () => {
  it('is chosen on the out-of-fold cost and stored as logistic regression', async () => {
    const lr = record.candidates.find((c) => c.name === 'logistic');
    const trees = record.candidates.filter((c) => c.name.startsWith('gbdt'));
    expect(record.chosen).toBe('logistic');
    expect(record.selection?.served).toBe('logistic');
    expect(record.selection?.ranking[0]?.name).toBe('logistic');
    for (const t of trees) {
      expect(lr?.cv.mean.normalisedCost ?? 1).toBeLessThanOrEqual(
        record.selection?.ranking.find((r) => r.name === t.name)?.oofNormalisedCost ?? 0,
      );
    }
    const loaded = await loadActiveRun(join(made.dataDir, 'models'));
    expect(loaded?.model.kind).toBe('logistic');
    // Its importance comes from its own contributions: the external scores (and their mean) lead.
    for (const f of record.importance.features.slice(0, 2)) expect(f.name).toMatch(/^EXT_SOURCE_/);
  });

  it('scores and explains a client: contributions sum with the base to the margin', async () => {
    const list = await get('/api/clients?pageSize=5');
    expect(list.statusCode).toBe(200);
    const id = (list.json().clients as { id: number }[])[0]?.id as number;
    const score = await get(`/api/clients/${id}/score`);
    expect(score.statusCode).toBe(200);
    expect(score.json().modelVersion).toBe(record.id);
    const explanation = await get(`/api/clients/${id}/explanation?all=true`);
    expect(explanation.statusCode).toBe(200);
    const body = explanation.json();
    const set = body.contributions as {
      expectedLogOdds: number;
      logOdds: number;
      probability: number;
      top: { key: string; logOdds: number }[];
      rest: { count: number; logOdds: number };
    };
    const sum = set.top.reduce((s, c) => s + c.logOdds, 0) + set.rest.logOdds;
    expect(set.expectedLogOdds + sum).toBeCloseTo(set.logOdds, 10);
    // The explanation's probability is the one the score table served (model → calibrator).
    expect(set.probability).toBeCloseTo(score.json().probability, 10);
    expect(body.reasons.adverse.length + body.reasons.favourable.length).toBeGreaterThan(0);
  });

  it('answers a what-if of an unchanged client with its stored score, and a letter', async () => {
    const list = await get('/api/clients?pageSize=5');
    const id = (list.json().clients as { id: number }[])[1]?.id as number;
    const base = await get(`/api/clients/${id}/score`);
    const same = await app.inject({
      method: 'POST',
      url: '/api/score',
      headers: { cookie },
      payload: { clientId: id, changes: {} },
    });
    expect(same.statusCode).toBe(200);
    expect(same.json().score.probability).toBeCloseTo(base.json().probability, 10);
    const letter = await get(`/api/clients/${id}/letter`);
    expect(letter.statusCode).toBe(200);
  });

  it('searches recourse for a refused client with it', async () => {
    const refused = await get('/api/clients?decision=refuse&pageSize=1');
    const id = (refused.json().clients as { id: number }[])[0]?.id;
    if (id === undefined) throw new Error('the linear model refuses nobody in the fixture');
    const recourse = await get(`/api/clients/${id}/recourse`);
    expect(recourse.statusCode).toBe(200);
  });
});
