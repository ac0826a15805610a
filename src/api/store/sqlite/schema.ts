/**
 * The tables of the embedded store (users, sessions, audit, idempotency), brought up to date at
 * every open by versioned migrations: `schema_migrations` lists the versions applied, and each
 * missing one runs in its own IMMEDIATE transaction (two processes opening one file at once
 * serialise on it; the second finds the version applied and skips it). The audit table refuses
 * UPDATE and DELETE with triggers: append-only even for someone with a SQL shell who forgets.
 * The same versions, in PostgreSQL's dialect, are in ../postgres/schema.ts.
 */
import type Database from 'better-sqlite3';
import { AUDIT_ACTION_INDEX } from '../audit-index.ts';
import { APPLICATIONS_SCHEMA } from './applications.ts';
import { OUTCOMES_SCHEMA } from './outcomes.ts';
import { REVIEWS_SCHEMA } from './reviews.ts';

/** An open better-sqlite3 connection (the one driver type the store's modules share). */
export type Sqlite = Database.Database;

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
CREATE TABLE IF NOT EXISTS idempotency (
  user_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX IF NOT EXISTS idempotency_expires ON idempotency(expires_at);
`;

interface Migration {
  version: number;
  name: string;
  up(db: Sqlite): void;
}

/**
 * Append a new version to change the schema; never edit an applied one. Version 1 is written with
 * IF NOT EXISTS so databases created before versioning (no `schema_migrations`) adopt it as is.
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users, sessions, append-only audit, idempotency',
    up(db) {
      db.exec(SCHEMA);
      migrateUsers(db);
    },
  },
  { version: 2, name: 'review requests', up: (db) => db.exec(REVIEWS_SCHEMA) },
  { version: 3, name: 'applications', up: (db) => db.exec(APPLICATIONS_SCHEMA) },
  { version: 4, name: 'outcomes', up: (db) => db.exec(OUTCOMES_SCHEMA) },
  {
    version: 6,
    name: 'audit by action and client (decisions across clients, the latest per client)',
    up: (db) => db.exec(AUDIT_ACTION_INDEX),
  },
];

/** Applies the migrations this database lacks, each in its own transaction. */
export function createSchema(db: Sqlite): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied = db.prepare<[number], { version: number }>(
    'SELECT version FROM schema_migrations WHERE version = ?',
  );
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const m of SQLITE_MIGRATIONS) {
    db.transaction(() => {
      if (applied.get(m.version)) return;
      m.up(db);
      record.run(m.version, m.name, Date.now());
    }).immediate();
  }
}

/** Databases created before accounts could be disabled get the column (enabled by default). */
function migrateUsers(db: Sqlite): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(users)').all();
  if (!columns.some((c) => c.name === 'disabled')) {
    db.exec('ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0');
  }
}
