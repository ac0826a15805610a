/**
 * An acknowledged audit write survives kill -9: the real server runs as a child process, answers
 * audited requests, is killed without warning, and every acknowledged record is in the store.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS } from '../auth/demo-users.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { makeDataDir, spawnServeChild } from '../test-support.ts';

let dataDir: string;
let cleanup: () => void;
let child: ChildProcess | undefined;

beforeAll(async () => {
  ({ dataDir, cleanup } = await makeDataDir('creditlens-durable-'));
});

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  cleanup?.();
});

/** Starts `creditlens serve --port 0` and resolves with its base URL once it listens. */
function startServer(): Promise<string> {
  const started = spawnServeChild(dataDir);
  child = started.child;
  return started.base;
}

describe('audit durability', () => {
  it('keeps every acknowledged record after kill -9', async () => {
    const base = await startServer();
    const acknowledged: string[] = [];
    const loginReply = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'customer1', password: DEMO_PASSWORDS.customer }),
    });
    expect(loginReply.status).toBe(200);
    acknowledged.push(loginReply.headers.get('x-request-id') ?? '');
    const cookie = (loginReply.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { user } = (await loginReply.json()) as { user: { clientId: number } };
    for (let i = 0; i < 40; i++) {
      const reply = await fetch(`${base}/api/clients/${user.clientId}`, { headers: { cookie } });
      expect(reply.status).toBe(200);
      await reply.arrayBuffer();
      acknowledged.push(reply.headers.get('x-request-id') ?? '');
    }
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child?.kill('SIGKILL');
    await exited;

    const store = openSqliteStore(join(dataDir, 'creditlens-app.sqlite'));
    try {
      const { total, records } = await store.audit.query({ page: 1, pageSize: 500 });
      const stored = new Set(records.map((r) => r.requestId));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      expect(total).toBe(acknowledged.length);
      expect(records.filter((r) => r.action === 'client.view')).toHaveLength(40);
    } finally {
      await store.close();
    }
  });

  it('stops cleanly on SIGTERM after serving, and keeps what it wrote', async () => {
    const base = await startServer();
    const reply = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORDS.admin }),
    });
    expect(reply.status).toBe(200);
    const requestId = reply.headers.get('x-request-id');
    const exited = new Promise<number | null>((resolve) =>
      child?.once('exit', (code) => resolve(code)),
    );
    child?.kill('SIGTERM');
    expect(await exited).toBe(0);
    const store = openSqliteStore(join(dataDir, 'creditlens-app.sqlite'));
    try {
      const { records } = await store.audit.query({
        action: 'auth.login',
        username: 'admin',
        page: 1,
        pageSize: 5,
      });
      expect(records.map((r) => r.requestId)).toContain(requestId);
    } finally {
      await store.close();
    }
  });
});
