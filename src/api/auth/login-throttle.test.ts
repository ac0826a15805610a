/**
 * Login throttling through inject(): an attacker guessing a known user's password slows only
 * themself, successes are free, the 429 says when to come back, and a user name that matches no
 * account is not kept. A server without client data (the demo staff accounts only) is enough.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../audit/fingerprint.ts';
import { buildServer } from '../server.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { AppStore } from '../store/types.ts';
import { DEMO_PASSWORDS } from './demo-users.ts';

let dataDir: string;
const servers: FastifyInstance[] = [];
const stores: AppStore[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'creditlens-throttle-'));
});

afterAll(async () => {
  for (const app of servers) await app.close();
  for (const store of stores) await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A fresh server (its own throttle, its own in-memory store) with small limits. */
async function server(limits = { perPair: 3, perAddress: 10 }): Promise<FastifyInstance> {
  const store = openSqliteStore(':memory:');
  const app = await buildServer({
    dataDir,
    store,
    logLevel: 'silent',
    webDist: null,
    loginAttempts: { ...limits, maxDelaySeconds: 600 },
  });
  servers.push(app);
  stores.push(store);
  return app;
}

function login(app: FastifyInstance, from: string, username: string, password: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: from,
    payload: { username, password },
  });
}

describe('login throttling', () => {
  it("cannot be turned into a lock-out: admin logs in from another address during the attacker's back-off", async () => {
    const app = await server();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await login(app, '203.0.113.66', 'admin', `guess-${i}`)).statusCode);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual(Array(9).fill(429));
    // Even the right password waits, from the attacker's address…
    expect((await login(app, '203.0.113.66', 'admin', DEMO_PASSWORDS.admin)).statusCode).toBe(429);
    // …but not from admin's.
    const admin = await login(app, '198.51.100.10', 'admin', DEMO_PASSWORDS.admin);
    expect(admin.statusCode).toBe(200);
    expect(admin.json().user.username).toBe('admin');
  });

  it('answers 429 in the error format with Retry-After, growing with the failures', async () => {
    const app = await server();
    for (let i = 0; i < 3; i++) await login(app, '203.0.113.67', 'adviser', 'wrong-guess');
    const refused = await login(app, '203.0.113.67', 'adviser', 'wrong-guess');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toEqual({
      error: {
        code: 'TOO_MANY_REQUESTS',
        message: 'too many attempts: try again in 1 s',
        requestId: refused.headers['x-request-id'],
      },
    });
  });

  it('does not count successful logins, and a success forgets the failures of its pair', async () => {
    const app = await server();
    // More than the address's 10 failures, and than the per-address limit of before (10 a minute).
    for (let i = 0; i < 12; i++) {
      expect(
        (await login(app, '198.51.100.20', 'adviser', DEMO_PASSWORDS.adviser)).statusCode,
      ).toBe(200);
    }
    for (let round = 0; round < 3; round++) {
      expect((await login(app, '198.51.100.21', 'admin', 'typo-1')).statusCode).toBe(401);
      expect((await login(app, '198.51.100.21', 'admin', 'typo-2')).statusCode).toBe(401);
      expect((await login(app, '198.51.100.21', 'admin', DEMO_PASSWORDS.admin)).statusCode).toBe(
        200,
      );
    }
  });

  it('slows an address spraying many user names, not the users elsewhere', async () => {
    const app = await server({ perPair: 3, perAddress: 5 });
    const statuses: number[] = [];
    for (const name of ['a1', 'a2', 'adviser', 'a4', 'a5', 'a6', 'a7']) {
      statuses.push((await login(app, '203.0.113.68', name, 'Summer2024!')).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect((await login(app, '198.51.100.30', 'adviser', DEMO_PASSWORDS.adviser)).statusCode).toBe(
      200,
    );
  });

  it('does not audit a user name that matches no account; it does a known one', async () => {
    const app = await server();
    const typed = 'my-Secret-passphrase'; // a password typed in the user name field
    expect((await login(app, '198.51.100.40', typed, 'whatever')).statusCode).toBe(401);
    expect((await login(app, '198.51.100.40', 'adviser', 'wrong-guess')).statusCode).toBe(401);
    const { records } = await app.ctx.store.audit.query({
      action: 'auth.login.failed',
      page: 1,
      pageSize: 10,
    });
    expect(JSON.stringify(records)).not.toContain(typed);
    const unknown = records.find((r) => r.username === null);
    expect(unknown).toMatchObject({ outputSummary: '{"ok":false,"reason":"unknown user name"}' });
    expect(unknown?.inputsFingerprint).not.toBe(fingerprint({ username: typed }));
    expect(records.find((r) => r.username === 'adviser')).toMatchObject({
      outputSummary: '{"ok":false,"reason":"wrong password"}',
      inputsFingerprint: fingerprint({ username: 'adviser' }),
    });
  });
});
