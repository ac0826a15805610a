/**
 * The feature table as Parquet, for training beyond one machine (docs/deployment.md, "Data beyond
 * one machine"): DuckDB's own COPY … (FORMAT parquet) writes `features.parquet` (SK_ID_CURR,
 * split, TARGET and every feature, one row per client, in SK_ID_CURR order), the bilingual
 * `feature_dictionary.parquet` beside it, and a manifest. The files are written into a temporary
 * folder beside the target, which is renamed into place only when complete: a reader never sees a
 * half-written export, and a failed one leaves the previous export as it was.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { type Db, quoteIdent, quoteLiteral, withDb } from '../db.ts';
import { DataError } from '../errors.ts';
import { DICTIONARY_TABLE } from '../features/build.ts';
import {
  countFeatureRows,
  FEATURES_TABLE,
  featureTableColumns,
  hasTables,
} from '../features/feature-table.ts';

/** The manifest's name: its presence marks a folder as an export this command may replace. */
export const EXPORT_MANIFEST = 'creditlens-export.json';

export interface ParquetExport {
  readonly format: 'creditlens-features-parquet';
  readonly version: 1;
  readonly createdAt: string;
  /** The DuckDB database exported. */
  readonly database: string;
  readonly rows: { readonly train: number; readonly test: number };
  /** Columns of features.parquet, in order (SK_ID_CURR, split, TARGET, then the features). */
  readonly columns: readonly string[];
  readonly files: readonly string[];
  /** The clients of the holdout that scores every model (holdout.csv), when given. */
  readonly holdout?: { readonly file: string; readonly count: number; readonly note: string };
}

/** A list of clients written as holdout.csv (one SK_ID_CURR a line), with what it is. */
export interface HoldoutList {
  readonly ids: ArrayLike<number>;
  readonly note: string;
}

async function copyToParquet(db: Db, sql: string, file: string): Promise<void> {
  await db.run(`COPY (${sql}) TO ${quoteLiteral(file)} (FORMAT parquet, COMPRESSION zstd)`);
}

/**
 * Writes the export of `dbPath`'s feature table into `outDir`, replacing a previous export there
 * (never another folder: DataError EXPORT_TARGET when `outDir` holds something else).
 */
export async function exportFeaturesParquet(options: {
  dbPath: string;
  outDir: string;
  holdout?: HoldoutList;
}): Promise<ParquetExport> {
  const outDir = resolve(options.outDir);
  if (existsSync(outDir)) {
    const isExport = statSync(outDir).isDirectory() && existsSync(join(outDir, EXPORT_MANIFEST));
    if (!isExport) throw new DataError('EXPORT_TARGET', { dir: outDir });
  }
  const staging = join(dirname(outDir), `.${basename(outDir)}.tmp-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    let manifest = await withDb(
      options.dbPath,
      async (db) => {
        if (!(await hasTables(db, [FEATURES_TABLE]))) {
          throw new DataError('NO_FEATURES', { db: options.dbPath });
        }
        const columns = await featureTableColumns(db);
        const files = ['features.parquet'];
        await copyToParquet(
          db,
          `SELECT * FROM ${quoteIdent(FEATURES_TABLE)} ORDER BY SK_ID_CURR`,
          join(staging, 'features.parquet'),
        );
        if (await hasTables(db, [DICTIONARY_TABLE])) {
          files.push('feature_dictionary.parquet');
          await copyToParquet(
            db,
            `SELECT * FROM ${quoteIdent(DICTIONARY_TABLE)}`,
            join(staging, 'feature_dictionary.parquet'),
          );
        }
        const made: ParquetExport = {
          format: 'creditlens-features-parquet',
          version: 1,
          createdAt: new Date().toISOString(),
          database: resolve(options.dbPath),
          rows: {
            train: await countFeatureRows(db, 'train'),
            test: await countFeatureRows(db, 'test'),
          },
          columns,
          files,
        };
        return made;
      },
      { readOnly: true },
    );
    const { holdout } = options;
    if (holdout) {
      writeFileSync(
        join(staging, 'holdout.csv'),
        `SK_ID_CURR\n${Array.from(holdout.ids).join('\n')}\n`,
      );
      manifest = {
        ...manifest,
        files: [...manifest.files, 'holdout.csv'],
        holdout: { file: 'holdout.csv', count: holdout.ids.length, note: holdout.note },
      };
    }
    writeFileSync(join(staging, EXPORT_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    // The previous export moves aside, the new one takes its name, then the old one goes.
    const previous = existsSync(outDir) ? `${staging}.old` : null;
    if (previous) renameSync(outDir, previous);
    renameSync(staging, outDir);
    if (previous) rmSync(previous, { recursive: true, force: true });
    return manifest;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
