/**
 * The login throttle shared through PostgreSQL (src/api/auth/shared-attempts.ts) keeps the rules
 * of the in-memory one (src/api/auth/attempts.test.ts): the same back-off, no lock-out from
 * another address, successes forgotten, a burst counted as a sequence, failures leaking away,
 * nothing typed stored — and two replicas (two stores, two throttles) count together.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { LEAK_SECONDS, type ThrottleSettings } from '../../src/api/auth/attempts.ts';
import { SharedLoginThrottle } from '../../src/api/auth/shared-attempts.ts';
import { openPostgresStore } from '../../src/api/store/postgres-store.ts';
import type { AppStore } from '../../src/api/store/types.ts';
import { postgresTestsRun } from '../support/postgres.ts';
import { sharedPostgres, stopPostgres } from '../support/store-engines.ts';

const run = postgresTestsRun();
const settings = { perPair: 5, perAddress: 20, maxDelaySeconds: 60 };
const stores: AppStore[] = [];
/** Later than the wall clock, so no row is purged as forgotten while a test runs. */
const base = Date.now() + 3_600_000;

afterAll(async () => {
  for (const store of stores) await store.close();
  await stopPostgres();
});

/** `count` throttles (replicas) on one new database, and its rows as a SQL shell sees them. */
async function replicas(count: number, limits: ThrottleSettings = settings) {
  const url = await (await sharedPostgres()).createDatabase();
  const throttles: SharedLoginThrottle[] = [];
  for (let i = 0; i < count; i++) {
    const store = await openPostgresStore(url);
    stores.push(store);
    const shared = store.shared;
    if (!shared) throw new Error('no shared state');
    throttles.push(new SharedLoginThrottle(shared.loginFailures, limits));
  }
  const rows = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query('SELECT * FROM login_failures ORDER BY failures')).rows as {
        key: string;
        failures: number;
      }[];
    } finally {
      await client.end();
    }
  };
  return { throttles, rows };
}

describe.runIf(run)('the login throttle shared by replicas', () => {
  it('lets the pair fail 5 times across replicas, then waits 1 s, 2 s, 4 s… up to the cap', async () => {
    const { throttles } = await replicas(2);
    const at = (i: number) => throttles[i % 2] as SharedLoginThrottle;
    let now = base;
    for (let i = 0; i < 5; i++) {
      expect((await at(i).begin('admin', '203.0.113.7', now)).retryAfter).toBe(0);
    }
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const refused = (await at(i).begin('admin', '203.0.113.7', now)).retryAfter;
      waits.push(refused);
      now += refused * 1000;
      expect((await at(i + 1).begin('admin', '203.0.113.7', now)).retryAfter).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    // Never the same user from another address.
    expect((await at(0).begin('admin', '198.51.100.1', now)).retryAfter).toBe(0);
  });

  it('does not count a success, and a success forgets the pair', async () => {
    const { throttles, rows } = await replicas(2, { ...settings, perAddress: 100 });
    const [a, b] = throttles as [SharedLoginThrottle, SharedLoginThrottle];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 4; i++) {
        expect((await (i % 2 ? a : b).begin('admin', '203.0.113.7', base)).retryAfter).toBe(0);
      }
      const attempt = await a.begin('admin', '203.0.113.7', base);
      expect(attempt.retryAfter).toBe(0);
      await attempt.succeeded();
    }
    // 20 failures, never 5 in a row: the pair is clear; the address kept its 20.
    expect((await rows()).map((r) => r.failures)).toEqual([20]);
  });

  it('counts a burst on both replicas from its start, as a sequence', async () => {
    const { throttles } = await replicas(2);
    const started = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (throttles[i % 2] as SharedLoginThrottle).begin('admin', '203.0.113.7', base),
      ),
    );
    expect(started.map((a) => a.retryAfter).sort()).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
  });

  it('slows an address that tries many names, and forgets failures as they leak', async () => {
    const { throttles } = await replicas(2);
    const [a, b] = throttles as [SharedLoginThrottle, SharedLoginThrottle];
    const waits: number[] = [];
    for (let i = 0; i < 21; i++) {
      waits.push((await (i % 2 ? a : b).begin(`name${i}`, '203.0.113.7', base)).retryAfter);
    }
    expect(waits.slice(0, 20).every((w) => w === 0)).toBe(true);
    expect(waits[20]).toBe(1);
    // Two failures leaked: 18 left, under the address's 20.
    const later = base + 2 * LEAK_SECONDS * 1000;
    expect((await a.begin('name-x', '203.0.113.7', later)).retryAfter).toBe(0);
  });

  it('stores no user name and no address, only hashes under a key the replicas share', async () => {
    const { throttles, rows } = await replicas(2);
    const [a, b] = throttles as [SharedLoginThrottle, SharedLoginThrottle];
    const typed = 'correct-horse-battery';
    await a.begin(typed, '203.0.113.7', base);
    await b.begin(typed, '203.0.113.7', base);
    const stored = await rows();
    // One pair and one address, each counted twice: both replicas made the same keys.
    expect(stored.map((r) => r.failures)).toEqual([2, 2]);
    const text = JSON.stringify(stored);
    for (const secret of [typed, 'correct', '203.0.113']) expect(text).not.toContain(secret);
    for (const { key } of stored) expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
