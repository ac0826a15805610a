/** GET /api/monitoring: the last stored report, served whole through its schema; 404 before one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../model/monitoring/report.ts';
import { monitoringDir, saveReport } from '../../model/monitoring/store.ts';
import { seededRandom } from '../../model/registry/test-support.ts';
import { closeShared, login, makeDataDir, testServer } from '../test-support.ts';

let made: Awaited<ReturnType<typeof makeDataDir>>;
let app: Awaited<ReturnType<typeof testServer>>;
let admin: string;

beforeAll(async () => {
  made = await makeDataDir('creditlens-monitoring-');
  app = await testServer(made.dataDir);
  admin = await login(app, 'admin');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await closeShared();
  made?.cleanup();
});

/** A report over fabricated scores: a stable feature, a shifted one, outcomes for half the window. */
function fabricatedReport() {
  const random = seededRandom(5);
  const rows = 400;
  const column = (shift: number) => Float64Array.from({ length: rows }, () => random() + shift);
  const scored = (n: number) => {
    const probability = Float64Array.from({ length: n }, () => random() * 0.3);
    return {
      probability,
      points: probability.map((p) => 600 - 100 * p),
      band: Array.from(probability, (p) => (p < 0.1 ? 'good' : 'poor')),
    };
  };
  const window = scored(rows);
  return buildReport({
    createdAt: '2026-12-04T10:00:00.000Z',
    model: {
      id: 'm-20261128-031500-ab12',
      createdAt: '2026-11-28T03:15:00.000Z',
      developmentAuc: 0.75,
      bands: ['good', 'poor'],
    },
    source: { applications: 'window.csv', outcomes: 'outcomes.csv' },
    rejected: [{ line: 7, message: 'application field AMT_CREDIT: expected a number, got "abc"' }],
    features: [
      { name: 'STABLE', reference: column(0), window: column(0) },
      { name: 'SHIFTED', reference: column(0), window: column(0.5) },
    ],
    reference: scored(rows),
    window,
    unseenCategories: [
      { column: 'NAME_TYPE_SUITE', values: [{ value: 'Robot', count: 3 }], share: 0.0075 },
    ],
    outcomes: {
      rows: Uint32Array.from({ length: rows / 2 }, (_, i) => i),
      labels: Float64Array.from({ length: rows / 2 }, (_, i) =>
        random() < (window.probability[i] as number) ? 1 : 0,
      ),
      unmatched: 2,
    },
  });
}

describe('GET /api/monitoring', () => {
  it('answers 404 REPORT_NOT_FOUND before the first report', async () => {
    const reply = await app.inject({
      method: 'GET',
      url: '/api/monitoring',
      headers: { cookie: admin },
    });
    expect(reply.statusCode).toBe(404);
    expect(reply.json().error.code).toBe('REPORT_NOT_FOUND');
  });

  it('serves the last stored report whole to an admin', async () => {
    const report = fabricatedReport();
    expect(report.summary.red).toContain('SHIFTED');
    await saveReport(monitoringDir(made.dataDir), report);
    const reply = await app.inject({
      method: 'GET',
      url: '/api/monitoring',
      headers: { cookie: admin },
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual(JSON.parse(JSON.stringify(report)));
    const adviser = await login(app, 'adviser');
    const refused = await app.inject({
      method: 'GET',
      url: '/api/monitoring',
      headers: { cookie: adviser },
    });
    expect(refused.statusCode).toBe(403);
  });
});
