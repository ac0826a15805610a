/**
 * The embedded store: users, sessions and the audit trail in one SQLite file (better-sqlite3),
 * WAL mode so readers (the CLI, a second process) never block the server, synchronous=FULL so an
 * acknowledged audit write survives a kill -9 or a power cut. Audit appends are group-committed:
 * those arriving in the same event-loop turn share one transaction and one sync, and each
 * request is answered only after its batch is durable. The audit table refuses UPDATE and
 * DELETE with triggers: append-only even for someone with a SQL shell who forgets.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  AppStore,
  AuditEntry,
  AuditQuery,
  AuditRecord,
  AuditStore,
  Role,
  Session,
  SessionStore,
  User,
  UserAccount,
  UserStore,
  UserWithSecret,
} from './types.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('adviser', 'admin', 'customer')),
  client_id INTEGER,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  user_id INTEGER,
  username TEXT,
  role TEXT,
  action TEXT NOT NULL,
  client_id INTEGER,
  model_version TEXT,
  inputs_fingerprint TEXT NOT NULL,
  output_summary TEXT NOT NULL,
  request_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
CREATE INDEX IF NOT EXISTS audit_client ON audit(client_id);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
`;

type Sqlite = Database.Database;

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

/** Databases created before accounts could be disabled get the column (enabled by default). */
function migrateUsers(db: Sqlite): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(users)').all();
  if (!columns.some((c) => c.name === 'disabled')) {
    db.exec('ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0');
  }
}

function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

class SqliteUsers implements UserStore {
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

class SqliteSessions implements SessionStore {
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
  create(session: Session): void {
    this.insert.run(hashSessionId(session.id), session.userId, session.expiresAt);
  }
  find(id: string, now: number): Session | undefined {
    const row = this.select.get(hashSessionId(id), now);
    return row ? { id, userId: row.user_id, expiresAt: row.expires_at } : undefined;
  }
  delete(id: string): void {
    this.remove.run(hashSessionId(id));
  }
  deleteForUser(userId: number): number {
    return this.removeForUser.run(userId).changes;
  }
  purgeExpired(now: number): number {
    return this.purge.run(now).changes;
  }
}

interface AuditRow {
  id: number;
  at: number;
  user_id: number | null;
  username: string | null;
  role: Role | null;
  action: string;
  client_id: number | null;
  model_version: string | null;
  inputs_fingerprint: string;
  output_summary: string;
  request_id: string;
}

function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    userId: row.user_id,
    username: row.username,
    role: row.role,
    action: row.action,
    clientId: row.client_id,
    modelVersion: row.model_version,
    inputsFingerprint: row.inputs_fingerprint,
    outputSummary: row.output_summary,
    requestId: row.request_id,
  };
}

interface PendingAudit {
  entry: AuditEntry;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}

class SqliteAudit implements AuditStore {
  private readonly insert;
  private readonly insertBatch;
  private pending: PendingAudit[] = [];
  private scheduled = false;
  constructor(private readonly db: Sqlite) {
    this.insert = db.prepare(
      `INSERT INTO audit (at, user_id, username, role, action, client_id, model_version,
        inputs_fingerprint, output_summary, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // One transaction per batch: one WAL sync (synchronous=FULL) for all its records.
    this.insertBatch = db.transaction((entries: AuditEntry[]) =>
      entries.map((e) => Number(this.insertOne(e))),
    );
  }

  private insertOne(e: AuditEntry): number | bigint {
    return this.insert.run(
      e.at,
      e.userId,
      e.username,
      e.role,
      e.action,
      e.clientId,
      e.modelVersion,
      e.inputsFingerprint,
      e.outputSummary,
      e.requestId,
    ).lastInsertRowid;
  }

  append(entry: AuditEntry): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the current I/O callbacks: requests handled in this turn join the batch.
        setImmediate(() => this.flush());
      }
    });
  }

  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    try {
      const ids = this.insertBatch(batch.map((p) => p.entry));
      for (let i = 0; i < batch.length; i++) batch[i]?.resolve(ids[i] as number);
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  query(q: AuditQuery): { total: number; records: AuditRecord[] } {
    // Fixed clauses chosen by which filters are present; every value is a bound parameter.
    const clauses: string[] = [];
    const params: (string | number)[] = [];
    if (q.username !== undefined) {
      clauses.push('username = ?');
      params.push(q.username);
    }
    if (q.clientId !== undefined) {
      clauses.push('client_id = ?');
      params.push(q.clientId);
    }
    if (q.action !== undefined) {
      clauses.push('action = ?');
      params.push(q.action);
    }
    if (q.from !== undefined) {
      clauses.push('at >= ?');
      params.push(q.from);
    }
    if (q.to !== undefined) {
      clauses.push('at < ?');
      params.push(q.to);
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const total =
      this.db
        .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM audit ${where}`)
        .get(...params)?.n ?? 0;
    const rows = this.db
      .prepare<unknown[], AuditRow>(
        `SELECT * FROM audit ${where} ORDER BY id DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, q.pageSize, (q.page - 1) * q.pageSize);
    return { total, records: rows.map(toAuditRecord) };
  }
}

/** Opens (creating when missing) the SQLite store at `path` (":memory:" for a throwaway one). */
export function openSqliteStore(path: string): AppStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    migrateUsers(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const ping = db.prepare('SELECT 1');
  const audit = new SqliteAudit(db);
  return {
    users: new SqliteUsers(db),
    sessions: new SqliteSessions(db),
    audit,
    healthy() {
      try {
        ping.get();
        return true;
      } catch {
        return false;
      }
    },
    close() {
      if (!db.open) return;
      audit.flush();
      db.close();
    },
  };
}
