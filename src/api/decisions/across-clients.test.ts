/**
 * GET /api/decisions (the decisions across clients, filtered and paged) and the client list's final
 * decision beside the model's, through inject().
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeShared, type DemoName, login, makeDataDir, testServer } from '../test-support.ts';

let app: FastifyInstance;
let cleanup: () => void;
const cookies: Partial<Record<DemoName, string>> = {};
/** Two clients of the list's first page and the model's decision on each. */
const clients: { id: number; model: 'grant' | 'refuse' }[] = [];

beforeAll(async () => {
  const made = await makeDataDir('creditlens-decisions-across-');
  cleanup = made.cleanup;
  app = await testServer(made.dataDir);
  for (const name of ['adviser', 'admin', 'customer1'] as const) {
    cookies[name] = await login(app, name);
  }
  const list = await get('/api/clients?pageSize=2&sort=id', 'adviser');
  for (const c of list.json().clients as { id: number; decision: 'grant' | 'refuse' }[]) {
    clients.push({ id: c.id, model: c.decision });
  }
});

afterAll(async () => {
  await app?.close();
  await closeShared();
  cleanup?.();
});

function get(url: string, who: DemoName | null) {
  return app.inject({ method: 'GET', url, headers: who ? { cookie: cookies[who] ?? '' } : {} });
}

const opposite = (d: 'grant' | 'refuse') => (d === 'grant' ? 'refuse' : 'grant');

async function decide(
  who: DemoName,
  client: { id: number; model: 'grant' | 'refuse' },
  follows: boolean,
  reasonCategory: string,
) {
  const reply = await app.inject({
    method: 'POST',
    url: `/api/clients/${client.id}/decisions`,
    headers: { cookie: cookies[who] ?? '' },
    payload: {
      decision: follows ? client.model : opposite(client.model),
      followsModel: follows,
      reasonCategory,
      justification: 'Checked the file with the client in person.',
    },
  });
  expect(reply.statusCode).toBe(201);
  return reply.json() as { id: number; at: string };
}

describe('GET /api/decisions and the client list', () => {
  it('lists the decisions across clients newest first, filtered and paged', async () => {
    const [first, second] = clients as [(typeof clients)[0], (typeof clients)[0]];
    const followed = await decide('adviser', first, true, 'other');
    const override = await decide('admin', second, false, 'guarantee');
    const lastOne = await decide('adviser', first, false, 'additional-income');

    const all = await get('/api/decisions', 'adviser');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    const ids = (url: string) =>
      get(url, 'admin').then((r) => (r.json().decisions as { id: number }[]).map((d) => d.id));
    expect(await ids('/api/decisions')).toEqual([lastOne.id, override.id, followed.id]);
    expect(all.json().decisions[1]).toMatchObject({
      clientId: second.id,
      decision: opposite(second.model),
      modelDecision: second.model,
      followsModel: false,
      reasonCategory: 'guarantee',
      justification: 'Checked the file with the client in person.',
      username: 'admin',
      reviewId: null,
    });
    expect(await ids('/api/decisions?overridesOnly=true')).toEqual([lastOne.id, override.id]);
    expect(await ids('/api/decisions?reasonCategory=guarantee')).toEqual([override.id]);
    expect(await ids('/api/decisions?adviser=adviser')).toEqual([lastOne.id, followed.id]);
    expect(await ids('/api/decisions?adviser=adviser&overridesOnly=true')).toEqual([lastOne.id]);
    expect(await ids('/api/decisions?pageSize=2&page=2')).toEqual([followed.id]);
    const from = encodeURIComponent(override.at);
    const to = encodeURIComponent(lastOne.at);
    // from inclusive, to exclusive (the three may share a millisecond: then none is in [t, t)).
    if (override.at < lastOne.at) {
      expect(await ids(`/api/decisions?from=${from}&to=${to}`)).toContain(override.id);
      expect(await ids(`/api/decisions?from=${from}&to=${to}`)).not.toContain(lastOne.id);
    }
    expect(await ids(`/api/decisions?from=${encodeURIComponent('2999-01-01T00:00:00Z')}`)).toEqual(
      [],
    );
  });

  it('shows the latest final decision beside the model opinion in the client list', async () => {
    const [first, second] = clients as [(typeof clients)[0], (typeof clients)[0]];
    const list = await get('/api/clients?pageSize=3&sort=id', 'adviser');
    const rows = list.json().clients as {
      id: number;
      decision: string;
      finalDecision: { decision: string; followsModel: boolean; at: string } | null;
    }[];
    // The latest decision on the first client overrode the model (the test above).
    expect(rows[0]).toMatchObject({
      id: first.id,
      decision: first.model,
      finalDecision: { decision: opposite(first.model), followsModel: false },
    });
    expect(rows[1]?.finalDecision).toMatchObject({ decision: opposite(second.model) });
    expect(rows[2]?.finalDecision).toBeNull();
  });

  it('refuses a bad filter with the field named, and customers', async () => {
    const bad = await get('/api/decisions?reasonCategory=whim', 'adviser');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('reasonCategory');
    const backwards = await get(
      `/api/decisions?from=${encodeURIComponent('2026-12-02T00:00:00Z')}&to=${encodeURIComponent('2026-12-01T00:00:00Z')}`,
      'adviser',
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatchObject({ code: 'BAD_REQUEST', field: 'query.to' });
    expect((await get('/api/decisions?pageSize=101', 'adviser')).statusCode).toBe(400);
    expect((await get('/api/decisions', 'customer1')).statusCode).toBe(403);
    expect((await get('/api/decisions', null)).statusCode).toBe(401);
  });
});
