/**
 * New applicants' applications (issue 15): the `applications` table behind the ApplicationStore
 * interface. Client ids come from the table's AUTOINCREMENT sequence, seeded at
 * FIRST_NEW_CLIENT_ID so they never meet a feature-store SK_ID_CURR; AUTOINCREMENT never reuses an
 * id, and two processes (the server, a batch `score --save`) inserting at once serialise on the
 * file's write lock. A save with its audit record writes both (and the idempotent answer) in one
 * transaction.
 */
import {
  APPLICATION_COLUMNS,
  type ApplicationRow,
  applicationValues,
  toStoredApplication,
  windowClause,
} from '../application-row.ts';
import {
  type ApplicationQuery,
  type ApplicationStore,
  type AuditedSave,
  FIRST_NEW_CLIENT_ID,
  type StoredApplication,
} from '../types.ts';
import type { SqliteAudit } from './audit.ts';
import type { Sqlite } from './schema.ts';

/** The table (migration version 3 of ./schema.ts). */
export const APPLICATIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS applications (
  client_id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at INTEGER NOT NULL,
  created_by INTEGER,
  source TEXT NOT NULL CHECK (source IN ('api', 'batch')),
  application TEXT NOT NULL,
  model_version TEXT NOT NULL,
  features TEXT NOT NULL,
  probability REAL NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('grant', 'refuse'))
);
CREATE INDEX IF NOT EXISTS applications_created ON applications(created_at);
INSERT INTO sqlite_sequence (name, seq) VALUES ('applications', ${FIRST_NEW_CLIENT_ID - 1});
`;

export class SqliteApplications implements ApplicationStore {
  private readonly insert;
  private readonly one;
  private readonly db: Sqlite;
  private readonly audit: SqliteAudit;
  constructor(db: Sqlite, audit: SqliteAudit) {
    this.db = db;
    this.audit = audit;
    this.insert = db.prepare(
      `INSERT INTO applications (${APPLICATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.one = db.prepare<[number], ApplicationRow>(
      'SELECT * FROM applications WHERE client_id = ?',
    );
  }

  async create(
    a: Omit<StoredApplication, 'clientId'>,
    audit?: AuditedSave<StoredApplication>,
  ): Promise<StoredApplication> {
    return this.db.transaction(() => this.audited(this.insertOne(a), audit))();
  }

  async createMany(
    list: Omit<StoredApplication, 'clientId'>[],
    audit?: AuditedSave<StoredApplication[]>,
  ): Promise<StoredApplication[]> {
    return this.db.transaction(() =>
      this.audited(
        list.map((a) => this.insertOne(a)),
        audit,
      ),
    )();
  }

  private insertOne(a: Omit<StoredApplication, 'clientId'>): StoredApplication {
    return { ...a, clientId: Number(this.insert.run(...applicationValues(a)).lastInsertRowid) };
  }

  /** Inside the save's transaction: its audit record, whose failure rolls the save back. */
  private audited<T>(stored: T, audit: AuditedSave<T> | undefined): T {
    if (!audit) return stored;
    const { entry, keep } = audit;
    this.audit.insertNow(entry(stored), keep && ((id) => keep(id, stored)));
    return stored;
  }

  async get(clientId: number): Promise<StoredApplication | undefined> {
    const row = this.one.get(clientId);
    return row ? toStoredApplication(row) : undefined;
  }

  async list(
    q: ApplicationQuery & { limit?: number; offset?: number },
  ): Promise<StoredApplication[]> {
    const { sql, values } = windowClause(q, () => '?');
    return this.db
      .prepare<number[], ApplicationRow>(
        `SELECT * FROM applications ${sql} ORDER BY client_id LIMIT ? OFFSET ?`,
      )
      .all(...values, q.limit ?? -1, q.offset ?? 0)
      .map(toStoredApplication);
  }

  async count(q: ApplicationQuery): Promise<number> {
    const { sql, values } = windowClause(q, () => '?');
    const row = this.db
      .prepare<number[], { n: number }>(`SELECT COUNT(*) AS n FROM applications ${sql}`)
      .get(...values);
    return row?.n ?? 0;
  }
}
