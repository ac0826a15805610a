/** Serialises queries on the one DuckDB connection (it runs one query at a time). */
import type { Db, SqlValue } from '../../data/db.ts';

export class SerialDb {
  private tail: Promise<unknown> = Promise.resolve();
  constructor(readonly db: Db) {}

  all<T extends Record<string, unknown>>(sql: string, params: SqlValue[]): Promise<T[]> {
    return this.queue(() => this.db.all<T>(sql, params));
  }

  queue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
