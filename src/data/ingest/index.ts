/**
 * Ingestion of a directory of Home Credit CSV files into a DuckDB database.
 *
 * Every one of the eight stored tables exists afterwards (empty when its file is absent), plus
 * `ingest_files` (see metadata.ts). The application table is required (train, or test alone for
 * scoring); history files are optional. Bad input throws a DataError naming the file, line,
 * column and value, and changes nothing: the database is built beside the old one and renamed
 * over it only on success (atomic-db.ts); Ctrl-C stops the running query and cleans up the same way.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { type Db, openDb } from '../db.ts';
import { DataError } from '../errors.ts';
import { type ProgressFactory, silentProgress } from '../progress.ts';
import { TABLES, type TableName } from '../schema.ts';
import { createTableSql } from '../stored-schema.ts';
import { buildPath, commitBuild, prepareBuildDir, removeBuild } from './atomic-db.ts';
import { checkDisjointClients, checkUniqueKey, countOrphans, type LoadedSource } from './checks.ts';
import { loadTable } from './load-table.ts';
import { writeIngestFiles } from './metadata.ts';

export { INGEST_FILES_TABLE } from './metadata.ts';

export interface IngestOptions {
  /** Directory holding the Kaggle files (names as in TABLES). */
  dir: string;
  /** Database file to create or replace (its directory is created when missing). */
  dbPath: string;
  /** One progress sink per file, counting rows (estimated from the file size while reading). */
  progress?: ProgressFactory;
}

export interface TableReport {
  table: TableName;
  file: string;
  /** Whether the file was in the directory (an absent file gives an empty table). */
  present: boolean;
  rows: number;
  /** History rows whose parent key (client, bureau record, previous application) is unknown. */
  orphans: number;
  /** Header columns outside the Kaggle schema, ignored. */
  extraColumns: string[];
  /** Seconds spent reading the file (0 when absent). */
  seconds: number;
}

export interface IngestReport {
  dbPath: string;
  seconds: number;
  tables: TableReport[];
  warnings: string[];
}

/** DuckDB memory cap: full scale (≈2.5 GB of CSV) stays well under the 4 GB budget. */
const MEMORY_LIMIT = '3GB';

export async function ingestDirectory(options: IngestOptions): Promise<IngestReport> {
  const { progress = silentProgress } = options;
  const dir = resolve(options.dir);
  const dbPath = resolve(options.dbPath);
  const started = performance.now();
  const present = presentFiles(dir);

  await prepareBuildDir(dbPath);
  const build = buildPath(dbPath);
  await removeBuild(build);

  let db: Db | undefined;
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    db?.interrupt();
  };
  const stopIfInterrupted = (): void => {
    if (interrupted) throw interruptedError(dbPath);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    db = await openDb(build);
    await db.run(`SET threads = ${Math.max(1, availableParallelism())};
      SET memory_limit = '${MEMORY_LIMIT}';
      SET preserve_insertion_order = false;
      SET enable_progress_bar = true;
      SET enable_progress_bar_print = false;`);
    for (const spec of TABLES) await db.run(createTableSql(spec.name));

    const tables: TableReport[] = [];
    const warnings: string[] = [];
    const loaded = new Map<TableName, LoadedSource>();
    const bytes = new Map<TableName, number>();
    for (const spec of TABLES) {
      stopIfInterrupted();
      if (!present.has(spec.name)) {
        tables.push(emptyReport(spec.name, spec.file));
        continue;
      }
      const path = join(dir, spec.file);
      const file = await loadTable(db, spec, path, progress);
      stopIfInterrupted();
      const source: LoadedSource = { spec, path, header: file.header };
      await checkUniqueKey(db, source);
      loaded.set(spec.name, source);
      bytes.set(spec.name, file.bytes);
      const train = loaded.get('application_train');
      if (spec.name === 'application_test' && train) await checkDisjointClients(db, train, source);
      tables.push({
        table: spec.name,
        file: spec.file,
        present: true,
        rows: file.rows,
        orphans: 0,
        extraColumns: file.extraColumns,
        seconds: file.seconds,
      });
      if (file.extraColumns.length > 0) {
        warnings.push(`${spec.file}: ignored extra column(s) ${file.extraColumns.join(', ')}`);
      }
    }

    const checking = progress('orphan rows', present.size, 'files');
    for (const report of tables) {
      stopIfInterrupted();
      if (!report.present) continue;
      const { orphans, unchecked } = await countOrphans(db, report.table, present);
      checking.tick();
      report.orphans = orphans;
      if (orphans > 0) {
        const share = ((orphans / Math.max(1, report.rows)) * 100).toFixed(1);
        warnings.push(
          `${report.file}: ${orphans} row(s) (${share}%) refer to an unknown client, bureau record or previous application`,
        );
      }
      if (unchecked.length > 0) {
        warnings.push(`${report.file}: parent keys not checked, ${unchecked.join(', ')} absent`);
      }
    }
    checking.finish();
    warnings.unshift(...absenceWarnings(present));

    await writeIngestFiles(
      db,
      tables.map((t) => ({ ...t, bytes: bytes.get(t.table) ?? 0 })),
      new Date(),
    );
    stopIfInterrupted();
    await db.run('CHECKPOINT');
    db.close();
    db = undefined;
    stopIfInterrupted();
    await commitBuild(build, dbPath);
    return { dbPath, seconds: (performance.now() - started) / 1000, tables, warnings };
  } catch (error) {
    try {
      db?.close();
    } catch {
      // Closing a failed build can fail too; the file is removed below either way.
    }
    db = undefined;
    await removeBuild(build);
    if (interrupted && !(error instanceof DataError && error.code === 'INTERRUPTED')) {
      throw interruptedError(dbPath);
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function interruptedError(dbPath: string): DataError {
  return new DataError('INTERRUPTED', {
    outcome: existsSync(dbPath) ? `${dbPath} is unchanged` : 'no database was written',
  });
}

function emptyReport(table: TableName, file: string): TableReport {
  return { table, file, present: false, rows: 0, orphans: 0, extraColumns: [], seconds: 0 };
}

/** The tables whose file is in `dir`; throws when the directory or the application file is missing. */
function presentFiles(dir: string): Set<TableName> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DataError('MISSING_DIR', { file: dir });
  }
  const present = new Set<TableName>();
  for (const spec of TABLES) {
    const path = join(dir, spec.file);
    if (existsSync(path) && statSync(path).isFile()) present.add(spec.name);
  }
  if (!present.has('application_train') && !present.has('application_test')) {
    throw new DataError('MISSING_FILE', {
      file: 'application_train.csv',
      dir,
      need: 'the application table is required (application_test.csv alone, to score without training)',
    });
  }
  return present;
}

function absenceWarnings(present: ReadonlySet<TableName>): string[] {
  const warnings: string[] = [];
  if (!present.has('application_train')) {
    warnings.push('application_train.csv absent: scoring-only data, no TARGET to train on');
  }
  const absent = TABLES.filter((t) => t.parentKey && !present.has(t.name)).map((t) => t.file);
  if (absent.length > 0) {
    warnings.push(`absent, stored as empty tables: ${absent.join(', ')}`);
  }
  return warnings;
}
