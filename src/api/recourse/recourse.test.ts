/**
 * Recourse through inject(), under a served model that refuses large loans: each proposal must
 * be granted when the what-if route scores the same changes; roles and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromColumns, train } from '../../engine/index.ts';
import { saveRun } from '../../model/registry/index.ts';
import { fabricateDraft, seededRandom } from '../../model/registry/test-support.ts';
import { type LoggedInServer, loggedInServer } from '../test-support.ts';

let server: LoggedInServer;

/** A model over the fabricated run's features in which only a credit above 600,000 is risky. */
function creditModel() {
  const featureNames = fabricateDraft().featureNames;
  const random = seededRandom(9);
  const rows = 600;
  const columns = featureNames.map(() => new Float64Array(rows));
  const credit = columns[featureNames.indexOf('AMT_CREDIT')] as Float64Array;
  const labels = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    for (const column of columns) column[r] = random();
    const amount = 50_000 + random() * 1_450_000;
    credit[r] = amount;
    labels[r] = random() < (amount > 600_000 ? 0.7 : 0.01) ? 1 : 0;
  }
  return train(
    { features: fromColumns(columns), labels },
    {
      params: { objective: 'binary:logistic', num_rounds: 20, max_depth: 1, seed: 9 },
      featureNames,
    },
  );
}

beforeAll(async () => {
  server = await loggedInServer('creditlens-recourse-');
  const record = await saveRun(
    server.app.ctx.config.modelsDir,
    { model: creditModel(), draft: fabricateDraft() },
    { activate: false },
  );
  const promoted = await server.app.inject({
    method: 'POST',
    url: `/api/admin/models/${record.id}/promote`,
    headers: { cookie: server.cookies.admin },
  });
  if (promoted.statusCode !== 200) throw new Error(`promote: ${promoted.body}`);
}, 60_000);

afterAll(() => server?.close());

interface Proposal {
  kind: string;
  changes: Record<string, number>;
  changed: { field: string; before: number; after: number; derived: string | null }[];
  probability: number;
  ppFromThreshold: number;
  textFr: string;
  textEn: string;
}

describe('GET /api/clients/:id/recourse', () => {
  it('proposes changes that the what-if route grants, for refused clients', async () => {
    const list = await server.get('adviser', '/api/clients?decision=refuse&pageSize=5');
    const refused = list.json().clients as { id: number }[];
    expect(refused.length).toBeGreaterThan(0);
    let proposed = 0;
    for (const { id } of refused) {
      const response = await server.get('adviser', `/api/clients/${id}/recourse`);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ clientId: id, decision: 'refuse', complete: true });
      expect(body.probability).toBeGreaterThanOrEqual(body.threshold);
      // How far from the threshold, in percentage points, before and after.
      expect(body.ppFromThreshold).toBeCloseTo(100 * (body.probability - body.threshold), 9);
      expect(body.ppFromThreshold).toBeGreaterThanOrEqual(0);
      for (const p of body.proposals as Proposal[]) {
        proposed++;
        expect(p.probability).toBeLessThan(body.threshold);
        expect(p.ppFromThreshold).toBeCloseTo(100 * (p.probability - body.threshold), 9);
        expect(p.ppFromThreshold).toBeLessThan(0);
        expect(p.textFr.length).toBeGreaterThan(20);
        expect(p.textEn).toMatch(/would be accepted/);
        // Every field it changes is named, old → new: no silent cut of the goods price.
        expect(Object.fromEntries(p.changed.map((c) => [c.field, c.after]))).toEqual(p.changes);
        for (const c of p.changed) expect(c.before).not.toBe(c.after);
        const post = (payload: object) =>
          server.app.inject({
            method: 'POST',
            url: '/api/score',
            headers: { cookie: server.cookies.adviser },
            payload: { clientId: id, ...payload },
          });
        const whatIf = (await post({ changes: p.changes })).json();
        expect(whatIf.score.decision).toBe('grant');
        expect(whatIf.score.probability).toBeCloseTo(p.probability, 9);
        expect(whatIf.changed).toEqual(p.changed.map((c) => ({ ...c, derived: null })));
        // The what-if's loan rule derives the same loan from the amount alone.
        if (p.kind === 'lower-amount') {
          expect(p.changed[0]).toMatchObject({ field: 'AMT_CREDIT', derived: null });
          expect(p.changed.slice(1).map((c) => c.derived)).toEqual(
            p.changed
              .slice(1)
              .map((c) => (c.field === 'AMT_ANNUITY' ? 'same-term' : 'follows-amount')),
          );
          const rule = (await post({ changes: { AMT_CREDIT: p.changes.AMT_CREDIT } })).json();
          expect(rule.changed).toEqual(p.changed);
          expect(rule.score.probability).toBe(whatIf.score.probability);
        }
      }
    }
    // The served model refuses on the credit alone: a lower amount must be found.
    expect(proposed).toBeGreaterThan(0);
  });

  it('proposes nothing to a granted client', async () => {
    const list = await server.get('adviser', '/api/clients?decision=grant&pageSize=1');
    const id = (list.json().clients as { id: number }[])[0]?.id;
    const body = (await server.get('admin', `/api/clients/${id}/recourse`)).json();
    expect(body).toMatchObject({ decision: 'grant', proposals: [], complete: true });
  });

  it('is audited, and a customer sees only their own', async () => {
    expect((await server.get('customer1', `/api/clients/${server.own}/recourse`)).statusCode).toBe(
      200,
    );
    const audit = await server.get(
      'admin',
      `/api/audit?action=client.recourse&client=${server.own}`,
    );
    expect(audit.json().records[0]).toMatchObject({ username: 'customer1', role: 'customer' });
    expect((await server.get('customer2', `/api/clients/${server.own}/recourse`)).statusCode).toBe(
      403,
    );
    expect((await server.get(null, `/api/clients/${server.own}/recourse`)).statusCode).toBe(401);
    expect((await server.get('adviser', '/api/clients/999999999/recourse')).statusCode).toBe(404);
    expect((await server.get('adviser', '/api/clients/x1/recourse')).statusCode).toBe(400);
  });
});
