/**
 * Several `serve` processes on one app store: started at once, they all come up (the demo users
 * are created once, never a UNIQUE error); on PostgreSQL a session opened on one replica is valid
 * on the other, and ended on the other by a logout; a database that cannot be reached is a clear
 * error at start. PostgreSQL runs on a throw-away cluster (test/support/postgres.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS } from '../../src/api/auth/demo-users.ts';
import { postgresTestsRun } from '../support/postgres.ts';
import { SQLITE_ENGINE, sharedPostgres, stopPostgres } from '../support/store-engines.ts';

const SERVE_CHILD = resolve(import.meta.dirname, '../support/serve-child.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'creditlens-replicas-'));
const children: ChildProcess[] = [];

// The cluster starts here, within the hook's longer timeout, not inside the first test.
beforeAll(async () => {
  if (postgresTestsRun()) await sharedPostgres();
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await stopPostgres();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Served {
  base: string;
  output: string;
  stop(): Promise<number | null>;
}

/** Starts `serve` with `args` (and `env`); resolves once it listens, rejects if it exits first. */
function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(
    'node',
    [
      '--import',
      'tsx',
      SERVE_CHILD,
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--log-level',
      'silent',
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  children.push(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  return new Promise((ready, reject) => {
    child.stdout?.on('data', () => {
      const base = /listening on (http:\/\/[^\s]+)/.exec(output)?.[1];
      if (base && output.endsWith('\n')) {
        ready({
          base,
          output,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}): ${output}`)));
  });
}

async function login(base: string, username: 'adviser' | 'admin'): Promise<string> {
  const reply = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORDS[username] }),
  });
  expect(reply.status).toBe(200);
  const cookie = reply.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

const engines = [
  { name: 'sqlite', location: () => SQLITE_ENGINE.location(dataDir) },
  ...(postgresTestsRun()
    ? [{ name: 'postgres', location: async () => (await sharedPostgres()).createDatabase() }]
    : []),
];

describe.each(engines)('two serve processes on one $name store', ({ name, location }) => {
  it('start at once, create the demo users once, and share the accounts', async () => {
    const store = await location();
    const [a, b] = await Promise.all([serve(['--app-db', store]), serve(['--app-db', store])]);
    try {
      // Each demo login is announced by the process that created it, never by both.
      const announced = (s: Served) => s.output.match(/^ {4}(\w+) \//gm) ?? [];
      const all = [...announced(a), ...announced(b)].map((l) => l.trim());
      expect(all.sort()).toEqual(['admin /', 'adviser /']);
      await login(a.base, 'adviser');
      await login(b.base, 'adviser');
      const ready = (await (await fetch(`${b.base}/readyz`)).json()) as {
        appStore: string;
        checks: { appStore: boolean };
      };
      expect(ready.checks.appStore).toBe(true);
      expect(ready.appStore).toBe(name);
    } finally {
      expect(await a.stop()).toBe(0);
      expect(await b.stop()).toBe(0);
    }
  }, 120_000);

  it.runIf(name === 'postgres')(
    'share sessions: a login on one is valid on the other, a logout on the other ends it',
    async () => {
      const store = await location();
      // The URL from the environment on one, from the flag on the other.
      const a = await serve([], { CREDITLENS_APP_DB: store });
      const b = await serve(['--app-db', store]);
      try {
        const cookie = await login(a.base, 'admin');
        const me = await fetch(`${b.base}/api/auth/me`, { headers: { cookie } });
        expect(me.status).toBe(200);
        expect(((await me.json()) as { user: { username: string } }).user.username).toBe('admin');
        const out = await fetch(`${b.base}/api/auth/logout`, {
          method: 'POST',
          headers: { cookie, origin: b.base },
        });
        expect(out.status).toBe(204);
        expect((await fetch(`${a.base}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
        // Both replicas' audit records are in the one trail.
        const adminCookie = await login(b.base, 'admin');
        const audit = (await (
          await fetch(`${a.base}/api/audit?action=auth.login&pageSize=10`, {
            headers: { cookie: adminCookie },
          })
        ).json()) as { total: number };
        expect(audit.total).toBe(2);
      } finally {
        await a.stop();
        await b.stop();
      }
    },
    120_000,
  );
});

describe.runIf(postgresTestsRun())('serve on PostgreSQL going away and coming back', () => {
  it('answers 503 on readiness and on requests meanwhile, and recovers by itself', async () => {
    const cluster = await sharedPostgres();
    const served = await serve(['--app-db', await cluster.createDatabase()]);
    const readiness = async () => {
      const reply = await fetch(`${served.base}/readyz`);
      return { status: reply.status, body: (await reply.json()) as Record<string, unknown> };
    };
    try {
      const cookie = await login(served.base, 'adviser');
      cluster.stop();
      const down = await readiness();
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        appStore: 'postgres',
        checks: { appStore: false },
        problem: 'the app store (PostgreSQL) does not answer',
      });
      const me = await fetch(`${served.base}/api/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(503);
      expect(((await me.json()) as { error: { code: string } }).error.code).toBe('NOT_READY');
      cluster.start();
      // No restart of the server: its pool connects again.
      expect((await readiness()).body).toMatchObject({ checks: { appStore: true } });
      expect((await fetch(`${served.base}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
    } finally {
      cluster.start(); // if an expectation failed while it was stopped
      await served.stop();
    }
  }, 120_000);
});

describe.runIf(postgresTestsRun())('serve on an unreachable PostgreSQL', () => {
  it('exits with a message naming the database, never its password', async () => {
    const cluster = await sharedPostgres();
    const url = `postgres://creditlens:s3cret@127.0.0.1:${cluster.port + 1}/nowhere`;
    const error = await serve(['--app-db', url]).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error).toMatch(
      /cannot open the PostgreSQL app store at postgres:\/\/creditlens:\*\*\*@127\.0\.0\.1/,
    );
    expect(error).not.toContain('s3cret');
  }, 60_000);
});
