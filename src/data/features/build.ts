/**
 * The batch: every history group into its own table (one GROUP BY pass over its sources), then
 * the feature table (one row per SK_ID_CURR of application_train ∪ application_test, in no
 * particular order): the application features joined to the group tables by LEFT JOINs on
 * SK_ID_CURR; then the dictionary. Everything is built under new names and swapped in one
 * transaction at the end, so a failure leaves the previous features in place.
 */
import { existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { type Db, quoteIdent, withDb } from '../db.ts';
import { buildPath, commitBuild, prepareBuildDir, removeBuild } from '../ingest/atomic-db.ts';
import { type ProgressFactory, silentProgress } from '../progress.ts';
import {
  assertUnique,
  columnsOf,
  featureSelectList,
  groupFeatureNames,
  historyJoins,
} from './assemble.ts';
import { checkDictionaryMatches, writeDictionary } from './dictionary-table.ts';
import { FEATURES_TABLE } from './feature-table.ts';
import {
  allApplicationsRelation,
  applicationFeaturesSql,
  HISTORY_GROUPS,
  historyFeaturesSql,
  macrosSql,
} from './groups.ts';

export interface FeatureSummary {
  rows: { train: number; test: number };
  featureCount: number;
  seconds: number;
}

export const DICTIONARY_TABLE = 'feature_dictionary';
const NEW = '__new';

/** Settings for the batch: two threads on this class of machine, a memory ceiling under 4 GB. */
async function configure(db: Db): Promise<void> {
  await db.run("SET threads = 2; SET memory_limit = '3GB'; SET preserve_insertion_order = false");
  await db.run(macrosSql());
}

/** Runs one step of the batch as one progress line ("label ✓ 2.1s"). */
async function step(progress: ProgressFactory, label: string, work: () => Promise<void>) {
  const sink = progress(label, 0, 'step');
  const start = performance.now();
  await work();
  sink.finish(`${((performance.now() - start) / 1000).toFixed(1)}s`);
}

/** Builds features, group tables and dictionary in the database at `dbPath`. */
/**
 * Builds the features of the database at `dbPath` in a copy beside it, then renames the copy over
 * it (../ingest/atomic-db.ts): servers holding the file open read-only keep reading the old one
 * (DuckDB would refuse a writer while they hold it) and pick up the new file by its new identity
 * (src/api/scoring/feature-store-watcher.ts). A failure leaves the database as it was.
 */
export async function buildFeatures(options: {
  dbPath: string;
  progress?: ProgressFactory;
}): Promise<FeatureSummary> {
  const { dbPath } = options;
  await prepareBuildDir(dbPath);
  const build = buildPath(dbPath);
  try {
    await copyFile(dbPath, build);
    if (existsSync(`${dbPath}.wal`)) await copyFile(`${dbPath}.wal`, `${build}.wal`);
    const summary = await withDb(build, (db) =>
      buildFeaturesIn(db, options.progress ?? silentProgress),
    );
    await commitBuild(build, dbPath);
    return summary;
  } catch (error) {
    await removeBuild(build);
    throw error;
  }
}

/** As buildFeatures, on an open database (tests use an in-memory one). */
export async function buildFeaturesIn(
  db: Db,
  progress: ProgressFactory = silentProgress,
): Promise<FeatureSummary> {
  const start = performance.now();
  const finalTables = [...HISTORY_GROUPS.map((g) => g.table), FEATURES_TABLE, DICTIONARY_TABLE];
  const dropNew = async () => {
    for (const t of finalTables) await db.run(`DROP TABLE IF EXISTS ${quoteIdent(t + NEW)}`);
  };
  await configure(db);
  await dropNew(); // leftovers of an interrupted run
  try {
    for (const group of HISTORY_GROUPS) {
      await step(progress, `features: ${group.name}`, () =>
        db.run(`CREATE TABLE ${quoteIdent(group.table + NEW)} AS ${historyFeaturesSql(group)}`),
      );
    }

    // The application group goes straight into the feature table (no intermediate copy of its
    // ≈230 columns), joined to the history group tables.
    const applicationSql = applicationFeaturesSql(allApplicationsRelation());
    const names = (await columnsOf(db, `(${applicationSql})`)).filter((c) => c !== 'SK_ID_CURR');
    for (const group of HISTORY_GROUPS)
      names.push(...(await groupFeatureNames(db, group.table + NEW)));
    assertUnique(names);
    checkDictionaryMatches(names);
    const featureTableSql = `CREATE TABLE ${quoteIdent(FEATURES_TABLE + NEW)} AS
SELECT SK_ID_CURR, split, TARGET,
  ${featureSelectList(names)}
FROM (
  SELECT SK_ID_CURR, 'train' AS split, CAST(TARGET AS INTEGER) AS TARGET FROM application_train
  UNION ALL
  SELECT SK_ID_CURR, 'test' AS split, CAST(NULL AS INTEGER) AS TARGET FROM application_test
) AS spine
JOIN (${applicationSql}) AS app USING (SK_ID_CURR)
${historyJoins(HISTORY_GROUPS.map((g) => g.table + NEW))}`;
    await step(progress, 'features: application and feature table', async () => {
      // Materialising ≈440 columns costs less on one thread: with two, each builds its own
      // partial row groups and merging them costs more than the parallel compute saves
      // (copying the full-scale table: 19 s against 23 s of CPU).
      await db.run('SET threads = 1');
      await db.run(featureTableSql);
      await db.run('SET threads = 2');
      await writeDictionary(db, DICTIONARY_TABLE + NEW);
    });

    await db.run('BEGIN TRANSACTION');
    try {
      for (const t of finalTables) {
        await db.run(`DROP TABLE IF EXISTS ${quoteIdent(t)}`);
        await db.run(`ALTER TABLE ${quoteIdent(t + NEW)} RENAME TO ${quoteIdent(t)}`);
      }
      await db.run('COMMIT');
    } catch (error) {
      await db.run('ROLLBACK');
      throw error;
    }

    const counts = await db.all<{ split: string; n: number }>(
      `SELECT split, count(*) AS n FROM ${quoteIdent(FEATURES_TABLE)} GROUP BY split`,
    );
    const rows = { train: 0, test: 0 };
    for (const c of counts) if (c.split === 'train' || c.split === 'test') rows[c.split] = c.n;
    const seconds = (performance.now() - start) / 1000;
    return { rows, featureCount: names.length, seconds };
  } catch (error) {
    await dropNew().catch(() => {});
    throw error;
  }
}
