import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, quoteLiteral, withDb } from '../db.ts';
import { DataError } from '../errors.ts';
import { buildFeatures } from '../features/index.ts';
import { generateDataset } from '../generate/index.ts';
import { ingestDirectory } from '../ingest/index.ts';
import { EXPORT_MANIFEST, exportFeaturesParquet } from './parquet.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-export-'));
const dbPath = join(dir, 'creditlens.duckdb');

beforeAll(async () => {
  await generateDataset({ outDir: join(dir, 'demo'), clients: 200, testClients: 40, seed: 7 });
  await ingestDirectory({ dir: join(dir, 'demo'), dbPath });
  await buildFeatures({ dbPath });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads a Parquet file back through DuckDB: its column names and rows. */
async function readBack(file: string) {
  const db = await openDb(':memory:');
  try {
    const columns = await db.all<{ column_name: string }>(
      `DESCRIBE SELECT * FROM read_parquet(${quoteLiteral(file)})`,
    );
    const [counts] = await db.all<{ n: number; train: number; labelled: number }>(
      `SELECT count(*) AS n, count(*) FILTER (split = 'train') AS train, count(TARGET) AS labelled FROM read_parquet(${quoteLiteral(file)})`,
    );
    return {
      columns: columns.map((c) => c.column_name),
      ...(counts as { n: number; train: number; labelled: number }),
    };
  } finally {
    db.close();
  }
}

describe('export --parquet', () => {
  it('writes the feature table with its ids, split and label, read back with the same rows and columns', async () => {
    const out = join(dir, 'parquet');
    const made = await exportFeaturesParquet({ dbPath, outDir: out });
    expect(made.rows).toEqual({ train: 200, test: 40 });
    const back = await readBack(join(out, 'features.parquet'));
    const stored = await withDb(
      dbPath,
      (db) => db.all<{ column_name: string }>('DESCRIBE features'),
      { readOnly: true },
    );
    expect(back.columns).toEqual(stored.map((c) => c.column_name));
    expect(back.columns.slice(0, 3)).toEqual(['SK_ID_CURR', 'split', 'TARGET']);
    expect(back.n).toBe(240);
    expect(back.train).toBe(200);
    // The label of the train split only (the test split has none).
    expect(back.labelled).toBe(200);
    expect(readdirSync(out).sort()).toEqual(
      [EXPORT_MANIFEST, 'feature_dictionary.parquet', 'features.parquet'].sort(),
    );
    // No staging folder is left beside it.
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('replaces a previous export whole, and refuses a folder it did not write, changing nothing', async () => {
    const out = join(dir, 'again');
    await exportFeaturesParquet({ dbPath, outDir: out });
    writeFileSync(join(out, 'stale.txt'), 'left from before');
    await exportFeaturesParquet({ dbPath, outDir: out });
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(existsSync(join(out, 'features.parquet'))).toBe(true);

    const other = join(dir, 'someone-else');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    const refused = exportFeaturesParquet({ dbPath, outDir: other });
    await expect(refused).rejects.toThrow(DataError);
    await expect(exportFeaturesParquet({ dbPath, outDir: other })).rejects.toThrow(
      /someone-else exists and is not a creditlens export/,
    );
    expect(readdirSync(other)).toEqual(['notes.txt']);
  });

  it('says so when the database has no feature table, and leaves nothing behind', async () => {
    const empty = join(dir, 'empty.duckdb');
    await withDb(empty, (db) => db.run('CREATE TABLE t (x INTEGER)'));
    const out = join(dir, 'none');
    await expect(exportFeaturesParquet({ dbPath: empty, outDir: out })).rejects.toThrow(
      /has no feature table: run `creditlens features` first/,
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
