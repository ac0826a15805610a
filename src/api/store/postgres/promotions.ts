/**
 * Model promotions announced to every replica: NOTIFY on the `creditlens_model` channel, heard
 * through LISTEN on a connection of its own (a pooled one may be handed to anyone). When that
 * connection drops, it reconnects after a second, and says so (heard(null)): announcements made
 * while it was away are lost, so the listener checks the registry itself then. The periodic check
 * of the registry (../../scoring/model-watcher.ts) stays the fallback either way.
 */

import type { Pool } from 'pg';
import pg from 'pg';
import type { PromotionChannel } from '../types.ts';

export const PROMOTION_CHANNEL = 'creditlens_model';

/** The wait before reconnecting a dropped listening connection. */
const RECONNECT_MS = 1000;

export class PostgresPromotions implements PromotionChannel {
  constructor(
    private readonly pool: Pool,
    private readonly url: string,
  ) {}

  async announce(runId: string): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [PROMOTION_CHANNEL, runId]);
  }

  async listen(heard: (runId: string | null) => void): Promise<() => Promise<void>> {
    let stopped = false;
    let client: pg.Client | null = null;
    let timer: NodeJS.Timeout | undefined;

    const connect = async (): Promise<void> => {
      const next = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
      next.on('notification', (message) => {
        if (message.channel === PROMOTION_CHANNEL) heard(message.payload ?? null);
      });
      const dropped = () => {
        if (client !== next) return;
        client = null;
        next.removeAllListeners('end');
        next.end().catch(() => {});
        retry();
      };
      next.on('error', dropped);
      next.on('end', dropped);
      client = next;
      try {
        await next.connect();
        await next.query(`LISTEN ${PROMOTION_CHANNEL}`);
      } catch (error) {
        dropped();
        throw error;
      }
    };
    const retry = () => {
      if (stopped) return;
      timer = setTimeout(() => {
        connect().then(
          () => heard(null),
          () => {}, // dropped() has planned the next attempt
        );
      }, RECONNECT_MS);
      timer.unref();
    };

    await connect().catch(() => {}); // not reachable now: retrying in the background
    return async () => {
      stopped = true;
      clearTimeout(timer);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    };
  }
}
