/**
 * The one module that imports @duckdb/node-api. Everything else sees this narrow interface:
 * SQL text with bound parameters in, plain JS rows or typed numeric columns out.
 */
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';

export type SqlValue = string | number | boolean | null;
export type Row = Record<string, unknown>;

export interface Db {
  /** Path of the database file (":memory:" for an in-memory one). */
  readonly path: string;
  /** Runs one or more statements; parameters bind as $1, $2, … (one statement only then). */
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Runs a query and returns every row as a plain object (BIGINT as number when it fits). */
  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /**
   * Streams a query chunk by chunk into one Float64Array per column (NULL → NaN). Every column
   * must be numeric; `onRows` reports progress.
   */
  numericColumns(
    sql: string,
    params?: readonly SqlValue[],
    onRows?: (rowsSoFar: number) => void,
  ): Promise<{ names: string[]; columns: Float64Array[]; rowCount: number }>;
  /**
   * Parses and plans a query once for many runs with different parameters: worth it for large
   * statements run often (the what-if feature SQL), where planning dominates.
   */
  prepare(sql: string): Promise<PreparedQuery>;
  /** Stops a running query from another async task (ingestion uses it on SIGINT). */
  interrupt(): void;
  /**
   * Progress of the query running on this connection, polled from another async task: fraction
   * done in [0, 1], or -1 when DuckDB has no estimate (no query, or not yet started).
   */
  queryProgress(): number;
  close(): void;
}

/** A statement planned once (see Db.prepare); concurrent calls run one after another. */
export interface PreparedQuery {
  all<T extends Row = Row>(params: readonly SqlValue[]): Promise<T[]>;
}

function toRows<T extends Row>(reader: { getRowObjectsJS(): unknown }): T[] {
  const rows = reader.getRowObjectsJS() as Row[];
  for (const row of rows) for (const key of Object.keys(row)) row[key] = toJs(row[key]);
  return rows as T[];
}

/** Quotes an identifier for DuckDB: "name" with inner quotes doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB (for values DuckDB cannot bind, such as file paths in read_csv). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function toJs(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  return value;
}

class DuckDb implements Db {
  constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  async run(sql: string, params?: readonly SqlValue[]): Promise<void> {
    await this.connection.run(sql, params ? (params as DuckDBValue[]) : undefined);
  }

  async all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(
      sql,
      params ? (params as DuckDBValue[]) : undefined,
    );
    return toRows<T>(reader);
  }

  async prepare(sql: string): Promise<PreparedQuery> {
    const statement = await this.connection.prepare(sql);
    // Bind-then-run must not interleave between callers: runs are chained one after another.
    let last: Promise<unknown> = Promise.resolve();
    return {
      all<T extends Row = Row>(params: readonly SqlValue[]): Promise<T[]> {
        const run = last.then(async () => {
          statement.bind(params as DuckDBValue[]);
          return toRows<T>(await statement.runAndReadAll());
        });
        last = run.catch(() => undefined);
        return run;
      },
    };
  }

  async numericColumns(
    sql: string,
    params?: readonly SqlValue[],
    onRows?: (rowsSoFar: number) => void,
  ): Promise<{ names: string[]; columns: Float64Array[]; rowCount: number }> {
    const result = await this.connection.stream(
      sql,
      params ? (params as DuckDBValue[]) : undefined,
    );
    const names = result.columnNames();
    let capacity = 1 << 16;
    let columns = names.map(() => new Float64Array(capacity));
    let rowCount = 0;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const n = chunk.rowCount;
      if (rowCount + n > capacity) {
        while (rowCount + n > capacity) capacity *= 2;
        columns = columns.map((old) => {
          const grown = new Float64Array(capacity);
          grown.set(old.subarray(0, rowCount));
          return grown;
        });
      }
      for (let c = 0; c < names.length; c++) {
        const vector = chunk.getColumnVector(c);
        const out = columns[c] as Float64Array;
        for (let i = 0; i < n; i++) {
          const v = vector.getItem(i);
          out[rowCount + i] = v === null ? Number.NaN : Number(v);
        }
      }
      rowCount += n;
      onRows?.(rowCount);
    }
    return { names, columns: columns.map((c) => c.slice(0, rowCount)), rowCount };
  }

  interrupt(): void {
    this.connection.interrupt();
  }

  queryProgress(): number {
    const { percentage } = this.connection.progress;
    return percentage < 0 ? -1 : percentage / 100;
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Opens (or creates) a DuckDB database file; ":memory:" gives a throwaway one. */
export async function openDb(path: string, options: { readOnly?: boolean } = {}): Promise<Db> {
  const config: Record<string, string> = {};
  if (options.readOnly) config.access_mode = 'READ_ONLY';
  const instance = await DuckDBInstance.create(path, config);
  const connection = await instance.connect();
  return new DuckDb(path, instance, connection);
}

/** Runs `body` with a database and always closes it. */
export async function withDb<T>(
  path: string,
  body: (db: Db) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const db = await openDb(path, options);
  try {
    return await body(db);
  } finally {
    db.close();
  }
}
