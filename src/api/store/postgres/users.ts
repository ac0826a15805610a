/** The accounts of the PostgreSQL store: the `users` table behind the UserStore interface. */
import type { Pool } from 'pg';
import { toAccount, toUser, type UserRow } from '../rows.ts';
import type { User, UserAccount, UserStore, UserWithSecret } from '../types.ts';

const INSERT =
  'INSERT INTO users (username, role, client_id, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)';

export class PostgresUsers implements UserStore {
  constructor(private readonly pool: Pool) {}

  private async one(sql: string, params: unknown[]): Promise<UserRow | undefined> {
    return (await this.pool.query<UserRow>(sql, params)).rows[0];
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*) AS n FROM users');
    return rows[0]?.n ?? 0;
  }
  async create(user: Omit<UserWithSecret, 'id'>): Promise<User> {
    const row = await this.one(`${INSERT} RETURNING *`, params(user));
    if (!row) throw new Error('the user was not created');
    return toUser(row);
  }
  async createIfAbsent(user: Omit<UserWithSecret, 'id'>): Promise<User | undefined> {
    const row = await this.one(
      `${INSERT} ON CONFLICT (username) DO NOTHING RETURNING *`,
      params(user),
    );
    return row ? toUser(row) : undefined;
  }
  async findByUsername(username: string): Promise<UserWithSecret | undefined> {
    const row = await this.one('SELECT * FROM users WHERE username = $1 AND NOT disabled', [
      username,
    ]);
    return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
  }
  async findById(id: number): Promise<User | undefined> {
    const row = await this.one('SELECT * FROM users WHERE id = $1 AND NOT disabled', [id]);
    return row ? toUser(row) : undefined;
  }
  async list(): Promise<UserAccount[]> {
    return (await this.pool.query<UserRow>('SELECT * FROM users ORDER BY id')).rows.map(toAccount);
  }
  async account(id: number): Promise<UserAccount | undefined> {
    const row = await this.one('SELECT * FROM users WHERE id = $1', [id]);
    return row ? toAccount(row) : undefined;
  }
  async nameTaken(username: string): Promise<boolean> {
    return (await this.one('SELECT id FROM users WHERE username = $1', [username])) !== undefined;
  }
  async setDisabled(id: number, disabled: boolean): Promise<void> {
    await this.pool.query('UPDATE users SET disabled = $1 WHERE id = $2', [disabled, id]);
  }
  async setPasswordHash(id: number, passwordHash: string): Promise<void> {
    await this.pool.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, id]);
  }
}

function params(user: Omit<UserWithSecret, 'id'>): unknown[] {
  return [user.username, user.role, user.clientId, user.passwordHash, Date.now()];
}
