/**
 * The embedded store: users, sessions, the audit trail and the answers kept for idempotency keys
 * in one SQLite file (better-sqlite3), WAL mode so readers (the CLI, a second process) never block
 * the server, synchronous=FULL so an acknowledged audit write survives a kill -9 or a power cut. This file opens the connection and
 * composes the parts, one per concept in ./sqlite/: the tables (schema.ts), the accounts
 * (users.ts), the sessions (sessions.ts), the group-committed, append-only audit trail
 * (audit.ts), the idempotency keys' answers (idempotency.ts), the review requests (reviews.ts) and the new applications (applications.ts). better-sqlite3 is synchronous:
 * the methods answer settled Promises (the AppStore interface is asynchronous for PostgreSQL).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteApplications } from './sqlite/applications.ts';
import { SqliteAudit } from './sqlite/audit.ts';
import { SqliteIdempotency } from './sqlite/idempotency.ts';
import { SqliteOutcomes } from './sqlite/outcomes.ts';
import { SqliteReviews } from './sqlite/reviews.ts';
import { createSchema } from './sqlite/schema.ts';
import { SqliteSessions } from './sqlite/sessions.ts';
import { SqliteUsers } from './sqlite/users.ts';
import type { AppStore } from './types.ts';

/** Opens (creating when missing) the SQLite store at `path` (":memory:" for a throwaway one). */
export function openSqliteStore(path: string): AppStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    createSchema(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const ping = db.prepare('SELECT 1');
  const idempotency = new SqliteIdempotency(db);
  const audit = new SqliteAudit(db, idempotency);
  return {
    engine: 'sqlite',
    users: new SqliteUsers(db),
    sessions: new SqliteSessions(db),
    audit,
    idempotency,
    reviews: new SqliteReviews(db),
    outcomes: new SqliteOutcomes(db),
    applications: new SqliteApplications(db, audit),
    async healthy() {
      try {
        ping.get();
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (!db.open) return;
      audit.flushNow();
      db.close();
    },
  };
}
