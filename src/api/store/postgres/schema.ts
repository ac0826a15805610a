/**
 * The tables of the PostgreSQL store, the same as the embedded store's (../sqlite/schema.ts) in
 * PostgreSQL's dialect, brought up to date at every start by versioned migrations: the versions
 * applied are in `schema_migrations`, and the missing ones run in one transaction under an
 * advisory lock, so replicas starting at once on one database apply each version once and the
 * others wait, then find it applied. The audit table refuses UPDATE, DELETE and TRUNCATE with
 * triggers: append-only for the application's role and for someone with a SQL shell alike.
 */

import type { Pool } from 'pg';
import { AUDIT_ACTION_INDEX } from '../audit-index.ts';
import { APPLICATIONS_TABLE_PG } from './applications.ts';
import { LOGIN_FAILURES_TABLE_PG } from './login-failures.ts';
import { OUTCOMES_TABLE_PG } from './outcomes.ts';
import { RATE_BUCKETS_TABLE_PG } from './rate-buckets.ts';
import { REVIEWS_TABLE_PG } from './reviews.ts';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append a new version to change the schema; never edit an applied one. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users, sessions, append-only audit, idempotency',
    sql: `
CREATE TABLE users (
  id BIGSERIAL PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('adviser', 'admin', 'customer')),
  client_id BIGINT,
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_at);
CREATE TABLE audit (
  id BIGSERIAL PRIMARY KEY,
  at BIGINT NOT NULL,
  user_id BIGINT,
  username TEXT,
  role TEXT,
  action TEXT NOT NULL,
  client_id BIGINT,
  model_version TEXT,
  inputs_fingerprint TEXT NOT NULL,
  output_summary TEXT NOT NULL,
  request_id TEXT NOT NULL
);
CREATE INDEX audit_at ON audit(at);
CREATE INDEX audit_client ON audit(client_id);
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only';
END $$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TABLE idempotency (
  user_id BIGINT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_expires ON idempotency(expires_at);
`,
  },
  { version: 2, name: 'review requests', sql: REVIEWS_TABLE_PG },
  { version: 3, name: 'applications', sql: APPLICATIONS_TABLE_PG },
  { version: 4, name: 'outcomes', sql: OUTCOMES_TABLE_PG },
  {
    version: 5,
    name: 'state the replicas share: login failures, token buckets',
    sql: LOGIN_FAILURES_TABLE_PG + RATE_BUCKETS_TABLE_PG,
  },
  {
    version: 6,
    name: 'audit by action and client (decisions across clients, the latest per client)',
    sql: AUDIT_ACTION_INDEX,
  },
];

/** The advisory lock's key that serialises migrations ("creditlens" in ASCII, folded to 32 bits). */
const MIGRATION_LOCK = 0x6372_6564;

/** Applies the migrations this database lacks, each once, whoever else starts at the same time. */
export async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at BIGINT NOT NULL
    )`);
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations',
    );
    const applied = new Set(rows.map((r) => r.version));
    for (const m of POSTGRES_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [m.version, m.name, Date.now()],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
