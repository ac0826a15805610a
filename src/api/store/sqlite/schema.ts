/**
 * The tables of the embedded store (users, sessions, audit, idempotency), created when missing and
 * migrated in place (a table added since a database was created is created on its next open). The audit table refuses UPDATE and DELETE with triggers: append-only even for someone
 * with a SQL shell who forgets.
 */
import type Database from 'better-sqlite3';

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

/** Creates the missing tables, indexes and triggers, then brings older databases up to date. */
export function createSchema(db: Sqlite): void {
  db.exec(SCHEMA);
  migrateUsers(db);
}

/** Databases created before accounts could be disabled get the column (enabled by default). */
function migrateUsers(db: Sqlite): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(users)').all();
  if (!columns.some((c) => c.name === 'disabled')) {
    db.exec('ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0');
  }
}
