/**
 * Per-user limits on the expensive routes, through inject(): a user over the rate or over the
 * requests at once gets 429 with Retry-After in the catalogue's format, while another user, and
 * the same user's cheap routes, go on as before.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerOptions } from '../config.ts';
import { closeShared, type DemoName, login, makeDataDir, testServer } from '../test-support.ts';

let dataDir: string;
let cleanup: () => void;
const servers: FastifyInstance[] = [];

beforeAll(async () => {
  ({ dataDir, cleanup } = await makeDataDir('creditlens-limits-'));
});

afterAll(async () => {
  for (const app of servers) await app.close();
  await closeShared();
  cleanup?.();
});

/**
 * A server with these limits (refusals answered at once unless said otherwise), its users logged
 * in, and customer1's own client.
 */
async function serverWith(limits: ServerOptions['expensiveLimits']) {
  const app = await testServer(dataDir, { expensiveLimits: { refusalDelayMs: 0, ...limits } });
  servers.push(app);
  const cookies = {} as Record<DemoName, string>;
  for (const name of ['adviser', 'customer1', 'customer2'] as const) {
    cookies[name] = await login(app, name);
  }
  const me = await app.inject({ url: '/api/auth/me', headers: { cookie: cookies.customer1 } });
  const own = me.json().user.clientId as number;
  const other = (
    await app.inject({ url: '/api/auth/me', headers: { cookie: cookies.customer2 } })
  ).json().user.clientId as number;
  const get = (who: DemoName, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: cookies[who] } });
  return { app, cookies, own, other, get };
}

/** 429 with this code, and a Retry-After of at most `retryAfter` s (less as time passes). */
function expectRefusal(reply: LightMyRequestResponse, code: string, retryAfter?: number): void {
  expect(reply.statusCode).toBe(429);
  const after = Number(reply.headers['retry-after']);
  expect(after).toBeGreaterThanOrEqual(1);
  if (retryAfter !== undefined) {
    expect(after).toBeLessThanOrEqual(retryAfter);
    expect(after).toBeGreaterThan(retryAfter / 2);
  }
  const { error } = reply.json();
  expect(error).toEqual({
    code,
    message: expect.stringContaining(`try again in ${after} s`),
    requestId: reply.headers['x-request-id'],
  });
}

describe('the rate of expensive requests', () => {
  it('refuses a user over the limit with 429 and Retry-After; another user is unaffected', async () => {
    // A bucket of 3, refilled at 2 a minute: the 4th request waits 30 s.
    const { own, other, get } = await serverWith({ burst: 3, perMinute: 2 });
    for (let i = 0; i < 3; i++) {
      expect((await get('customer1', `/api/clients/${own}/recourse`)).statusCode).toBe(200);
    }
    expectRefusal(await get('customer1', `/api/clients/${own}/recourse`), 'RATE_LIMITED', 30);
    // Every expensive route shares the budget: the what-if and population are refused too.
    expectRefusal(
      await get('customer1', `/api/population/features/AMT_CREDIT?client=${own}`),
      'RATE_LIMITED',
    );
    // The explanation is expensive only with all=true.
    expect((await get('customer1', `/api/clients/${own}/explanation`)).statusCode).toBe(200);
    expectRefusal(
      await get('customer1', `/api/clients/${own}/explanation?all=true`),
      'RATE_LIMITED',
    );
    // Cheap routes stay open to the same user.
    expect((await get('customer1', `/api/clients/${own}/score`)).statusCode).toBe(200);
    expect((await get('customer1', '/healthz')).statusCode).toBe(200);
    // Other users have their own budget.
    expect((await get('customer2', `/api/clients/${other}/recourse`)).statusCode).toBe(200);
    expect((await get('adviser', `/api/clients/${own}/recourse`)).statusCode).toBe(200);
  });

  it('counts the user, not the session: a second login shares the budget', async () => {
    const { app, own, get } = await serverWith({ burst: 1, perMinute: 1 });
    expect((await get('customer1', `/api/clients/${own}/recourse`)).statusCode).toBe(200);
    const again = await login(app, 'customer1');
    const reply = await app.inject({
      url: `/api/clients/${own}/recourse`,
      headers: { cookie: again },
    });
    expectRefusal(reply, 'RATE_LIMITED', 60);
  });

  it('does not count a logged-out caller: the role guard answers 401 first', async () => {
    const { app, own } = await serverWith({ burst: 1, perMinute: 1 });
    for (let i = 0; i < 3; i++) {
      const reply = await app.inject({ url: `/api/clients/${own}/recourse` });
      expect(reply.statusCode).toBe(401);
    }
  });
});

describe('refusals', () => {
  it('are answered after refusalDelayMs, never after Retry-After', async () => {
    const { own, get } = await serverWith({ burst: 1, perMinute: 1, refusalDelayMs: 300 });
    expect((await get('customer1', `/api/clients/${own}/recourse`)).statusCode).toBe(200);
    const started = performance.now();
    expectRefusal(await get('customer1', `/api/clients/${own}/recourse`), 'RATE_LIMITED');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('expensive requests at once', () => {
  it('runs `concurrent` of one user at a time and refuses the others at once', async () => {
    const { own, other, get } = await serverWith({ concurrent: 1, queued: 0 });
    // Recourse reads the application from DuckDB: the first request holds its slot across that
    // wait, while the others arrive.
    const mine = Array.from({ length: 6 }, () => get('customer1', `/api/clients/${own}/recourse`));
    const theirs = get('customer2', `/api/clients/${other}/recourse`);
    const replies = await Promise.all(mine);
    const statuses = replies.map((r) => r.statusCode);
    expect(statuses).toContain(200);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    for (const reply of replies.filter((r) => r.statusCode === 429)) {
      expectRefusal(reply, 'TOO_MANY_AT_ONCE', 1);
    }
    expect((await theirs).statusCode).toBe(200);
  });

  it('queues a few briefly instead: all answered, one at a time', async () => {
    const { own, get } = await serverWith({ concurrent: 1, queued: 5, queueWaitMs: 30_000 });
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => get('customer1', `/api/clients/${own}/recourse`)),
    );
    expect(replies.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const seventh = await Promise.all(
      Array.from({ length: 7 }, () => get('customer1', `/api/clients/${own}/recourse`)),
    );
    expect(seventh.filter((r) => r.statusCode === 429)).toHaveLength(1);
  });
});
