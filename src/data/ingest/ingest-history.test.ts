/**
 * A small consistent set with history: orphans counted, extra columns reported, any column order,
 * header-only files, partial sets; and the atomic swap (failures and Ctrl-C leave the old database).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  consistentSet,
  csvText,
  removeDir,
  rowValues,
  writeSet,
} from '../../../test/fixtures/ingest/files.ts';
import { withDb } from '../db.ts';
import { DataError } from '../errors.ts';
import { silentProgress } from '../progress.ts';
import { table } from '../schema.ts';
import { ingestDirectory } from './index.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'creditlens-history-'));
  dirs.push(dir);
  return dir;
}
function set(files: Parameters<typeof writeSet>[0]): string {
  const dir = writeSet(files);
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** bureau.csv with its columns in reverse order. */
function reversedBureau(rows: Record<string, string | number>[]): string {
  const quote = (v: string): string => (v.includes(',') ? `"${v}"` : v);
  const header = table('bureau')
    .columns.map((c) => c.name)
    .reverse();
  const lines = rows.map((r) => rowValues('bureau', r).reverse().map(quote).join(','));
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

describe('ingestDirectory with history files', () => {
  it('counts orphans, reports extra columns and matches columns by name', async () => {
    const good = consistentSet();
    const dir = set({
      ...good,
      bureau: reversedBureau([
        { SK_ID_CURR: 100001, SK_ID_BUREAU: 5001, CREDIT_TYPE: 'Car loan', DAYS_CREDIT: -10 },
        { SK_ID_CURR: 100002, SK_ID_BUREAU: 5002, CREDIT_TYPE: 'Microloan', DAYS_CREDIT: -20 },
        { SK_ID_CURR: 999999, SK_ID_BUREAU: 5003 }, // unknown client
      ]),
      bureau_balance: csvText('bureau_balance', [
        { SK_ID_BUREAU: 5001, MONTHS_BALANCE: -1 },
        { SK_ID_BUREAU: 7777, MONTHS_BALANCE: -1 }, // unknown bureau record
        { SK_ID_BUREAU: 7778, MONTHS_BALANCE: -2 }, // unknown bureau record
      ]),
      previous_application: csvText('previous_application', [
        { SK_ID_PREV: 9001, SK_ID_CURR: 100001, DAYS_FIRST_DUE: 365243, DAYS_TERMINATION: -5 },
        { SK_ID_PREV: 9002, SK_ID_CURR: 200001 },
      ]).replace(/^([^\n]*)\n([^\n]*)\n([^\n]*)\n/, '$1,MY_NOTE,SOURCE\n$2,a,b\n$3,c,d\n'),
      POS_CASH_balance: csvText('POS_CASH_balance', [
        { SK_ID_PREV: 9001, SK_ID_CURR: 100001 },
        { SK_ID_PREV: 9999, SK_ID_CURR: 100001 }, // unknown previous application
        { SK_ID_PREV: 9002, SK_ID_CURR: 888888 }, // unknown client
      ]),
      credit_card_balance: `${table('credit_card_balance')
        .columns.map((c) => c.name)
        .join(',')}\n`, // header only: 0 rows, fine
    });
    const dbPath = join(tempDir(), 'creditlens.duckdb');
    const report = await ingestDirectory({ dir, dbPath });

    const byTable = Object.fromEntries(report.tables.map((t) => [t.table, t]));
    expect(byTable.application_train).toMatchObject({ rows: 3, orphans: 0 });
    expect(byTable.bureau).toMatchObject({ rows: 3, orphans: 1 });
    expect(byTable.bureau_balance).toMatchObject({ rows: 3, orphans: 2 });
    expect(byTable.previous_application).toMatchObject({
      rows: 2,
      orphans: 0,
      extraColumns: ['MY_NOTE', 'SOURCE'],
    });
    expect(byTable.POS_CASH_balance).toMatchObject({ rows: 3, orphans: 2 });
    expect(byTable.installments_payments).toMatchObject({ rows: 1, orphans: 0 });
    expect(byTable.credit_card_balance).toMatchObject({ present: true, rows: 0, orphans: 0 });
    const warnings = report.warnings.join('\n');
    expect(warnings).toContain('previous_application.csv: ignored extra column(s) MY_NOTE, SOURCE');
    expect(warnings).toContain('bureau_balance.csv: 2 row(s)');

    await withDb(dbPath, async (db) => {
      const bureau = await db.all(
        'SELECT SK_ID_BUREAU AS b, SK_ID_CURR AS c, CREDIT_TYPE AS t, DAYS_CREDIT AS d FROM bureau ORDER BY b',
      );
      expect(bureau.slice(0, 2)).toEqual([
        { b: 5001, c: 100001, t: 'Car loan', d: -10 },
        { b: 5002, c: 100002, t: 'Microloan', d: -20 },
      ]);
      const prev = await db.all(
        'SELECT DAYS_FIRST_DUE AS due, DAYS_TERMINATION AS term FROM previous_application WHERE SK_ID_PREV = 9001',
      );
      expect(prev).toEqual([{ due: null, term: -5 }]);
      const stored = await db.all<{ n: number }>(
        "SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'previous_application' AND column_name = 'MY_NOTE'",
      );
      expect(stored[0]?.n).toBe(0);
      const meta = await db.all(
        'SELECT "table", rows, orphans, extra_columns FROM ingest_files WHERE present ORDER BY "table"',
      );
      expect(meta).toContainEqual({
        table: 'previous_application',
        rows: 2,
        orphans: 0,
        extra_columns: ['MY_NOTE', 'SOURCE'],
      });
      expect(meta).toContainEqual({
        table: 'bureau_balance',
        rows: 3,
        orphans: 2,
        extra_columns: [],
      });
    });
  });

  it('ignores an unnamed leading column (a pandas index saved with the file)', async () => {
    const withIndex = csvText('application_test', [{ SK_ID_CURR: 200001 }, { SK_ID_CURR: 200002 }])
      .split('\n')
      .map((l, i) => (l === '' ? l : `${i === 0 ? '' : i - 1},${l}`))
      .join('\n');
    const dir = set({ application_test: withIndex });
    const dbPath = join(tempDir(), 'x.duckdb');
    const report = await ingestDirectory({ dir, dbPath });
    expect(report.tables.find((t) => t.table === 'application_test')).toMatchObject({
      rows: 2,
      extraColumns: ['(unnamed column 1)'],
    });
    const ids = await withDb(dbPath, (db) =>
      db.all('SELECT SK_ID_CURR AS id FROM application_test ORDER BY id'),
    );
    expect(ids).toEqual([{ id: 200001 }, { id: 200002 }]);
  });

  it('does not count orphans against a parent file that is absent', async () => {
    const good = consistentSet();
    const dir = set({
      application_train: good.application_train,
      bureau_balance: good.bureau_balance,
      POS_CASH_balance: good.POS_CASH_balance,
    });
    const report = await ingestDirectory({ dir, dbPath: join(tempDir(), 'x.duckdb') });
    const orphans = Object.fromEntries(report.tables.map((t) => [t.table, t.orphans]));
    expect(orphans).toMatchObject({ bureau_balance: 0, POS_CASH_balance: 0 });
    const warnings = report.warnings.join('\n');
    expect(warnings).toContain('bureau_balance.csv: parent keys not checked, bureau.csv absent');
    expect(warnings).toContain(
      'POS_CASH_balance.csv: parent keys not checked, previous_application.csv absent',
    );
  });
});

describe('ingestDirectory is atomic', () => {
  async function goodDatabase(): Promise<{ dbDir: string; dbPath: string; hash: string }> {
    const dbDir = tempDir();
    const dbPath = join(dbDir, 'creditlens.duckdb');
    await ingestDirectory({ dir: set(consistentSet()), dbPath });
    return { dbDir, dbPath, hash: sha256(dbPath) };
  }

  it('leaves the old database and no temporary file when the last file is bad', async () => {
    const { dbDir, dbPath, hash } = await goodDatabase();
    const good = consistentSet();
    const bad = set({
      ...good,
      credit_card_balance: csvText('credit_card_balance', [
        { SK_ID_PREV: 9002, SK_ID_CURR: 200001 },
        { SK_ID_PREV: 9002, SK_ID_CURR: 200001, AMT_BALANCE: '1,5' },
      ]),
    });
    await expect(ingestDirectory({ dir: bad, dbPath })).rejects.toMatchObject({
      code: 'BAD_VALUE',
      where: { file: 'credit_card_balance.csv', line: 3, column: 'AMT_BALANCE', value: '1,5' },
    });
    expect(sha256(dbPath)).toBe(hash);
    expect(readdirSync(dbDir)).toEqual(['creditlens.duckdb']);
    const [row] = await withDb(
      dbPath,
      (db) => db.all<{ n: number }>('SELECT count(*) AS n FROM credit_card_balance'),
      { readOnly: true },
    );
    expect(row?.n).toBe(1);
  });

  it('stops on Ctrl-C (SIGINT) mid-way and leaves the old database', async () => {
    const { dbDir, dbPath, hash } = await goodDatabase();
    const changed = consistentSet();
    changed.application_train = csvText('application_train', [{ SK_ID_CURR: 100001 }]);
    // Ctrl-C arrives while bureau.csv is being read.
    const progress = (label: string, total: number, unit: string) => {
      if (label === 'bureau.csv') process.emit('SIGINT');
      return silentProgress(label, total, unit);
    };
    const error = await ingestDirectory({ dir: set(changed), dbPath, progress }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ code: 'INTERRUPTED' });
    expect((error as Error).message).toContain(`${dbPath} is unchanged`);
    expect(sha256(dbPath)).toBe(hash);
    expect(readdirSync(dbDir)).toEqual(['creditlens.duckdb']);
    expect(process.listenerCount('SIGINT')).toBe(0);
  });

  it('replaces the database on success and removes builds left by dead processes', async () => {
    const { dbDir, dbPath, hash } = await goodDatabase();
    const dead = `${dbPath}.building-2147483646`; // above Linux's pid_max: never alive
    writeFileSync(dead, 'half-written');
    writeFileSync(`${dead}.wal`, 'log');
    const alive = `${dbPath}.building-${process.ppid}`; // another live ingest: left alone
    writeFileSync(alive, 'in progress');
    writeFileSync(`${dbPath}.wal`, 'stale log of the old database');

    const changed = consistentSet();
    changed.application_train = csvText('application_train', [{ SK_ID_CURR: 100001 }]);
    await ingestDirectory({ dir: set(changed), dbPath });

    expect(sha256(dbPath)).not.toBe(hash);
    expect(readdirSync(dbDir).sort()).toEqual(
      ['creditlens.duckdb', `creditlens.duckdb.building-${process.ppid}`].sort(),
    );
    const [row] = await withDb(dbPath, (db) =>
      db.all<{ n: number }>('SELECT count(*) AS n FROM application_train'),
    );
    expect(row?.n).toBe(1);
  });
});
