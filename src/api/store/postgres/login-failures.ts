/**
 * The login throttle's failure counts in PostgreSQL, so that guesses sent through several
 * replicas are counted as if through one. Each update locks the keys' rows (a placeholder row is
 * made first for a key never seen, so there is always a row to lock) and runs in one
 * transaction. `forgotten_at` is when a count has leaked away entirely: rows past it are deleted
 * now and then. The HMAC key is made once by whichever replica comes first and kept in
 * `app_secrets`.
 */
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { FailureCount, LoginFailureStore } from '../types.ts';

export const LOGIN_FAILURES_TABLE_PG = `
CREATE TABLE login_failures (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last BIGINT NOT NULL,
  forgotten_at BIGINT NOT NULL
);
CREATE INDEX login_failures_forgotten ON login_failures(forgotten_at);
CREATE TABLE app_secrets (
  name TEXT PRIMARY KEY,
  value BYTEA NOT NULL
);
`;

/** Expired rows are deleted at most this often, by each replica. */
const PURGE_EVERY_MS = 60_000;

export class PostgresLoginFailures implements LoginFailureStore {
  private secretValue: Promise<Buffer> | null = null;
  private purgedAt = 0;

  /** `leakMs`: a failure is forgotten after this long (LEAK_SECONDS of ../../auth/attempts.ts). */
  constructor(
    private readonly pool: Pool,
    private readonly leakMs: number,
  ) {}

  secret(): Promise<Buffer> {
    this.secretValue ??= (async () => {
      await this.pool.query(
        `INSERT INTO app_secrets (name, value) VALUES ('login-throttle', $1)
          ON CONFLICT (name) DO NOTHING`,
        [randomBytes(32)],
      );
      const { rows } = await this.pool.query<{ value: Buffer }>(
        `SELECT value FROM app_secrets WHERE name = 'login-throttle'`,
      );
      const value = rows[0]?.value;
      if (!value) throw new Error('the login throttle key was not kept');
      return value;
    })().catch((error: unknown) => {
      this.secretValue = null; // try again on the next login (the database may be back)
      throw error;
    });
    return this.secretValue;
  }

  async update(
    keys: readonly string[],
    decide: (counts: (FailureCount | undefined)[]) => (FailureCount | null | undefined)[],
  ): Promise<void> {
    const now = Date.now();
    if (now - this.purgedAt > PURGE_EVERY_MS) {
      this.purgedAt = now;
      await this.pool.query('DELETE FROM login_failures WHERE forgotten_at <= $1', [now]);
    }
    // Sorted, so two transactions lock the same rows in the same order (never a deadlock).
    const sorted = [...new Set(keys)].sort();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO login_failures (key, failures, last, forgotten_at)
          SELECT k, 0, 0, 0 FROM unnest($1::text[]) AS k ORDER BY k
          ON CONFLICT (key) DO NOTHING`,
        [sorted],
      );
      const { rows } = await client.query<{ key: string; failures: number; last: number }>(
        `SELECT key, failures, last FROM login_failures WHERE key = ANY($1::text[])
          ORDER BY key FOR UPDATE`,
        [sorted],
      );
      const byKey = new Map(rows.map((r) => [r.key, r]));
      const counts = keys.map((k) => {
        const row = byKey.get(k);
        return row && row.failures > 0 ? { failures: row.failures, last: row.last } : undefined;
      });
      const decided = decide(counts);
      for (const [i, key] of keys.entries()) {
        const next = decided[i];
        if (next === undefined) continue;
        if (next === null || next.failures <= 0) {
          await client.query('DELETE FROM login_failures WHERE key = $1', [key]);
        } else {
          await client.query(
            'UPDATE login_failures SET failures = $2, last = $3, forgotten_at = $4 WHERE key = $1',
            [key, next.failures, next.last, next.last + next.failures * this.leakMs],
          );
        }
      }
      // Placeholders of keys left as they were (no failure) are not kept.
      await client.query(
        'DELETE FROM login_failures WHERE key = ANY($1::text[]) AND failures = 0',
        [sorted],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}
