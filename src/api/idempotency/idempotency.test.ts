/** Idempotency-Key on POST /api/clients/:id/decisions, through inject(). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoName, type LoggedInServer, loggedInServer } from '../test-support.ts';
import { REPLAYED_HEADER } from './idempotency.ts';

/** Every decision gives a reason category and a justification of at least 20 characters. */
const WHY = {
  reasonCategory: 'other',
  justification: 'Checked with the client in person.',
} as const;

let server: LoggedInServer;
/** Clients not used by another test yet, with the model's decision on each. */
let clients: { id: number; decision: 'grant' | 'refuse' }[];

beforeAll(async () => {
  server = await loggedInServer('creditlens-idempotency-');
  const list = await server.get('adviser', '/api/clients?pageSize=20');
  clients = list.json().clients;
});

afterAll(() => server?.close());

function nextClient() {
  const client = clients.shift();
  if (!client) throw new Error('no client left');
  return client;
}

function post(id: number, payload: object, key?: string, who: DemoName = 'adviser') {
  return server.app.inject({
    method: 'POST',
    url: `/api/clients/${id}/decisions`,
    headers: {
      cookie: server.cookies[who],
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    payload,
  });
}

async function history(id: number): Promise<{ id: number }[]> {
  return (await server.get('adviser', `/api/clients/${id}/decisions`)).json().decisions;
}

describe('Idempotency-Key on decisions', () => {
  it('replays the first answer to a retry: the same decision id, and one decision in the history', async () => {
    const client = nextClient();
    const body = { decision: client.decision, followsModel: true, ...WHY };
    const key = 'a6c1f0e2-1b7d-4c55-9a43-2f0f3b7e9d11';
    const first = await post(client.id, body, key);
    expect(first.statusCode).toBe(201);
    expect(first.headers[REPLAYED_HEADER]).toBeUndefined();
    const retry = await post(client.id, body, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers[REPLAYED_HEADER]).toBe('true');
    expect(retry.json()).toEqual(first.json());
    // Quoted (RFC 8941 string, as the IETF draft writes it) is the same key.
    const quoted = await post(client.id, body, `"${key}"`);
    expect(quoted.headers[REPLAYED_HEADER]).toBe('true');
    expect(quoted.json().id).toBe(first.json().id);
    expect((await history(client.id)).map((d) => d.id)).toEqual([first.json().id]);
  });

  it('refuses the same key with another request (422), recording nothing', async () => {
    const client = nextClient();
    const other = nextClient();
    const key = 'key-for-one-request-0001';
    const body = { decision: client.decision, followsModel: true, ...WHY };
    expect((await post(client.id, body, key)).statusCode).toBe(201);
    const overridden = {
      decision: client.decision === 'grant' ? 'refuse' : 'grant',
      followsModel: false,
      reasonCategory: 'additional-income',
      justification: 'income verified by phone',
    };
    for (const reply of [
      await post(client.id, overridden, key),
      await post(other.id, { decision: other.decision, followsModel: true, ...WHY }, key),
    ]) {
      expect(reply.statusCode).toBe(422);
      expect(reply.json().error).toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
        field: 'headers.idempotency-key',
      });
    }
    expect(await history(client.id)).toHaveLength(1);
    expect(await history(other.id)).toHaveLength(0);
  });

  it('keeps keys per user, and records every request sent without a key', async () => {
    const client = nextClient();
    const body = { decision: client.decision, followsModel: true, ...WHY };
    const key = 'shared-key-between-users';
    const adviser = await post(client.id, body, key, 'adviser');
    const admin = await post(client.id, body, key, 'admin');
    expect([adviser.statusCode, admin.statusCode]).toEqual([201, 201]);
    expect(admin.headers[REPLAYED_HEADER]).toBeUndefined();
    expect(admin.json().id).not.toBe(adviser.json().id);
    await post(client.id, body);
    await post(client.id, body);
    expect(await history(client.id)).toHaveLength(4);
  });

  it('keeps no refusal: a corrected request under the same key is recorded', async () => {
    const client = nextClient();
    const key = 'corrected-request-0001';
    const opposite = client.decision === 'grant' ? 'refuse' : 'grant';
    const refused = await post(
      client.id,
      { decision: opposite, followsModel: false, reasonCategory: 'guarantee' },
      key,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('body.justification');
    const fixed = {
      decision: opposite,
      followsModel: false,
      reasonCategory: 'guarantee',
      justification: 'a guarantor signed for it',
    };
    expect((await post(client.id, fixed, key)).statusCode).toBe(201);
    expect(await history(client.id)).toHaveLength(1);
  });

  it('records once when the retry arrives while the first request still runs', async () => {
    const client = nextClient();
    const body = { decision: client.decision, followsModel: true, ...WHY };
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => post(client.id, body, 'concurrent-retries-01')),
    );
    expect(replies.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(replies.map((r) => r.json().id)).size).toBe(1);
    expect(replies.filter((r) => r.headers[REPLAYED_HEADER] === 'true')).toHaveLength(4);
    expect(await history(client.id)).toHaveLength(1);
  });

  it('validates the key, naming the header', async () => {
    const client = nextClient();
    const body = { decision: client.decision, followsModel: true, ...WHY };
    for (const key of [
      'short',
      'x'.repeat(129),
      'has space in it',
      '"unbalanced-quote',
      'é-not-ascii-1',
    ]) {
      const reply = await post(client.id, body, key);
      expect(reply.statusCode, key).toBe(400);
      expect(reply.json().error).toMatchObject({
        code: 'BAD_REQUEST',
        field: 'headers.idempotency-key',
      });
    }
    expect(await history(client.id)).toHaveLength(0);
  });
});
