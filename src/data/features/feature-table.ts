/**
 * The one reader of the feature table's shape and columns, as db.ts is the one door to DuckDB:
 * which columns it has (information_schema), whether it and the tables beside it are present, and
 * its columns read chunk by chunk into one Float64Array each, in SK_ID_CURR order. The API's
 * in-memory cache, the explanations' population, the training loader, the what-if path and
 * `creditlens start` all go through it. It throws nothing of its own: each caller says what a
 * missing table means for it.
 */
import { type Db, quoteIdent } from '../db.ts';

/** The feature table written by build.ts: one row per client (SK_ID_CURR), train and test. */
export const FEATURES_TABLE = 'features';

/** The columns of the feature table that are not features: the key, the split and the outcome. */
export const KEY_COLUMNS: readonly string[] = Object.freeze(['SK_ID_CURR', 'split', 'TARGET']);

/** Columns of a table of the database, in order; empty when there is no such table. */
export async function tableColumns(db: Db, table: string): Promise<string[]> {
  const rows = await db.all<{ column_name: string }>(
    'SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position',
    [table],
  );
  return rows.map((row) => row.column_name);
}

/** The feature table's columns in order, key columns included; empty when it is absent. */
export function featureTableColumns(db: Db): Promise<string[]> {
  return tableColumns(db, FEATURES_TABLE);
}

/** The feature names among the feature table's columns (every column but KEY_COLUMNS). */
export function featureNamesOf(columns: readonly string[]): string[] {
  return columns.filter((name) => !KEY_COLUMNS.includes(name));
}

/** True when every one of the named tables exists. */
export async function hasTables(db: Db, tables: readonly string[]): Promise<boolean> {
  const wanted = [...new Set(tables)];
  if (wanted.length === 0) return true;
  const placeholders = wanted.map((_, i) => `$${i + 1}`).join(', ');
  const rows = await db.all<{ n: number }>(
    `SELECT count(DISTINCT table_name) AS n FROM information_schema.tables WHERE table_name IN (${placeholders})`,
    wanted,
  );
  return Number(rows[0]?.n ?? 0) === wanted.length;
}

/** Rows of the feature table: of one split, or all. */
export async function countFeatureRows(db: Db, split?: 'train' | 'test'): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    `SELECT count(*) AS n FROM ${quoteIdent(FEATURES_TABLE)}${split ? ' WHERE split = $1' : ''}`,
    split ? [split] : [],
  );
  return Number(row?.n ?? 0);
}

/** Columns of the feature table in memory, row r of each array being the same client. */
export interface FeatureColumns {
  readonly rowCount: number;
  /** SK_ID_CURR, ascending. */
  readonly ids: Float64Array;
  /** 1 for a train client (known outcome), 0 for a test client. */
  readonly isTrain: Uint8Array;
  /** TARGET: 1 defaulted, 0 repaid, NaN unknown (test clients). */
  readonly target: Float64Array;
  /** The columns asked for, in the order asked (NULL → NaN). */
  readonly columns: Float64Array[];
}

/**
 * Reads feature columns (names checked by the caller against featureTableColumns), with the ids,
 * split and outcome, chunk by chunk in SK_ID_CURR order: every client, or those of one split.
 * `onRows` reports the rows read so far.
 */
export async function readFeatureColumns(
  db: Db,
  names: readonly string[],
  options: { split?: 'train' | 'test'; onRows?: (rowsSoFar: number) => void } = {},
): Promise<FeatureColumns> {
  // Feature columns are stored as DOUBLE: selected as they are (a cast per column costs seconds).
  const items = [
    'SK_ID_CURR',
    `CAST(split = 'train' AS DOUBLE) AS is_train`,
    'CAST(TARGET AS DOUBLE) AS target',
    ...names.map(quoteIdent),
  ];
  const where = options.split ? ' WHERE split = $1' : '';
  const read = await db.numericColumns(
    `SELECT ${items.join(', ')} FROM ${quoteIdent(FEATURES_TABLE)}${where} ORDER BY SK_ID_CURR`,
    options.split ? [options.split] : [],
    options.onRows,
  );
  const [ids, isTrain, target, ...columns] = read.columns as [
    Float64Array,
    Float64Array,
    Float64Array,
    ...Float64Array[],
  ];
  return { rowCount: read.rowCount, ids, isTrain: Uint8Array.from(isTrain), target, columns };
}
