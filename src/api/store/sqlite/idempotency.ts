/**
 * The answers kept for Idempotency-Keys: the `idempotency` table behind the IdempotencyStore
 * interface. One row per (user, key); a row is live until `expires_at`, and the expired ones are
 * dropped whenever an answer is saved.
 */
import { type IdempotencyRow, toIdempotentAnswer } from '../rows.ts';
import type { IdempotencyStore, IdempotentAnswer } from '../types.ts';
import type { Sqlite } from './schema.ts';

export class SqliteIdempotency implements IdempotencyStore {
  private readonly select;
  private readonly insert;
  private readonly purge;
  constructor(db: Sqlite) {
    this.select = db.prepare<[number, string, number], IdempotencyRow>(
      'SELECT * FROM idempotency WHERE user_id = ? AND key = ? AND expires_at > ?',
    );
    this.insert = db.prepare(
      `INSERT INTO idempotency (user_id, key, fingerprint, status, body, created_at, expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.purge = db.prepare('DELETE FROM idempotency WHERE expires_at <= ?');
  }

  async find(userId: number, key: string, now: number): Promise<IdempotentAnswer | undefined> {
    const row = this.select.get(userId, key, now);
    if (!row) return undefined;
    return toIdempotentAnswer(row);
  }

  async save(a: IdempotentAnswer): Promise<void> {
    this.saveNow(a);
  }

  /** save(), synchronously: for the audit's transaction (an append's `keep`). */
  saveNow(a: IdempotentAnswer): void {
    // The expired answers go first, so an expired key is free; a live one fails the primary key.
    this.purge.run(a.createdAt);
    this.insert.run(a.userId, a.key, a.fingerprint, a.status, a.body, a.createdAt, a.expiresAt);
  }
}
