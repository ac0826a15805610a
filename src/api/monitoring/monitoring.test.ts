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
    source: { applications: 'window.csv', outcomes: 'outcomes.csv', period: null },
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
    const latest = await app.inject({
      method: 'GET',
      url: '/api/monitoring/latest',
      headers: { cookie: admin },
    });
    expect(latest.statusCode).toBe(200);
    expect(latest.json()).toEqual({ latest: null });
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
    const latest = await app.inject({
      method: 'GET',
      url: '/api/monitoring/latest',
      headers: { cookie: admin },
    });
    expect(latest.json()).toEqual({
      latest: { createdAt: report.createdAt, modelId: report.model.id, status: 'red' },
    });
    const adviser = await login(app, 'adviser');
    const refused = await app.inject({
      method: 'GET',
      url: '/api/monitoring',
      headers: { cookie: adviser },
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('POST /api/monitoring/reports', () => {
  const post = (payload: object, cookie = admin) =>
    app.inject({ method: 'POST', url: '/api/monitoring/reports', headers: { cookie }, payload });

  it('computes the report of the stored applications of a period with their outcomes, and keeps it as the latest', async () => {
    const scores = app.ctx.scores;
    if (scores === null) throw new Error('no model');
    const names = scores.record.featureNames;
    const random = seededRandom(11);
    const inWindow = Date.UTC(2026, 9, 15);
    const saved = await app.ctx.store.applications.createMany(
      Array.from({ length: 40 }, (_, i) => ({
        createdAt: i < 30 ? inWindow : Date.UTC(2026, 10, 15),
        createdBy: null,
        source: 'api' as const,
        application: {},
        modelVersion: scores.record.id,
        // Stored vectors: the model's features, one missing now and then.
        features: names.map(() => (random() < 0.1 ? null : random())),
        probability: 0.05,
        decision: 'grant' as const,
      })),
    );
    await app.ctx.store.outcomes.recordAll(
      saved.slice(0, 20).map((a, i) => ({
        clientId: a.clientId,
        defaulted: i % 4 === 0 ? 1 : 0,
        observedAt: Date.UTC(2026, 10, 30),
        recordedBy: 'admin',
      })),
    );
    const reply = await post({ since: '2026-10-01', until: '2026-11-01' });
    expect(reply.statusCode, reply.body).toBe(201);
    const report = reply.json();
    expect(report.rows.window).toBe(30);
    expect(report.source).toEqual({
      applications: 'stored applications 2026-10-01 → 2026-11-01',
      outcomes: 'stored outcomes',
      period: { since: '2026-10-01', until: '2026-11-01' },
    });
    expect(report.performance.count).toBe(20);
    expect(report.performance.defaults).toBe(5);
    const latest = await app.inject({
      method: 'GET',
      url: '/api/monitoring',
      headers: { cookie: admin },
    });
    expect(latest.json()).toEqual(report);
    const everything = await post({ since: '2026-10-01' });
    expect(everything.json().rows.window).toBe(40);
  });

  it.each([
    [{ since: '2026-02-30' }, 400, 'body.since'],
    [{ since: '2026-10-01', until: '2026-10-01' }, 400, 'body.until'],
    [{ since: 'yesterday' }, 400, 'body.since'],
    [{ since: '2026-10-01', extra: 1 }, 400, 'body.extra'],
  ])('refuses %j (%i, %s)', async (payload, status, field) => {
    const reply = await post(payload);
    expect(reply.statusCode).toBe(status);
    expect(reply.json().error.field).toBe(field);
  });

  it('says when the period holds no stored application', async () => {
    const reply = await post({ since: '2020-01-01', until: '2020-02-01' });
    expect(reply.statusCode).toBe(422);
    expect(reply.json().error).toMatchObject({
      code: 'NO_APPLICATIONS_IN_WINDOW',
      message: expect.stringContaining('stored applications 2020-01-01 → 2020-02-01'),
    });
  });
});
