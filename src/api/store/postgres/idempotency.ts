/**
 * The answers kept for Idempotency-Keys in the PostgreSQL store: the `idempotency` table behind
 * the IdempotencyStore interface, shared by the replicas (a retry sent to another replica after a
 * kill is replayed there). One row per (user, key), live until `expires_at`.
 */
import type { Pool, PoolClient } from 'pg';
import { type IdempotencyRow, toIdempotentAnswer } from '../rows.ts';
import type { IdempotencyStore, IdempotentAnswer } from '../types.ts';

/**
 * Saves an answer on `client` (inside the caller's transaction): an expired answer under the same
 * key goes first, so the key is free; a live one fails the primary key.
 */
export async function saveAnswer(client: Pool | PoolClient, a: IdempotentAnswer): Promise<void> {
  await client.query(
    'DELETE FROM idempotency WHERE user_id = $1 AND key = $2 AND expires_at <= $3',
    [a.userId, a.key, a.createdAt],
  );
  await client.query(
    `INSERT INTO idempotency (user_id, key, fingerprint, status, body, created_at, expires_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [a.userId, a.key, a.fingerprint, a.status, a.body, a.createdAt, a.expiresAt],
  );
}

export class PostgresIdempotency implements IdempotencyStore {
  constructor(private readonly pool: Pool) {}

  async find(userId: number, key: string, now: number): Promise<IdempotentAnswer | undefined> {
    const { rows } = await this.pool.query<IdempotencyRow>(
      'SELECT * FROM idempotency WHERE user_id = $1 AND key = $2 AND expires_at > $3',
      [userId, key, now],
    );
    const row = rows[0];
    if (!row) return undefined;
    return toIdempotentAnswer(row);
  }

  async save(a: IdempotentAnswer): Promise<void> {
    await this.pool.query('DELETE FROM idempotency WHERE expires_at <= $1', [a.createdAt]);
    await saveAnswer(this.pool, a);
  }
}
