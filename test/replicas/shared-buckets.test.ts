/**
 * The token buckets shared through PostgreSQL (src/api/store/postgres/rate-buckets.ts): a full
 * bucket gives `burst` tokens, then refuses with the wait for the next; tokens come back with
 * time, never above `burst`; a token given back is there again; and concurrent admissions through
 * two replicas' stores take exactly the tokens there are.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/api/store/postgres-store.ts';
import type { AppStore, RateBucketStore } from '../../src/api/store/types.ts';
import { postgresTestsRun } from '../support/postgres.ts';
import { sharedPostgres, stopPostgres } from '../support/store-engines.ts';

const run = postgresTestsRun();
const stores: AppStore[] = [];
const base = Date.now() + 3_600_000;
/** 2 a minute: a token every 30 s. */
const MS_PER_TOKEN = 30_000;

afterAll(async () => {
  for (const store of stores) await store.close();
  await stopPostgres();
});

async function buckets(count: number): Promise<RateBucketStore[]> {
  const url = await (await sharedPostgres()).createDatabase();
  const made: RateBucketStore[] = [];
  for (let i = 0; i < count; i++) {
    const store = await openPostgresStore(url);
    stores.push(store);
    if (!store.shared) throw new Error('no shared state');
    made.push(store.shared.rateBuckets);
  }
  return made;
}

describe.runIf(run)('token buckets shared by replicas', () => {
  it('give burst tokens, then the wait for the next; refill with time, up to burst', async () => {
    const [a, b] = (await buckets(2)) as [RateBucketStore, RateBucketStore];
    for (const bucket of [a, b, a]) {
      expect(await bucket.take('user:1', base, 3, MS_PER_TOKEN)).toEqual({ taken: true });
    }
    expect(await b.take('user:1', base + 6000, 3, MS_PER_TOKEN)).toEqual({
      taken: false,
      waitMs: 24_000,
    });
    // Another key is untouched.
    expect(await b.take('user:2', base, 3, MS_PER_TOKEN)).toEqual({ taken: true });
    // 30 s later one token is back; an hour later, only `burst` of them.
    expect(await a.take('user:1', base + 30_000, 3, MS_PER_TOKEN)).toEqual({ taken: true });
    const later = base + 3_600_000;
    for (let i = 0; i < 3; i++) {
      expect((await a.take('user:1', later, 3, MS_PER_TOKEN)).taken).toBe(true);
    }
    expect((await a.take('user:1', later, 3, MS_PER_TOKEN)).taken).toBe(false);
    // A token given back (a request refused for want of a slot) is there again.
    await b.giveBack('user:1', 3);
    expect((await a.take('user:1', later, 3, MS_PER_TOKEN)).taken).toBe(true);
  });

  it('take exactly the tokens there are when admissions race on both replicas', async () => {
    const [a, b] = (await buckets(2)) as [RateBucketStore, RateBucketStore];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).take('user:7', base, 5, MS_PER_TOKEN)),
    );
    expect(results.filter((r) => r.taken)).toHaveLength(5);
  });
});
