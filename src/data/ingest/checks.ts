/**
 * Integrity checks on the loaded tables, each one cheap pass of columnar data: unique keys
 * (fatal, with the lines of the duplicate), and orphan history rows (counted, not fatal).
 */
import { type Db, quoteIdent } from '../db.ts';
import { DataError } from '../errors.ts';
import { type TableName, type TableSpec, table } from '../schema.ts';
import { findLines } from './find-lines.ts';

/** A loaded file: where it is and its header (to find lines of a bad key). */
export interface LoadedSource {
  spec: TableSpec;
  path: string;
  header: readonly string[];
}

/** Lines of `value` in column `column` of a loaded file, as "lines 2 and 7" (best effort). */
async function where(source: LoadedSource, column: string, value: number): Promise<string> {
  const index = source.header.indexOf(column);
  if (index < 0) return '';
  const lines = await findLines(source.path, index, value, 2);
  if (lines.length === 0) return '';
  return lines.length === 1 ? ` (line ${lines[0]})` : ` (lines ${lines[0]} and ${lines[1]})`;
}

/** Throws DUPLICATE_KEY when the single-column unique key of a table repeats. */
export async function checkUniqueKey(db: Db, source: LoadedSource): Promise<void> {
  const key = source.spec.uniqueKey;
  if (key?.length !== 1) return;
  const column = key[0] as string;
  const k = quoteIdent(column);
  const [dup] = await db.all<{ id: number; n: number }>(
    `SELECT ${k} AS id, count(*) AS n FROM ${quoteIdent(source.spec.name)}
     GROUP BY ${k} HAVING count(*) > 1 ORDER BY ${k} LIMIT 1`,
  );
  if (!dup) return;
  const file = source.spec.file;
  throw new DataError('DUPLICATE_KEY', {
    file,
    column,
    value: String(dup.id),
    found: `${dup.n} times in ${file}${await where(source, column, dup.id)}`,
  });
}

/** Throws DUPLICATE_KEY when a client is in both application_train and application_test. */
export async function checkDisjointClients(
  db: Db,
  train: LoadedSource,
  test: LoadedSource,
): Promise<void> {
  const [dup] = await db.all<{ id: number }>(
    `SELECT SK_ID_CURR AS id FROM ${quoteIdent(train.spec.name)}
     SEMI JOIN ${quoteIdent(test.spec.name)} USING (SK_ID_CURR) ORDER BY id LIMIT 1`,
  );
  if (!dup) return;
  const trainAt = await where(train, 'SK_ID_CURR', dup.id);
  const testAt = await where(test, 'SK_ID_CURR', dup.id);
  throw new DataError('DUPLICATE_KEY', {
    file: test.spec.file,
    column: 'SK_ID_CURR',
    value: String(dup.id),
    found: `in both ${train.spec.file}${trainAt} and ${test.spec.file}${testAt}; a client is either for training or for scoring`,
  });
}

/** The parents a history row must find: [key column, parent table] pairs. */
const PARENTS: Readonly<Partial<Record<TableName, readonly [string, TableName | 'clients'][]>>> = {
  bureau: [['SK_ID_CURR', 'clients']],
  bureau_balance: [['SK_ID_BUREAU', 'bureau']],
  previous_application: [['SK_ID_CURR', 'clients']],
  POS_CASH_balance: [
    ['SK_ID_CURR', 'clients'],
    ['SK_ID_PREV', 'previous_application'],
  ],
  installments_payments: [
    ['SK_ID_CURR', 'clients'],
    ['SK_ID_PREV', 'previous_application'],
  ],
  credit_card_balance: [
    ['SK_ID_CURR', 'clients'],
    ['SK_ID_PREV', 'previous_application'],
  ],
};

const CLIENTS = 'ingest_clients';

export interface OrphanCount {
  orphans: number;
  /** Parent tables that were absent, so their key could not be checked. */
  unchecked: string[];
}

/**
 * Counts the rows of a history table whose parent key is unknown (any of its parents). A parent
 * whose file was absent is not checked: every row would count, which says nothing.
 */
export async function countOrphans(
  db: Db,
  name: TableName,
  present: ReadonlySet<TableName>,
): Promise<OrphanCount> {
  const parents = PARENTS[name] ?? [];
  if (parents.length === 0) return { orphans: 0, unchecked: [] };
  await db.run(`CREATE TEMP TABLE IF NOT EXISTS ${quoteIdent(CLIENTS)} AS
    SELECT SK_ID_CURR FROM application_train UNION SELECT SK_ID_CURR FROM application_test`);
  const joins: string[] = [];
  const misses: string[] = [];
  const unchecked: string[] = [];
  parents.forEach(([column, parent], i) => {
    if (parent !== 'clients' && !present.has(parent)) {
      unchecked.push(table(parent).file);
      return;
    }
    const alias = quoteIdent(`p${i}`);
    const k = quoteIdent(column);
    // Parent keys are unique (checked before), so the join never multiplies rows.
    const source = parent === 'clients' ? CLIENTS : parent;
    joins.push(
      `LEFT JOIN (SELECT ${k} AS k FROM ${quoteIdent(source)}) ${alias} ON c.${k} = ${alias}.k`,
    );
    misses.push(`${alias}.k IS NULL`);
  });
  if (misses.length === 0) return { orphans: 0, unchecked };
  const [row] = await db.all<{ n: number }>(
    `SELECT count(*) FILTER (WHERE ${misses.join(' OR ')}) AS n
     FROM ${quoteIdent(name)} c ${joins.join(' ')}`,
  );
  return { orphans: row?.n ?? 0, unchecked };
}
