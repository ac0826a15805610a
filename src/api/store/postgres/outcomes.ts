/**
 * The observed outcomes of granted loans in the PostgreSQL store: the `outcomes` table (migration
 * version 4 of ./schema.ts), as ../sqlite/outcomes.ts is for the embedded file. A batch is one
 * transaction; each row is inserted with ON CONFLICT DO NOTHING (a concurrent batch recording the
 * same client waits for it, then finds its row), and a row already there is compared under
 * FOR UPDATE: a conflict rolls the whole batch back.
 */
import type { Pool } from 'pg';
import { batchResult, sameOutcomeOrThrow } from '../outcome-conflict.ts';
import type {
  NewOutcome,
  Outcome,
  OutcomeBatchResult,
  OutcomeQuery,
  OutcomeStore,
} from '../types.ts';

/** The table, in PostgreSQL's dialect. */
export const OUTCOMES_TABLE_PG = `
CREATE TABLE outcomes (
  client_id BIGINT PRIMARY KEY,
  defaulted SMALLINT NOT NULL CHECK (defaulted IN (0, 1)),
  observed_at BIGINT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX outcomes_observed ON outcomes(observed_at);
`;

interface OutcomeRow {
  client_id: number | string;
  defaulted: number;
  observed_at: number | string;
  recorded_by: string;
  recorded_at: number | string;
}

function outcomeOf(row: OutcomeRow): Outcome {
  return {
    clientId: Number(row.client_id),
    defaulted: Number(row.defaulted) === 1 ? 1 : 0,
    observedAt: Number(row.observed_at),
    recordedBy: row.recorded_by,
    recordedAt: Number(row.recorded_at),
  };
}

export class PostgresOutcomes implements OutcomeStore {
  constructor(private readonly pool: Pool) {}

  async record(outcome: NewOutcome): Promise<'recorded' | 'unchanged'> {
    return (await this.recordAll([outcome])).items[0] as 'recorded' | 'unchanged';
  }

  async recordAll(outcomes: readonly NewOutcome[]): Promise<OutcomeBatchResult> {
    const at = Date.now();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const items: ('recorded' | 'unchanged')[] = [];
      for (const [index, o] of outcomes.entries()) {
        const inserted = await client.query(
          `INSERT INTO outcomes (client_id, defaulted, observed_at, recorded_by, recorded_at)
            VALUES ($1, $2, $3, $4, $5) ON CONFLICT (client_id) DO NOTHING`,
          [o.clientId, o.defaulted, o.observedAt, o.recordedBy, at],
        );
        if (inserted.rowCount === 1) {
          items.push('recorded');
          continue;
        }
        const { rows } = await client.query<OutcomeRow>(
          'SELECT * FROM outcomes WHERE client_id = $1 FOR UPDATE',
          [o.clientId],
        );
        items.push(sameOutcomeOrThrow(index, outcomeOf(rows[0] as OutcomeRow), o));
      }
      await client.query('COMMIT');
      return batchResult(items);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async list(q: OutcomeQuery = {}): Promise<Outcome[]> {
    const where: string[] = [];
    const values: number[] = [];
    if (q.since !== undefined) {
      values.push(q.since);
      where.push(`observed_at >= $${values.length}`);
    }
    if (q.until !== undefined) {
      values.push(q.until);
      where.push(`observed_at < $${values.length}`);
    }
    const { rows } = await this.pool.query<OutcomeRow>(
      `SELECT * FROM outcomes ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY observed_at, client_id`,
      values,
    );
    return rows.map(outcomeOf);
  }

  async get(clientId: number): Promise<Outcome | undefined> {
    const { rows } = await this.pool.query<OutcomeRow>(
      'SELECT * FROM outcomes WHERE client_id = $1',
      [clientId],
    );
    return rows[0] ? outcomeOf(rows[0]) : undefined;
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM outcomes',
    );
    return Number(rows[0]?.n ?? 0);
  }
}
