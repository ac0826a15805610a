/** Ingestion of the 5,000 real rows of application_test (read from ../shared in place). */
import { copyFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir } from '../../../test/fixtures/ingest/files.ts';
import { sharedFile } from '../../../test/support/shared-dir.ts';
import { splitCsvRecord } from '../csv-record.ts';
import { withDb } from '../db.ts';
import { DAYS_SENTINEL, TABLES } from '../schema.ts';
import { type IngestReport, ingestDirectory } from './index.ts';

const SAMPLE = sharedFile('data/home-credit/application_test_sample.csv');
const describeWithSample = describe.skipIf(SAMPLE.missing !== null);

/** The sample parsed independently of DuckDB: header and rows of fields. */
function readSample(): { header: string[]; rows: string[][] } {
  const lines = readFileSync(SAMPLE.path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const header = splitCsvRecord(lines[0] as string);
  const rows = lines
    .slice(1)
    .filter((l) => l !== '')
    .map(splitCsvRecord);
  return { header, rows };
}

describeWithSample('ingestDirectory on the real application_test sample', () => {
  let dir: string;
  let dbPath: string;
  let report: IngestReport;
  // Read in beforeAll, not while collecting: a skipped suite's body still runs.
  let sample: { header: string[]; rows: string[][] };
  const col = (name: string): number => sample.header.indexOf(name);

  beforeAll(async () => {
    sample = readSample();
    dir = mkdtempSync(join(tmpdir(), 'creditlens-sample-'));
    copyFileSync(SAMPLE.path, join(dir, 'application_test.csv'));
    dbPath = join(dir, 'db', 'creditlens.duckdb');
    report = await ingestDirectory({ dir, dbPath });
  });

  afterAll(() => removeDir(dir));

  it('loads every row', async () => {
    expect(sample.rows.length).toBe(5000);
    const test = report.tables.find((t) => t.table === 'application_test');
    expect(test).toMatchObject({ present: true, rows: 5000, orphans: 0, extraColumns: [] });
    const [row] = await withDb(dbPath, (db) =>
      db.all<{ n: number; ids: number }>(
        'SELECT count(*) AS n, count(DISTINCT SK_ID_CURR) AS ids FROM application_test',
      ),
    );
    expect(row).toEqual({ n: 5000, ids: 5000 });
  });

  it('turns the DAYS_EMPLOYED sentinel into NULL and flags exactly those rows', async () => {
    const id = col('SK_ID_CURR');
    const days = col('DAYS_EMPLOYED');
    const expected = sample.rows
      .filter((r) => Number(r[days]) === DAYS_SENTINEL)
      .map((r) => Number(r[id]))
      .sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(0);
    const flagged = await withDb(dbPath, (db) =>
      db.all<{ id: number; days: number | null }>(
        'SELECT SK_ID_CURR AS id, DAYS_EMPLOYED AS days FROM application_test WHERE DAYS_EMPLOYED_ANOM = 1 ORDER BY id',
      ),
    );
    expect(flagged.map((r) => r.id)).toEqual(expected);
    expect(flagged.every((r) => r.days === null)).toBe(true);
    const [kept] = await withDb(dbPath, (db) =>
      db.all<{ n: number; top: number }>(
        'SELECT count(*) AS n, max(DAYS_EMPLOYED) AS top FROM application_test WHERE DAYS_EMPLOYED_ANOM = 0',
      ),
    );
    expect(kept?.n).toBe(5000 - expected.length);
    expect(kept?.top).toBeLessThan(1);
  });

  it('keeps quoted values with commas and numbers intact', async () => {
    const suite = col('NAME_TYPE_SUITE');
    const walls = col('WALLSMATERIAL_MODE');
    const credit = col('AMT_CREDIT');
    const spouses = sample.rows.filter((r) => r[suite] === 'Spouse, partner').length;
    const stone = sample.rows.filter((r) => r[walls] === 'Stone, brick').length;
    const creditSum = sample.rows.reduce((s, r) => s + Number(r[credit]), 0);
    expect(spouses).toBeGreaterThan(0);
    const [row] = await withDb(dbPath, (db) =>
      db.all<{ spouses: number; stone: number; credit: number }>(
        `SELECT count(*) FILTER (WHERE NAME_TYPE_SUITE = 'Spouse, partner') AS spouses,
                count(*) FILTER (WHERE WALLSMATERIAL_MODE = 'Stone, brick') AS stone,
                sum(AMT_CREDIT) AS credit FROM application_test`,
      ),
    );
    expect(row?.spouses).toBe(spouses);
    expect(row?.stone).toBe(stone);
    expect(row?.credit).toBeCloseTo(creditSum, 2);
  });

  it('creates all eight tables, the history ones empty', async () => {
    const counts = await withDb(dbPath, async (db) => {
      const out: Record<string, number> = {};
      for (const spec of TABLES) {
        const [row] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM "${spec.name}"`);
        out[spec.name] = row?.n ?? -1;
      }
      return out;
    });
    expect(counts).toEqual({
      application_train: 0,
      application_test: 5000,
      bureau: 0,
      bureau_balance: 0,
      previous_application: 0,
      POS_CASH_balance: 0,
      installments_payments: 0,
      credit_card_balance: 0,
    });
    expect(report.warnings.join('\n')).toContain('application_train.csv absent');
  });

  it('records each file in ingest_files', async () => {
    const rows = await withDb(dbPath, (db) =>
      db.all<{
        table: string;
        file: string;
        present: boolean;
        rows: number;
        orphans: number;
        extra_columns: string[];
        bytes: number;
      }>(
        'SELECT "table", file, present, rows, orphans, extra_columns, bytes FROM ingest_files ORDER BY file',
      ),
    );
    expect(rows).toHaveLength(8);
    const test = rows.find((r) => r.table === 'application_test');
    expect(test).toEqual({
      table: 'application_test',
      file: 'application_test.csv',
      present: true,
      rows: 5000,
      orphans: 0,
      extra_columns: [],
      bytes: statSync(SAMPLE.path).size,
    });
    const absent = rows.filter((r) => r.table !== 'application_test');
    expect(absent.every((r) => !r.present && r.rows === 0 && r.bytes === 0)).toBe(true);
  });
});
