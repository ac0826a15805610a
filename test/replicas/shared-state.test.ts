/**
 * Two API replicas (two Fastify servers, each with its own pool) on one PostgreSQL database share
 * what one process would keep: the login throttle's counts, the expensive routes' token buckets,
 * the served model (a promotion on one is served by the other within 2 s) and the idempotency
 * keys (the same key sent to both at once is recorded once, never a 500). PostgreSQL runs on a
 * throw-away cluster (test/support/postgres.ts); without it these skip with a message, except
 * under CI=true.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS } from '../../src/api/auth/demo-users.ts';
import type { ServerOptions } from '../../src/api/config.ts';
import { closeShared, login, makeDataDir, testServer } from '../../src/api/test-support.ts';
import { saveRun } from '../../src/model/registry/index.ts';
import { fabricateDraft, tinyModel } from '../../src/model/registry/test-support.ts';
import { postgresTestsRun } from '../support/postgres.ts';
import { sharedPostgres, stopPostgres } from '../support/store-engines.ts';

const run = postgresTestsRun();
let dataDir = '';
let cleanup = () => {};
const servers: FastifyInstance[] = [];

beforeAll(async () => {
  if (!run) return;
  await sharedPostgres();
  ({ dataDir, cleanup } = await makeDataDir('creditlens-replicas-state-'));
});

afterAll(async () => {
  for (const app of servers) await app.close();
  await closeShared();
  await stopPostgres();
  cleanup();
});

/** Two replicas on one new database, with these settings. */
async function replicas(options: ServerOptions = {}): Promise<[FastifyInstance, FastifyInstance]> {
  const url = await (await sharedPostgres()).createDatabase();
  const made: FastifyInstance[] = [];
  for (let i = 0; i < 2; i++) {
    const app = await testServer(dataDir, { appDbPath: url, webDist: null, ...options });
    servers.push(app);
    made.push(app);
  }
  return made as [FastifyInstance, FastifyInstance];
}

function loginAs(app: FastifyInstance, username: string, password: string, from = '203.0.113.9') {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: from,
    payload: { username, password },
  });
}

