/** The accounts of the embedded store: the `users` table behind the UserStore interface. */
import { toAccount, toUser, type UserRow } from '../rows.ts';
import type { User, UserAccount, UserStore, UserWithSecret } from '../types.ts';
import type { Sqlite } from './schema.ts';

export class SqliteUsers implements UserStore {
  private readonly byName;
  private readonly byId;
  private readonly anyById;
  private readonly anyByName;
  private readonly all;
  private readonly disable;
  private readonly password;
  private readonly insert;
  private readonly insertIfAbsent;
  private readonly counter;
  constructor(db: Sqlite) {
    this.byName = db.prepare<[string], UserRow>(
      'SELECT * FROM users WHERE username = ? AND disabled = 0',
    );
    this.byId = db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ? AND disabled = 0');
    this.anyById = db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?');
    this.anyByName = db.prepare<[string], { id: number }>(
      'SELECT id FROM users WHERE username = ?',
    );
    this.all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY id');
    this.disable = db.prepare('UPDATE users SET disabled = ? WHERE id = ?');
    this.password = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
    this.insert = db.prepare(
      'INSERT INTO users (username, role, client_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertIfAbsent = db.prepare(
      `INSERT INTO users (username, role, client_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (username) DO NOTHING`,
    );
    this.counter = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  }
  async count(): Promise<number> {
    return this.counter.get()?.n ?? 0;
  }
  async create(user: Omit<UserWithSecret, 'id'>): Promise<User> {
    const info = this.insert.run(
      user.username,
      user.role,
      user.clientId,
      user.passwordHash,
      Date.now(),
    );
    const { username, role, clientId } = user;
    return { id: Number(info.lastInsertRowid), username, role, clientId };
  }
  async createIfAbsent(user: Omit<UserWithSecret, 'id'>): Promise<User | undefined> {
    const info = this.insertIfAbsent.run(
      user.username,
      user.role,
      user.clientId,
      user.passwordHash,
      Date.now(),
    );
    if (info.changes === 0) return undefined;
    const { username, role, clientId } = user;
    return { id: Number(info.lastInsertRowid), username, role, clientId };
  }
  async findByUsername(username: string): Promise<UserWithSecret | undefined> {
    const row = this.byName.get(username);
    return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
  }
  async findById(id: number): Promise<User | undefined> {
    const row = this.byId.get(id);
    return row ? toUser(row) : undefined;
  }
  async list(): Promise<UserAccount[]> {
    return this.all.all().map(toAccount);
  }
  async account(id: number): Promise<UserAccount | undefined> {
    const row = this.anyById.get(id);
    return row ? toAccount(row) : undefined;
  }
  async nameTaken(username: string): Promise<boolean> {
    return this.anyByName.get(username) !== undefined;
  }
  async setDisabled(id: number, disabled: boolean): Promise<void> {
    this.disable.run(disabled ? 1 : 0, id);
  }
  async setPasswordHash(id: number, passwordHash: string): Promise<void> {
    this.password.run(passwordHash, id);
  }
}
