/**
 * An acknowledged decision and its Idempotency-Key are committed together, so a retry after a
 * kill -9 is replayed, not recorded twice: the real server runs as a child process, records
 * decisions, is killed without warning (some answers still in flight), starts again on the same
 * data, and every decision retried with its key exists exactly once.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS } from '../auth/demo-users.ts';
import { makeDataDir, spawnServeChild } from '../test-support.ts';

let dataDir: string;
let cleanup: () => void;
let child: ChildProcess | undefined;

beforeAll(async () => {
  ({ dataDir, cleanup } = await makeDataDir('creditlens-idempotent-durable-'));
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

async function killServer(): Promise<void> {
  const exited = new Promise((resolve) => child?.once('exit', resolve));
  child?.kill('SIGKILL');
  await exited;
}

async function loginAdviser(base: string): Promise<string> {
  const reply = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username: 'adviser', password: DEMO_PASSWORDS.adviser }),
  });
  expect(reply.status).toBe(200);
  return (reply.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

interface Planned {
  client: number;
  key: string;
  body: {
    decision: 'grant' | 'refuse';
    followsModel: true;
    reasonCategory: 'other';
    justification: string;
  };
}

function postDecision(base: string, cookie: string, planned: Planned): Promise<Response> {
  return fetch(`${base}/api/clients/${planned.client}/decisions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: base,
      cookie,
      'idempotency-key': planned.key,
    },
    body: JSON.stringify(planned.body),
  });
}

describe('idempotent decisions across kill -9', () => {
  it('replays, after a restart, the decisions committed before the kill, and records each once', async () => {
    let base = await startServer();
    let cookie = await loginAdviser(base);
    const list = await fetch(`${base}/api/clients?pageSize=11`, { headers: { cookie } });
    const clients = (
      (await list.json()) as { clients: { id: number; decision: 'grant' | 'refuse' }[] }
    ).clients;
    const planned: Planned[] = clients.map((c, i) => ({
      client: c.id,
      key: `decision-before-kill-${i}`,
      body: {
        decision: c.decision,
        followsModel: true,
        reasonCategory: 'other',
        justification: 'Checked with the client in person.',
      },
    }));
    const [acknowledgedFirst, ...inFlight] = planned as [Planned, ...Planned[]];

    // One decision acknowledged for sure, then ten sent at once and the server killed as the
    // first of them is answered: the others are committed or not, answered or not.
    const first = await postDecision(base, cookie, acknowledgedFirst);
    expect(first.status).toBe(201);
    const acknowledged = new Map<string, number>([
      [acknowledgedFirst.key, ((await first.json()) as { id: number }).id],
    ]);
    const sent = inFlight.map((p) =>
      postDecision(base, cookie, p).then(
        async (reply) => {
          if (reply.status === 201)
            acknowledged.set(p.key, ((await reply.json()) as { id: number }).id);
        },
        () => undefined, // cut by the kill
      ),
    );
    await Promise.race(sent);
    await killServer();
    await Promise.all(sent);

    base = await startServer();
    cookie = await loginAdviser(base);
    let replayed = 0;
    for (const p of planned) {
      const retry = await postDecision(base, cookie, p);
      expect(retry.status, p.key).toBe(201);
      const { id } = (await retry.json()) as { id: number };
      if (retry.headers.get('idempotent-replayed') === 'true') replayed++;
      // An answer the client had is the answer it gets again.
      if (acknowledged.has(p.key)) {
        expect(retry.headers.get('idempotent-replayed'), p.key).toBe('true');
        expect(id, p.key).toBe(acknowledged.get(p.key));
      }
      const history = await fetch(`${base}/api/clients/${p.client}/decisions`, {
        headers: { cookie },
      });
      const { decisions } = (await history.json()) as { decisions: { id: number }[] };
      expect(
        decisions.map((d) => d.id),
        p.key,
      ).toEqual([id]);
    }
    expect(replayed).toBeGreaterThanOrEqual(acknowledged.size);
    await killServer();
  });
});
