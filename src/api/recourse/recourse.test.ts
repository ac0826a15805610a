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
  probability: number;
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
      for (const p of body.proposals as Proposal[]) {
        proposed++;
        expect(p.probability).toBeLessThan(body.threshold);
        expect(p.textFr.length).toBeGreaterThan(20);
        expect(p.textEn).toMatch(/would be accepted/);
        const whatIf = await server.app.inject({
          method: 'POST',
          url: '/api/score',
          headers: { cookie: server.cookies.adviser },
          payload: { clientId: id, changes: p.changes },
        });
        expect(whatIf.json().score.decision).toBe('grant');
        expect(whatIf.json().score.probability).toBeCloseTo(p.probability, 9);
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