describe.runIf(run)('replicas on one PostgreSQL', () => {
  it('throttle guesses sent through two replicas as if through one', async () => {
    const [a, b] = await replicas({
      loginAttempts: { perPair: 3, perAddress: 50, maxDelaySeconds: 600 },
    });
    // Three failures, alternating: the pair's free failures are spent across both.
    for (const app of [a, b, a]) {
      expect((await loginAs(app, 'adviser', 'not-the-password')).statusCode).toBe(401);
    }
    for (const app of [b, a]) {
      const refused = await loginAs(app, 'adviser', DEMO_PASSWORDS.adviser);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    // Another address is not slowed (never a lock-out of the account).
    expect((await loginAs(b, 'adviser', DEMO_PASSWORDS.adviser, '198.51.100.7')).statusCode).toBe(
      200,
    );
  });

  it('count concurrent guesses on both replicas one after the other', async () => {
    const [a, b] = await replicas({
      loginAttempts: { perPair: 4, perAddress: 50, maxDelaySeconds: 600 },
    });
    // Ten guesses at once, five on each: the four free ones are checked, the rest wait (1 s
    // after the fourth failure; a machine slow enough to take longer lets a fifth through).
    const start = Date.now();
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => loginAs(i % 2 ? a : b, 'admin', `wrong-guess-${i}`)),
    );
    const slow = Date.now() - start > 1000;
    const statuses = replies.map((r) => r.statusCode);
    const checked = statuses.filter((s) => s === 401).length;
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    if (slow) expect(checked).toBeGreaterThanOrEqual(4);
    else expect(checked).toBe(4);
    expect(checked).toBeLessThanOrEqual(slow ? 5 : 4);
  });

  it('share the token bucket of a user between replicas', async () => {
    const [a, b] = await replicas({
      expensiveLimits: { burst: 3, perMinute: 2, refusalDelayMs: 0 },
    });
    const cookieA = await login(a, 'customer1');
    const cookieB = await login(b, 'customer1');
    const own = (await a.inject({ url: '/api/auth/me', headers: { cookie: cookieA } })).json().user
      .clientId as number;
    const recourse = (app: FastifyInstance, cookie: string) =>
      app.inject({ url: `/api/clients/${own}/recourse`, headers: { cookie } });
    for (const [app, cookie] of [
      [a, cookieA],
      [b, cookieB],
      [a, cookieA],
    ] as const) {
      expect((await recourse(app, cookie)).statusCode).toBe(200);
    }
    for (const [app, cookie] of [
      [b, cookieB],
      [a, cookieA],
    ] as const) {
      const refused = await recourse(app, cookie);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('RATE_LIMITED');
      // 2 a minute: the next token in at most 30 s.
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(30);
    }
    // Another user's bucket is full.
    const other = await login(b, 'adviser');
    expect((await recourse(b, other)).statusCode).toBe(200);
  });

  it('serve a model promoted on one replica on the other within 2 s, each answer from one model', async () => {
    const [a, b] = await replicas();
    const admin = await login(a, 'admin');
    const adviser = await login(b, 'adviser');
    const own = (
      await b.inject({ url: '/api/clients?pageSize=1', headers: { cookie: adviser } })
    ).json().clients[0].id as number;
    /** What B answers about one client: the model and what it said (one answer, one model). */
    const scoreOnB = async () => {
      const { modelVersion, probability, threshold, points } = (
        await b.inject({ url: `/api/clients/${own}/score`, headers: { cookie: adviser } })
      ).json();
      return { modelVersion, probability, threshold, points } as Record<string, unknown>;
    };
    const before = await scoreOnB();
    const saved = await saveRun(
      join(dataDir, 'models'),
      { model: tinyModel(17), draft: fabricateDraft({ seed: 9 }) },
      { activate: false },
    );
    expect(before.modelVersion).not.toBe(saved.id);

    const promoted = await a.inject({
      method: 'POST',
      url: `/api/admin/models/${saved.id}/promote`,
      headers: { cookie: admin },
    });
    expect(promoted.statusCode).toBe(200);
    const start = Date.now();
    const answers = [before];
    while (answers.at(-1)?.modelVersion !== saved.id && Date.now() - start < 2000) {
      answers.push(...(await Promise.all([scoreOnB(), scoreOnB(), scoreOnB()])));
    }
    const elapsed = Date.now() - start;
    expect(answers.at(-1)?.modelVersion).toBe(saved.id);
    expect(elapsed).toBeLessThanOrEqual(2000);
    // Every answer given during the swap is the old model's answer or the new one's, whole.
    const after = await scoreOnB();
    expect(after.modelVersion).toBe(saved.id);
    for (const answer of answers) expect([before, after]).toContainEqual(answer);
  });

  it('record a decision sent with one key to both replicas at once exactly once', async () => {
    const [a, b] = await replicas();
    const cookies = [await login(a, 'adviser'), await login(b, 'adviser')];
    const list = await a.inject({
      url: '/api/clients?pageSize=8',
      headers: { cookie: cookies[0] },
    });
    const clients = list.json().clients as { id: number; decision: 'grant' | 'refuse' }[];
    await Promise.all(
      clients.map(async (client, i) => {
        const send = (app: FastifyInstance, cookie: string | undefined) =>
          app.inject({
            method: 'POST',
            url: `/api/clients/${client.id}/decisions`,
            headers: { cookie, 'idempotency-key': `same-key-on-two-replicas-${i}` },
            payload: {
              decision: client.decision,
              followsModel: true,
              reasonCategory: 'other',
              justification: 'Checked with the client in person.',
            },
          });
        const [first, second] = await Promise.all([send(a, cookies[0]), send(b, cookies[1])]);
        expect([first.statusCode, second.statusCode], `client ${client.id}`).toEqual([201, 201]);
        expect(second.json().id).toBe(first.json().id);
        const history = await a.inject({
          url: `/api/clients/${client.id}/decisions`,
          headers: { cookie: cookies[0] },
        });
        expect(history.json().decisions.map((d: { id: number }) => d.id)).toEqual([
          first.json().id,
        ]);
      }),
    );
  });
});
