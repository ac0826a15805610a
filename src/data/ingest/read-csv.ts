/**
 * The typed DuckDB read of one Kaggle file: `read_csv` with every option explicit (no sniffing that
 * changes with the file), the column map taken from the file's own header (so any column order
 * works) with the types of SQL_TYPE. Schema columns missing from the header are an error; extra
 * columns are read as text and ignored.
 */
import { quoteIdent, quoteLiteral } from '../db.ts';
import { DataError } from '../errors.ts';
import type { TableSpec } from '../schema.ts';
import { SQL_TYPE } from '../stored-schema.ts';

export interface CsvRead {
  /** The `read_csv(...)` table function call. */
  readonly sql: string;
  /** Header columns the schema does not know, in file order. */
  readonly extraColumns: string[];
}

/** Where DuckDB records the rows it cannot read (temporary tables of the connection). */
export interface RejectTables {
  readonly errors: string;
  readonly scans: string;
}

/** At most this many bad rows are recorded per file; the first by line is reported. */
const REJECTS_LIMIT = 1000;

/**
 * Builds the read of `path` (columns `header`) for `spec`. Empty key cells are forced to '' so
 * that they fail the BIGINT cast and come back with their line number, like any bad value.
 */
export function csvRead(
  spec: TableSpec,
  path: string,
  file: string,
  header: readonly string[],
  rejects: RejectTables,
): CsvRead {
  const known = new Map(spec.columns.map((c) => [c.name, c.kind]));
  const present = new Set(header);
  const missing = spec.columns.filter((c) => !present.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '');
    throw new DataError('MISSING_COLUMN', {
      file,
      line: 1,
      column: missing[0] as string,
      columns: `column${missing.length > 1 ? 's' : ''} ${shown}`,
      count: missing.length,
      total: spec.columns.length,
      table: spec.name,
    });
  }

  const types = header.map((name) => {
    const kind = known.get(name);
    return `${quoteLiteral(name)}: ${quoteLiteral(kind ? SQL_TYPE[kind] : 'VARCHAR')}`;
  });
  const keys = spec.columns.filter((c) => c.kind === 'key').map((c) => quoteLiteral(c.name));
  const options = [
    'header = true',
    'auto_detect = false',
    "delim = ','",
    "quote = '\"'",
    "escape = '\"'",
    'strict_mode = true',
    'null_padding = false',
    `columns = {${types.join(', ')}}`,
    `force_not_null = [${keys.join(', ')}]`,
    'store_rejects = true',
    `rejects_table = ${quoteLiteral(rejects.errors)}`,
    `rejects_scan = ${quoteLiteral(rejects.scans)}`,
    `rejects_limit = ${REJECTS_LIMIT}`,
  ];
  return {
    sql: `read_csv(${quoteLiteral(path)}, ${options.join(', ')})`,
    extraColumns: header.filter((name) => !known.has(name)),
  };
}

/** `SELECT` of the first rejected row (by line) from the reject tables, or nothing. */
export function firstRejectSql(rejects: RejectTables): string {
  return `SELECT line, column_name, error_type, error_message, csv_line
    FROM ${quoteIdent(rejects.errors)} ORDER BY line, column_idx LIMIT 1`;
}
