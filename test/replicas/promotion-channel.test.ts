/**
 * The promotion channel of the PostgreSQL store (LISTEN/NOTIFY on a connection of its own): an
 * announcement made through one store is heard through another on the same database, and after
 * the server restarts the listener reconnects by itself, says so (null: announcements may have
 * been missed) and hears the next ones.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/api/store/postgres-store.ts';
import type { AppStore } from '../../src/api/store/types.ts';
import { postgresTestsRun } from '../support/postgres.ts';
import { sharedPostgres, stopPostgres } from '../support/store-engines.ts';

const run = postgresTestsRun();
const stores: AppStore[] = [];

afterAll(async () => {
  for (const store of stores) await store.close().catch(() => {});
  await stopPostgres();
});

/** Resolves with the first value `heard` receives that `wanted` accepts, or rejects after `ms`. */
function next(heard: (string | null)[], wanted: (v: string | null) => boolean, ms: number) {
  const start = Date.now();
  return new Promise<string | null>((resolve, reject) => {
    const look = () => {
      const found = heard.findIndex(wanted);
      if (found >= 0) resolve(heard.splice(0, found + 1).at(-1) ?? null);
      else if (Date.now() - start > ms) reject(new Error(`nothing heard in ${ms} ms: ${heard}`));
      else setTimeout(look, 10);
    };
    look();
  });
}

describe.runIf(run)('promotions announced through PostgreSQL', () => {
  it('are heard by another replica at once, and again after the database restarts', async () => {
    const cluster = await sharedPostgres();
    const url = await cluster.createDatabase();
    const announcer = await openPostgresStore(url);
    const listener = await openPostgresStore(url);
    stores.push(announcer, listener);
    const heard: (string | null)[] = [];
    const stop = await listener.shared?.promotions.listen((runId) => heard.push(runId));
    expect(stop).toBeTypeOf('function');

    const start = Date.now();
    await announcer.shared?.promotions.announce('20261205-000000-first');
    expect(await next(heard, (v) => v === '20261205-000000-first', 1000)).toBe(
      '20261205-000000-first',
    );
    expect(Date.now() - start).toBeLessThan(1000);

    cluster.stop();
    cluster.start();
    // Reconnected: it says so (null), then hears the next announcement.
    expect(await next(heard, (v) => v === null, 15_000)).toBeNull();
    await announcer.shared?.promotions.announce('20261205-000001-second');
    expect(await next(heard, (v) => v === '20261205-000001-second', 2000)).toBe(
      '20261205-000001-second',
    );
    await stop?.();
  });
});
