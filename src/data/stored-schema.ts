/**
 * How the Kaggle tables are stored in DuckDB after ingestion, and the cleaning applied on the way
 * in. The same cleaning serves the what-if path (an edited application scored at run time), so a
 * raw application row becomes a stored row in exactly one way.
 *
 * Stored types: keys BIGINT, TARGET INTEGER, every other number DOUBLE (integer columns drift to
 * "4.0" or empties between the real files), categories VARCHAR.
 */
import { quoteIdent } from './db.ts';
import { type ColumnKind, DAYS_SENTINEL, type TableName, table } from './schema.ts';

export const SQL_TYPE: Readonly<Record<ColumnKind, string>> = {
  key: 'BIGINT',
  target: 'INTEGER',
  int: 'DOUBLE',
  num: 'DOUBLE',
  cat: 'VARCHAR',
};

/** Day columns where 365243 means "no date"; stored as NULL. */
export const SENTINEL_COLUMNS: Readonly<Partial<Record<TableName, readonly string[]>>> = {
  application_train: ['DAYS_EMPLOYED'],
  application_test: ['DAYS_EMPLOYED'],
  previous_application: [
    'DAYS_FIRST_DRAWING',
    'DAYS_FIRST_DUE',
    'DAYS_LAST_DUE_1ST_VERSION',
    'DAYS_LAST_DUE',
    'DAYS_TERMINATION',
  ],
};

/**
 * Flags kept where the sentinel carries signal: the DAYS_EMPLOYED sentinel marks pensioners and the
 * unemployed, who default less (5.4% against 8.7%). Appended after the Kaggle columns.
 */
export const SENTINEL_FLAGS: Readonly<Partial<Record<TableName, readonly [string, string][]>>> = {
  application_train: [['DAYS_EMPLOYED_ANOM', 'DAYS_EMPLOYED']],
  application_test: [['DAYS_EMPLOYED_ANOM', 'DAYS_EMPLOYED']],
};

/** Stored columns of a table: the Kaggle columns, then the sentinel flags, with SQL types. */
export function storedColumns(name: TableName): { name: string; type: string }[] {
  const columns = table(name).columns.map((c) => ({ name: c.name, type: SQL_TYPE[c.kind] }));
  for (const [flag] of SENTINEL_FLAGS[name] ?? []) columns.push({ name: flag, type: 'INTEGER' });
  return columns;
}

/** CREATE TABLE statement for a stored table (empty). */
export function createTableSql(name: TableName, tableName: string = name): string {
  const body = storedColumns(name)
    .map((c) => `${quoteIdent(c.name)} ${c.type}`)
    .join(', ');
  return `CREATE TABLE ${quoteIdent(tableName)} (${body})`;
}

/**
 * The SELECT list that turns raw columns (already typed) of `name` into stored columns: sentinels
 * to NULL, flags added. `source` qualifies the raw columns when needed (e.g. "r").
 */
export function cleanSelectList(name: TableName, source?: string): string {
  const prefix = source ? `${quoteIdent(source)}.` : '';
  const sentinel = new Set(SENTINEL_COLUMNS[name] ?? []);
  const items = table(name).columns.map((c) => {
    const ref = `${prefix}${quoteIdent(c.name)}`;
    return sentinel.has(c.name)
      ? `CASE WHEN ${ref} = ${DAYS_SENTINEL} THEN NULL ELSE ${ref} END AS ${quoteIdent(c.name)}`
      : `${ref} AS ${quoteIdent(c.name)}`;
  });
  for (const [flag, column] of SENTINEL_FLAGS[name] ?? []) {
    const ref = `${prefix}${quoteIdent(column)}`;
    items.push(
      `CAST(coalesce(${ref} = ${DAYS_SENTINEL}, false) AS INTEGER) AS ${quoteIdent(flag)}`,
    );
  }
  return items.join(',\n  ');
}
