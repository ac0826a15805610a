/** The accounts of the embedded store: the `users` table behind the UserStore interface. */
import type { Role, User, UserAccount, UserStore, UserWithSecret } from '../types.ts';
import type { Sqlite } from './schema.ts';

interface UserRow {
  id: number;
  username: string;
  role: Role;
  client_id: number | null;
  password_hash: string;
  created_at: number;
  disabled: number;
}

function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, role: row.role, clientId: row.client_id };
}

function toAccount(row: UserRow): UserAccount {
  return { ...toUser(row), disabled: row.disabled === 1, createdAt: row.created_at };
}

export class SqliteUsers implements UserStore {
  private readonly byName;
  private readonly byId;
  private readonly anyById;
  private readonly anyByName;
  private readonly all;
  private readonly disable;
  private readonly password;
  private readonly insert;
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
    this.counter = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  }
  count(): number {
    return this.counter.get()?.n ?? 0;
  }
  create(user: Omit<UserWithSecret, 'id'>): User {
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
  findByUsername(username: string): UserWithSecret | undefined {
    const row = this.byName.get(username);
    return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
  }
  findById(id: number): User | undefined {
    const row = this.byId.get(id);
    return row ? toUser(row) : undefined;
  }
  list(): UserAccount[] {
    return this.all.all().map(toAccount);
  }
  account(id: number): UserAccount | undefined {
    const row = this.anyById.get(id);
    return row ? toAccount(row) : undefined;
  }
  nameTaken(username: string): boolean {
    return this.anyByName.get(username) !== undefined;
  }
  setDisabled(id: number, disabled: boolean): void {
    this.disable.run(disabled ? 1 : 0, id);
  }
  setPasswordHash(id: number, passwordHash: string): void {
    this.password.run(passwordHash, id);
  }
}
