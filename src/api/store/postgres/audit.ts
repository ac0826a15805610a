/**
 * The audit trail of the PostgreSQL store: the append-only `audit` table (its triggers refuse
 * UPDATE, DELETE and TRUNCATE) behind the AuditStore interface. Appends are group-committed as in
 * the embedded store: those arriving in the same event-loop turn share one transaction, each in
 * its own savepoint with the answer its `keep` gives, and each resolves only after COMMIT returned
 * (synchronous_commit: the commit is flushed to the WAL before PostgreSQL acknowledges it).
 */
import type { Pool, PoolClient } from 'pg';
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
import { saveAnswer } from './idempotency.ts';

/**
 * Inserts the record and the answer its `keep` gives within the client's open transaction: the
 * group commit's batch, or a write that must commit with its record (ApplicationStore.create).
 */
export async function insertAudit(
  client: PoolClient,
  entry: AuditEntry,
  keep?: (id: number) => IdempotentAnswer,
): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO audit (${AUDIT_COLUMNS})
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    auditValues(entry),
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('the audit record was not inserted');
  if (keep) await saveAnswer(client, keep(id));
  return id;
}

export class PostgresAudit implements AuditStore {
  private pending: PendingAudit[] = [];
  private scheduled = false;
  /** The batches being written, for flush() and close() to wait on. */
  private readonly writing = new Set<Promise<void>>();

  constructor(private readonly pool: Pool) {}

  append(entry: AuditEntry, keep?: (id: number) => IdempotentAnswer): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, keep, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the current I/O callbacks: requests handled in this turn join the batch.
        setImmediate(() => void this.flush());
      }
    });
  }

  async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) {
      const written = this.write(batch);
      this.writing.add(written);
      void written.finally(() => this.writing.delete(written));
    }
    await Promise.all([...this.writing]);
  }

  private async write(batch: PendingAudit[]): Promise<void> {
    const results: ({ id: number } | { error: unknown })[] = [];
    let client: PoolClient | undefined;
    try {
      client = await this.pool.connect();
      await client.query('BEGIN');
      for (const p of batch) {
        await client.query('SAVEPOINT one');
        try {
          results.push({ id: await insertAudit(client, p.entry, p.keep) });
          await client.query('RELEASE SAVEPOINT one');
        } catch (error) {
          await client.query('ROLLBACK TO SAVEPOINT one');
          results.push({ error });
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      // The transaction failed as a whole (connection lost, commit refused): nothing is durable.
      await client?.query('ROLLBACK').catch(() => {});
      client?.release(error instanceof Error ? error : true);
      client = undefined;
      for (const p of batch) p.reject(error);
      return;
    } finally {
      client?.release();
    }
    batch.forEach((p, i) => {
      const result = results[i];
      if (result && 'id' in result) p.resolve(result.id);
      else p.reject(result?.error);
    });
  }

  async query(q: AuditQuery): Promise<{ total: number; records: AuditRecord[] }> {
    // Fixed clauses chosen by which filters are present; every value is a bound parameter.
    const clauses: string[] = [];
    const params: (string | number)[] = [];
    const where = (column: string, op: string, value: string | number) => {
      params.push(value);
      clauses.push(`${column} ${op} $${params.length}`);
    };
    if (q.username !== undefined) where('username', '=', q.username);
    if (q.clientId !== undefined) where('client_id', '=', q.clientId);
    if (q.action !== undefined) where('action', '=', q.action);
    if (q.from !== undefined) where('at', '>=', q.from);
    if (q.to !== undefined) where('at', '<', q.to);
    for (const [name, value] of Object.entries(q.outputHas ?? {})) {
      params.push(checkOutputField(name), JSON.stringify(value));
      clauses.push(`(output_summary::jsonb -> $${params.length - 1}) = $${params.length}::jsonb`);
    }
    const filter = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const counted = await this.pool.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit ${filter}`,
      params,
    );
    const n = params.length;
    const { rows } = await this.pool.query<AuditRow>(
      `SELECT * FROM audit ${filter} ORDER BY at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { total: counted.rows[0]?.n ?? 0, records: rows.map(toAuditRecord) };
  }

  async latestPerClient(action: string, clientIds: readonly number[]): Promise<AuditRecord[]> {
    if (clientIds.length === 0) return [];
    const { rows } = await this.pool.query<AuditRow>(
      `SELECT * FROM audit WHERE id IN (
        SELECT max(id) FROM audit WHERE action = $1 AND client_id = ANY($2::bigint[])
        GROUP BY client_id)`,
      [action, clientIds],
    );
    return rows.map(toAuditRecord);
  }
}
