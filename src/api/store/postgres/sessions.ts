/**
 * The sessions of the PostgreSQL store: the `sessions` table behind the SessionStore interface,
 * shared by every replica on the database (a session opened on one is valid on all). Ids are
 * stored hashed (SHA-256), so a copy of the database opens no session.
 */
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { Session, SessionStore } from '../types.ts';

function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

export class PostgresSessions implements SessionStore {
  constructor(private readonly pool: Pool) {}

  async create(session: Session): Promise<void> {
    await this.pool.query(
      'INSERT INTO sessions (id_hash, user_id, expires_at) VALUES ($1, $2, $3)',
      [hashSessionId(session.id), session.userId, session.expiresAt],
    );
  }
  async find(id: string, now: number): Promise<Session | undefined> {
    const { rows } = await this.pool.query<{ user_id: number; expires_at: number }>(
      'SELECT user_id, expires_at FROM sessions WHERE id_hash = $1 AND expires_at > $2',
      [hashSessionId(id), now],
    );
    const row = rows[0];
    return row ? { id, userId: row.user_id, expiresAt: row.expires_at } : undefined;
  }
  async delete(id: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [hashSessionId(id)]);
  }
  async deleteForUser(userId: number): Promise<number> {
    return (
      (await this.pool.query('DELETE FROM sessions WHERE user_id = $1', [userId])).rowCount ?? 0
    );
  }
  async purgeExpired(now: number): Promise<number> {
    return (
      (await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now])).rowCount ?? 0
    );
  }
}
