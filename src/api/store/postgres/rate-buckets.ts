/**
 * The expensive routes' per-user token buckets in PostgreSQL: one row per key, refilled and
 * taken from in one atomic upsert per admission, so the replicas together admit what one process
 * would. Time is the replica's clock (replicas keep NTP time); a replica a little behind never
 * refills a bucket backwards (GREATEST). Buckets idle long enough to be full again are deleted
 * now and then: a missing row is a full bucket.
 */
import type { Pool } from 'pg';
import type { RateBucketStore } from '../types.ts';

export const RATE_BUCKETS_TABLE_PG = `
CREATE TABLE rate_buckets (
  key TEXT PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  updated_at BIGINT NOT NULL,
  taken BOOLEAN NOT NULL
);
CREATE INDEX rate_buckets_updated ON rate_buckets(updated_at);
`;

/** Full buckets are deleted at most this often, by each replica. */
const PURGE_EVERY_MS = 60_000;

/** The bucket's tokens at $3 (now), refilled since its last update, at most $2 (burst). */
const REFILLED =
  'LEAST($2::float8, b.tokens + GREATEST(0, $3::bigint - b.updated_at)::float8 / $4::float8)';

const TAKE = `
INSERT INTO rate_buckets AS b (key, tokens, updated_at, taken)
  VALUES ($1, $2::float8 - 1, $3::bigint, TRUE)
ON CONFLICT (key) DO UPDATE SET
  tokens = CASE WHEN ${REFILLED} >= 1 THEN ${REFILLED} - 1 ELSE ${REFILLED} END,
  taken = ${REFILLED} >= 1,
  updated_at = GREATEST(b.updated_at, $3::bigint)
RETURNING tokens, taken`;

export class PostgresRateBuckets implements RateBucketStore {
  private purgedAt = 0;

  constructor(private readonly pool: Pool) {}

  async take(
    key: string,
    now: number,
    burst: number,
    msPerToken: number,
  ): Promise<{ taken: true } | { taken: false; waitMs: number }> {
    if (now - this.purgedAt > PURGE_EVERY_MS) {
      this.purgedAt = now;
      await this.pool.query('DELETE FROM rate_buckets WHERE updated_at < $1', [
        now - burst * msPerToken,
      ]);
    }
    const { rows } = await this.pool.query<{ tokens: number; taken: boolean }>(TAKE, [
      key,
      burst,
      now,
      msPerToken,
    ]);
    const row = rows[0];
    if (!row) throw new Error('the token bucket was not updated');
    return row.taken ? { taken: true } : { taken: false, waitMs: (1 - row.tokens) * msPerToken };
  }

  async giveBack(key: string, burst: number): Promise<void> {
    await this.pool.query(
      'UPDATE rate_buckets SET tokens = LEAST($2::float8, tokens + 1) WHERE key = $1',
      [key, burst],
    );
  }
}
