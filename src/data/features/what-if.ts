/**
 * Scoring and what-if: the feature row of one applicant from raw application fields, computed by
 * the same application SQL as the batch (over a one-row relation cleaned by cleanSelectList), plus
 * that SK_ID_CURR's rows of the stored history group tables (none for a new id), in the order of
 * the feature table. Point look-ups per group are cheaper than one wide join per call.
 *
 * Two evaluators of that one SQL text: featuresForApplication runs it in DuckDB (the reference,
 * ≈50 ms a call on a shared connection); featuresInMemory runs it through the row evaluator
 * (./row-eval, ≈0.02 ms), which row-eval/application.test.ts holds equal to DuckDB bit for bit.
 */
import { type Db, type PreparedQuery, quoteIdent, type Row } from '../db.ts';
import { DataError } from '../errors.ts';
import { APPLICATION_TEST_COLUMNS } from '../schema.ts';
import { cleanSelectList } from '../stored-schema.ts';
import {
  APPLICATION_SQL_TYPES,
  type RawApplication,
  validateApplication,
} from './application-input.ts';
import { groupFeatureNames, historyJoins } from './assemble.ts';
import { featureNamesOf, featureTableColumns } from './feature-table.ts';
import { applicationFeaturesSql, HISTORY_GROUPS, macrosSql } from './groups.ts';
import { applicationFeatureProgram } from './row-eval/application.ts';

/** Feature names of the stored feature table, in order. */
async function storedFeatureNames(db: Db): Promise<string[]> {
  const columns = await featureTableColumns(db);
  if (columns.length === 0) {
    throw new DataError('NO_FEATURES', { db: db.path });
  }
  return featureNamesOf(columns);
}

/** What every call on one connection shares: column lists, the SQL, the macros (created once). */
interface Prepared {
  readonly names: string[];
  readonly application: PreparedQuery;
  /** One query for all history groups of one SK_ID_CURR ($1). */
  readonly history: PreparedQuery;
  readonly historyColumns: string[];
}

// Per connection: a connection sees one database whose feature table cannot change under it (a
// rebuild takes the write lock, which an open connection of another process prevents).
const preparedByDb = new WeakMap<Db, Promise<Prepared>>();

async function prepare(db: Db): Promise<Prepared> {
  const names = await storedFeatureNames(db);
  await db.run(macrosSql());
  const historyColumns: string[] = [];
  for (const group of HISTORY_GROUPS)
    historyColumns.push(...(await groupFeatureNames(db, group.table)));
  const tables = HISTORY_GROUPS.map((g) => g.table);
  const select = historyColumns.length > 0 ? historyColumns.map(quoteIdent).join(', ') : '1';
  const historySql = `SELECT ${select} FROM (SELECT CAST($1 AS BIGINT) AS SK_ID_CURR) AS id\n${historyJoins(tables)}`;
  return {
    names,
    application: await db.prepare(`SELECT * FROM (${applicationFeaturesSql(rawRelation())})`),
    history: await db.prepare(historySql),
    historyColumns,
  };
}

function prepared(db: Db): Promise<Prepared> {
  let entry = preparedByDb.get(db);
  if (entry === undefined) {
    entry = prepare(db);
    // A failure (no feature table yet) must not stick: the next call tries again.
    entry.catch(() => preparedByDb.delete(db));
    preparedByDb.set(db, entry);
  }
  return entry;
}

export interface WhatIfOptions {
  /**
   * The applicant's stored history feature by name (null = missing), when the caller already holds
   * the feature table in memory (the API does): saves the point look-ups, which scan whole row
   * groups of wide tables (tens of ms each). History features do not depend on the edited
   * application fields, so the stored values are the ones the batch computed.
   */
  readonly storedHistory?: (feature: string) => number | null;
}

/** The one-row raw relation: each value bound as a parameter and cast to its stored type. */
function rawRelation(): string {
  const items = APPLICATION_TEST_COLUMNS.map(
    (c, i) => `CAST($${i + 1} AS ${APPLICATION_SQL_TYPES[i]}) AS ${quoteIdent(c.name)}`,
  );
  return `(SELECT ${cleanSelectList('application_test', 'raw')} FROM (SELECT ${items.join(', ')}) AS raw)`;
}

/**
 * What-if / scoring: the features of one applicant from raw application fields (as in the CSV:
 * numbers as numbers, categories as strings, missing or absent as null) plus that SK_ID_CURR's
 * stored history (none for a new id). Throws DataError naming the first invalid field (unknown
 * column, text in a number, category outside its closed set) and when no feature table exists.
 * Returns the feature row in the order of the feature table, NULL for missing.
 */
export async function featuresForApplication(
  db: Db,
  application: RawApplication,
  options: WhatIfOptions = {},
): Promise<{ names: string[]; values: (number | null)[] }> {
  const params = validateApplication(application);
  const {
    names,
    application: appQuery,
    history: historyQuery,
    historyColumns,
  } = await prepared(db);
  const found = new Map<string, unknown>();
  // The application part: the batch SQL over the one-row relation.
  const appRows = await appQuery.all(params);
  if (appRows.length !== 1) throw new Error(`what-if query returned ${appRows.length} rows`);
  for (const [k, v] of Object.entries(appRows[0] as Row)) found.set(k, v);
  // The history part: the stored group rows of this client (none for a new id), in one query.
  const id = params[0] ?? null;
  if (options.storedHistory !== undefined) {
    for (const c of historyColumns) found.set(c, id === null ? null : options.storedHistory(c));
  } else {
    const history = id === null ? [] : await historyQuery.all([id]);
    for (const c of historyColumns) found.set(c, history[0]?.[c] ?? null);
  }
  const values = names.map((n) => {
    if (!found.has(n)) throw new Error(`what-if: no value for feature ${n}`);
    const v = found.get(n);
    return v === null || v === undefined ? null : Number(v);
  });
  return { names, values };
}

/**
 * The stored value of a history feature (one the application SQL does not give), by name and
 * position in the requested names: null when missing (NaN counts as missing), undefined when the
 * caller holds no such feature (an error: the model needs a feature nobody computes).
 */
export type HistoryLookup = (feature: string, position: number) => number | null | undefined;

// Per list of requested names: where each comes from (index of the evaluator's output, or -1).
const plans = new WeakMap<readonly string[], Int32Array>();

function planFor(names: readonly string[], outputs: readonly string[]): Int32Array {
  let plan = plans.get(names);
  if (plan === undefined) {
    const at = new Map(outputs.map((n, i) => [n, i]));
    plan = Int32Array.from(names, (n) => (n === 'SK_ID_CURR' ? -1 : (at.get(n) ?? -1)));
    plans.set(names, plan);
  }
  return plan;
}

/**
 * The values of `names` for one raw application, in memory, without DuckDB: the application
 * features from the row evaluator (the same SQL text as the batch), every other name from
 * `history` (the stored history features the caller holds; () => null for a new client). Throws
 * DataError naming the first invalid field, as featuresForApplication does.
 */
export function featuresInMemory(
  application: RawApplication,
  names: readonly string[],
  history: HistoryLookup,
): (number | null)[] {
  const program = applicationFeatureProgram();
  const computed = program.run(validateApplication(application));
  const plan = planFor(names, program.names);
  return names.map((name, j) => {
    const from = plan[j] as number;
    if (from >= 0) return computed[from] ?? null;
    const v = history(name, j);
    if (v === undefined) throw new Error(`what-if: no value for feature ${name}`);
    return v === null || Number.isNaN(v) ? null : v;
  });
}
