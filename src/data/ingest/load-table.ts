/**
 * Loads one Kaggle file into its stored table (already created, empty): one typed `read_csv`
 * feeding `INSERT … SELECT cleanSelectList(…)`, so sentinels become NULL on the way in. Rows DuckDB
 * cannot read are collected in its reject tables and the first one becomes a DataError.
 */
import { type Db, quoteIdent } from '../db.ts';
import { DataError } from '../errors.ts';
import type { ProgressFactory } from '../progress.ts';
import type { TableSpec } from '../schema.ts';
import { cleanSelectList } from '../stored-schema.ts';
import { readCsvHead } from './csv-head.ts';
import { csvRead, firstRejectSql, type RejectTables } from './read-csv.ts';
import { type RejectRow, rejectError } from './reject-error.ts';

export interface LoadedFile {
  /** Header columns in file order. */
  header: string[];
  rows: number;
  bytes: number;
  extraColumns: string[];
  seconds: number;
}

/** How often DuckDB's query progress is polled for the progress bar. */
const POLL_MS = 250;

export async function loadTable(
  db: Db,
  spec: TableSpec,
  path: string,
  progress: ProgressFactory,
): Promise<LoadedFile> {
  const file = spec.file;
  const head = await readCsvHead(path, file);
  const rejects: RejectTables = {
    errors: `ingest_rejects_${spec.name}`,
    scans: `ingest_scans_${spec.name}`,
  };
  const read = csvRead(spec, path, file, head.columns, rejects);

  const estimate = head.bytesPerRow > 0 ? Math.round(head.bytes / head.bytesPerRow) : 0;
  const sink = progress(file, estimate, 'rows');
  const started = performance.now();
  const poll = setInterval(() => {
    const fraction = db.queryProgress();
    if (fraction >= 0) sink.update(Math.round(fraction * estimate));
  }, POLL_MS);
  try {
    await db.run(
      `INSERT INTO ${quoteIdent(spec.name)}
       SELECT ${cleanSelectList(spec.name)} FROM ${read.sql}`,
    );
  } catch (error) {
    sink.finish('failed');
    throw unreadable(error, file);
  } finally {
    clearInterval(poll);
  }

  const [reject] = await db.all<RejectRow>(firstRejectSql(rejects));
  await db.run(`DROP TABLE IF EXISTS ${quoteIdent(rejects.errors)}`);
  await db.run(`DROP TABLE IF EXISTS ${quoteIdent(rejects.scans)}`);
  if (reject) {
    sink.finish('failed');
    throw rejectError(spec, file, head.columns, reject);
  }

  const [count] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(spec.name)}`);
  const rows = count?.n ?? 0;
  sink.setTotal(rows);
  sink.update(rows);
  sink.finish();
  return {
    header: head.columns,
    rows,
    bytes: head.bytes,
    extraColumns: read.extraColumns,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A DuckDB failure that is not a rejected row (e.g. an unterminated quote): name the file. */
function unreadable(error: unknown, file: string): Error {
  if (!(error instanceof Error) || error instanceof DataError) return error as Error;
  if (/interrupt/i.test(error.message)) return error;
  const line = /CSV Error on Line: (\d+)/.exec(error.message)?.[1];
  const first = error.message
    .split('\n')
    .find((l) => l.trim() !== '' && !l.startsWith('CSV Error'));
  return new DataError('BAD_FILE', {
    at: line ? `${file}, line ${line}` : file,
    detail: first ?? error.message,
    file,
    ...(line ? { line: Number(line) } : {}),
  });
}
