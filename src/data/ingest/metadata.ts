/**
 * The `ingest_files` table: one row per Kaggle file of the last ingest, read by later stages and
 * the dashboard. Columns: "table" (stored table name), file, present, rows, orphans,
 * extra_columns (VARCHAR[]), bytes, ingested_at (UTC timestamp of the ingest).
 */
import type { Db } from '../db.ts';
import type { TableName } from '../schema.ts';

export const INGEST_FILES_TABLE = 'ingest_files';

export interface IngestFileRow {
  table: TableName;
  file: string;
  present: boolean;
  rows: number;
  orphans: number;
  extraColumns: readonly string[];
  bytes: number;
}

export async function writeIngestFiles(
  db: Db,
  rows: readonly IngestFileRow[],
  ingestedAt: Date,
): Promise<void> {
  await db.run(`CREATE TABLE ingest_files (
    "table" VARCHAR NOT NULL PRIMARY KEY, file VARCHAR NOT NULL, present BOOLEAN NOT NULL,
    rows BIGINT NOT NULL, orphans BIGINT NOT NULL, extra_columns VARCHAR[] NOT NULL,
    bytes BIGINT NOT NULL, ingested_at TIMESTAMP NOT NULL)`);
  for (const row of rows) {
    await db.run(
      `INSERT INTO ingest_files VALUES ($1, $2, $3, $4, $5, from_json($6, '["VARCHAR"]'), $7,
        CAST($8 AS TIMESTAMP))`,
      [
        row.table,
        row.file,
        row.present,
        row.rows,
        row.orphans,
        JSON.stringify(row.extraColumns),
        row.bytes,
        ingestedAt.toISOString().replace('T', ' ').replace('Z', ''),
      ],
    );
  }
}
