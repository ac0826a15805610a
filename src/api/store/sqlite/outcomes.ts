/**
 * The observed outcomes of granted loans in the embedded store: the `outcomes` table (migration
 * version 4 of ./schema.ts), one row per client, behind the OutcomeStore interface. A batch is
 * one IMMEDIATE transaction: all of it is written, or (on a conflict) none of it.
 */
import { batchResult, sameOutcomeOrThrow } from '../outcome-conflict.ts';
import type {
  NewOutcome,
  Outcome,
  OutcomeBatchResult,
  OutcomeQuery,
  OutcomeStore,
} from '../types.ts';
import type { Sqlite } from './schema.ts';

/** The table (migration version 4 of ./schema.ts). */
export const OUTCOMES_SCHEMA = `
CREATE TABLE IF NOT EXISTS outcomes (
  client_id INTEGER PRIMARY KEY,
  defaulted INTEGER NOT NULL CHECK (defaulted IN (0, 1)),
  observed_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS outcomes_observed ON outcomes(observed_at);
`;

interface OutcomeRow {
  client_id: number;
  defaulted: number;
  observed_at: number;
  recorded_by: string;
  recorded_at: number;
}

function outcomeOf(row: OutcomeRow): Outcome {
  return {
    clientId: row.client_id,
    defaulted: row.defaulted === 1 ? 1 : 0,
    observedAt: row.observed_at,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

export class SqliteOutcomes implements OutcomeStore {
  private readonly db: Sqlite;
  private readonly one;
  private readonly insert;
  private readonly countStmt;
  private readonly batch: (outcomes: readonly NewOutcome[], at: number) => OutcomeBatchResult;

  constructor(db: Sqlite) {
    this.db = db;
    this.one = db.prepare<[number], OutcomeRow>('SELECT * FROM outcomes WHERE client_id = ?');
    this.insert = db.prepare(
      `INSERT INTO outcomes (client_id, defaulted, observed_at, recorded_by, recorded_at)
        VALUES (?, ?, ?, ?, ?)`,
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM outcomes');
    const run = db.transaction((outcomes: readonly NewOutcome[], at: number) => {
      const items = outcomes.map((o, index) => {
        const existing = this.one.get(o.clientId);
        if (existing) return sameOutcomeOrThrow(index, outcomeOf(existing), o);
        this.insert.run(o.clientId, o.defaulted, o.observedAt, o.recordedBy, at);
        return 'recorded' as const;
      });
      return batchResult(items);
    });
    this.batch = (outcomes, at) => run.immediate(outcomes, at);
  }

  async record(outcome: NewOutcome): Promise<'recorded' | 'unchanged'> {
    return this.batch([outcome], Date.now()).items[0] as 'recorded' | 'unchanged';
  }

  async recordAll(outcomes: readonly NewOutcome[]): Promise<OutcomeBatchResult> {
    return this.batch(outcomes, Date.now());
  }

  async list(q: OutcomeQuery = {}): Promise<Outcome[]> {
    const where: string[] = [];
    const values: number[] = [];
    if (q.since !== undefined) {
      where.push('observed_at >= ?');
      values.push(q.since);
    }
    if (q.until !== undefined) {
      where.push('observed_at < ?');
      values.push(q.until);
    }
    const sql = `SELECT * FROM outcomes ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY observed_at, client_id`;
    return this.db
      .prepare<number[], OutcomeRow>(sql)
      .all(...values)
      .map(outcomeOf);
  }

  async get(clientId: number): Promise<Outcome | undefined> {
    const row = this.one.get(clientId);
    return row ? outcomeOf(row) : undefined;
  }

  async count(): Promise<number> {
    return this.countStmt.get()?.n ?? 0;
  }
}
