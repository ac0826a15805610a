/**
 * The audit trail of the embedded store: the append-only `audit` table behind the AuditStore
 * interface. Appends are group-committed: those arriving in the same event-loop turn share one
 * transaction and one sync, and each append resolves only once its batch is durable. Each append
 * is a savepoint within the batch, with the answer its `keep` gives: one that fails is rolled back
 * alone, and the others commit.
 */

import {
  AUDIT_COLUMNS,
  type AuditRow,
  auditValues,
  type PendingAudit,
  toAuditRecord,
} from '../rows.ts';
import {
  type AuditEntry,
  type AuditQuery,
  type AuditRecord,
  type AuditStore,
  checkOutputField,
  type IdempotentAnswer,
} from '../types.ts';
import type { SqliteIdempotency } from './idempotency.ts';
import type { Sqlite } from './schema.ts';

export class SqliteAudit implements AuditStore {
  private readonly insert;
  private readonly insertOneWith;
  private readonly insertBatch;
  private pending: PendingAudit[] = [];
  private scheduled = false;
  constructor(
    private readonly db: Sqlite,
    idempotency: SqliteIdempotency,
  ) {
    this.insert = db.prepare(
      `INSERT INTO audit (${AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Nested in the batch's (or a save's) transaction, better-sqlite3 makes this a savepoint.
    this.insertOneWith = db.transaction(
      (entry: AuditEntry, keep?: (id: number) => IdempotentAnswer): number => {
        const id = Number(this.insert.run(...auditValues(entry)).lastInsertRowid);
        if (keep) idempotency.saveNow(keep(id));
        return id;
      },
    );
    // One transaction per batch: one WAL sync (synchronous=FULL) for all its records.
    this.insertBatch = db.transaction((batch: PendingAudit[]) =>
      batch.map((p): { id: number } | { error: unknown } => {
        try {
          return { id: this.insertOneWith(p.entry, p.keep) };
        } catch (error) {
          return { error };
        }
      }),
    );
  }

  /**
   * Inserts the record (and its `keep` answer) now, outside the group commit: for a write that
   * must commit with its record, called inside that write's transaction (ApplicationStore.create).
   */
  insertNow(entry: AuditEntry, keep?: (id: number) => IdempotentAnswer): number {
    return this.insertOneWith(entry, keep);
  }

  append(entry: AuditEntry, keep?: (id: number) => IdempotentAnswer): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, keep, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the current I/O callbacks: requests handled in this turn join the batch.
        setImmediate(() => this.flushNow());
      }
    });
  }

  async flush(): Promise<void> {
    this.flushNow();
  }

  /** flush(), synchronously (the scheduled batch, and close). */
  flushNow(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    try {
      const results = this.insertBatch(batch);
      batch.forEach((p, i) => {
        const result = results[i];
        if (result && 'id' in result) p.resolve(result.id);
        else p.reject(result?.error);
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  async query(q: AuditQuery): Promise<{ total: number; records: AuditRecord[] }> {
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
    // `->` answers the value as minified JSON, which JSON.stringify writes alike.
    for (const [name, value] of Object.entries(q.outputHas ?? {})) {
      clauses.push('(output_summary -> ?) = ?');
      params.push(`$.${checkOutputField(name)}`, JSON.stringify(value));
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const total =
      this.db
        .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM audit ${where}`)
        .get(...params)?.n ?? 0;
    const rows = this.db
      .prepare<unknown[], AuditRow>(
        `SELECT * FROM audit ${where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, q.pageSize, (q.page - 1) * q.pageSize);
    return { total, records: rows.map(toAuditRecord) };
  }

  async latestPerClient(action: string, clientIds: readonly number[]): Promise<AuditRecord[]> {
    if (clientIds.length === 0) return [];
    // The ids as one JSON array: one statement whatever their number.
    const rows = this.db
      .prepare<[string, string], AuditRow>(
        `SELECT * FROM audit WHERE id IN (
          SELECT max(id) FROM audit
          WHERE action = ? AND client_id IN (SELECT value FROM json_each(?))
          GROUP BY client_id)`,
      )
      .all(action, JSON.stringify(clientIds));
    return rows.map(toAuditRecord);
  }
}
