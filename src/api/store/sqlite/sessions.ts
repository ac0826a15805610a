/**
 * The sessions of the embedded store: the `sessions` table behind the SessionStore interface. Ids
 * are stored hashed (SHA-256), so a copy of the database opens no session.
 */
import { createHash } from 'node:crypto';
import type { Session, SessionStore } from '../types.ts';
import type { Sqlite } from './schema.ts';

function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

export class SqliteSessions implements SessionStore {
  private readonly insert;
  private readonly select;
  private readonly remove;
  private readonly removeForUser;
  private readonly purge;
  constructor(db: Sqlite) {
    this.insert = db.prepare(
      'INSERT INTO sessions (id_hash, user_id, expires_at) VALUES (?, ?, ?)',
    );
    this.select = db.prepare<[string, number], { user_id: number; expires_at: number }>(
      'SELECT user_id, expires_at FROM sessions WHERE id_hash = ? AND expires_at > ?',
    );
    this.remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
    this.removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
    this.purge = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  }
  async create(session: Session): Promise<void> {
    this.insert.run(hashSessionId(session.id), session.userId, session.expiresAt);
  }
  async find(id: string, now: number): Promise<Session | undefined> {
    const row = this.select.get(hashSessionId(id), now);
    return row ? { id, userId: row.user_id, expiresAt: row.expires_at } : undefined;
  }
  async delete(id: string): Promise<void> {
    this.remove.run(hashSessionId(id));
  }
  async deleteForUser(userId: number): Promise<number> {
    return this.removeForUser.run(userId).changes;
  }
  async purgeExpired(now: number): Promise<number> {
    return this.purge.run(now).changes;
  }
}
