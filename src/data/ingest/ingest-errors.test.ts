/**
 * The malformed-input matrix: each bad file set must fail with a DataError naming what is wrong
 * (file, line, column, value) and leave the previous database byte-for-byte intact.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consistentSet,
  csvText,
  removeDir,
  rowValues,
  writeSet,
} from '../../../test/fixtures/ingest/files.ts';
import { withDb } from '../db.ts';
import { DataError } from '../errors.ts';
import { TABLES, type TableName, table } from '../schema.ts';
import { ingestDirectory } from './index.ts';

type FileSet = Partial<Record<TableName, string | Buffer>>;

interface Case {
  name: string;
  files: () => FileSet;
  code: string;
  /** Parts the message must contain (the data directory is passed for messages that name it). */
  parts: (dir: string) => string[];
  where?: DataError['where'];
}

/** Replaces line `n` (1-based) of a CSV text. */
function withLine(text: string, n: number, line: string): string {
  const lines = text.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}

/** A CSV line of `name` with the Kaggle columns, `values` overriding defaults. */
function line(name: TableName, values: Record<string, string | number>): string {
  return rowValues(name, values)
    .map((v) => (v.includes(',') ? `"${v}"` : v))
    .join(',');
}

const good = consistentSet();
const train = good.application_train as string;
const bureau = good.bureau as string;

/** bureau.csv without AMT_CREDIT_SUM (header and rows). */
function bureauWithout(column: string): string {
  const keep = table('bureau').columns.map((c) => c.name !== column);
  const pick = (cells: string[]): string =>
    cells
      .filter((_, i) => keep[i])
      .map((v) => (v.includes(',') ? `"${v}"` : v))
      .join(',');
  const header = pick(table('bureau').columns.map((c) => c.name));
  const row = pick(rowValues('bureau', { SK_ID_CURR: 100001, SK_ID_BUREAU: 5001 }));
  return `${header}\n${row}\n`;
}

const cases: Case[] = [
  {
    name: 'missing application file',
    files: () => ({ ...good, application_train: undefined, application_test: undefined }),
    code: 'MISSING_FILE',
    parts: (dir) => ['application_train.csv', dir],
  },
  {
    name: 'missing required column',
    files: () => ({ ...good, bureau: bureauWithout('AMT_CREDIT_SUM') }),
    code: 'MISSING_COLUMN',
    parts: () => ['bureau.csv', 'AMT_CREDIT_SUM'],
    where: { file: 'bureau.csv', column: 'AMT_CREDIT_SUM' },
  },
  {
    name: 'non-numeric value in a numeric column',
    files: () => ({
      ...good,
      application_train: withLine(
        train,
        3,
        line('application_train', { SK_ID_CURR: 100002, AMT_CREDIT: 'abc' }),
      ),
    }),
    code: 'BAD_VALUE',
    parts: () => ['application_train.csv', 'line 3', 'AMT_CREDIT', '"abc"'],
    where: { file: 'application_train.csv', line: 3, column: 'AMT_CREDIT', value: 'abc' },
  },
  {
    name: 'non-numeric value with CRLF line ends and a BOM',
    files: () => ({
      ...good,
      bureau: csvText(
        'bureau',
        [
          { SK_ID_CURR: 100001, SK_ID_BUREAU: 5001 },
          { SK_ID_CURR: 100002, SK_ID_BUREAU: 5002 },
          { SK_ID_CURR: 100002, SK_ID_BUREAU: 5003, DAYS_CREDIT: '12 days' },
        ],
        { eol: '\r\n', bom: true },
      ),
    }),
    code: 'BAD_VALUE',
    parts: () => ['bureau.csv', 'line 4', 'DAYS_CREDIT', '"12 days"'],
    where: { file: 'bureau.csv', line: 4, column: 'DAYS_CREDIT', value: '12 days' },
  },
  {
    name: 'duplicate SK_ID_CURR',
    files: () => ({
      ...good,
      application_train: `${train}${line('application_train', { SK_ID_CURR: 100001 })}\n`,
    }),
    code: 'DUPLICATE_KEY',
    parts: () => ['application_train.csv', 'SK_ID_CURR 100001', 'lines 2 and 5'],
    where: { file: 'application_train.csv', column: 'SK_ID_CURR', value: '100001' },
  },
  {
    name: 'SK_ID_CURR in both train and test',
    files: () => ({
      ...good,
      application_test: csvText('application_test', [
        { SK_ID_CURR: 200001 },
        { SK_ID_CURR: 100003 },
      ]),
    }),
    code: 'DUPLICATE_KEY',
    parts: () => [
      'SK_ID_CURR 100003',
      'application_train.csv (line 4)',
      'application_test.csv (line 3)',
    ],
  },
  {
    name: 'semicolon delimiter',
    files: () => ({ ...good, application_train: train.replaceAll(',', ';') }),
    code: 'WRONG_DELIMITER',
    parts: () => ['application_train.csv', "';'"],
  },
  {
    name: 'tab delimiter',
    files: () => ({ ...good, bureau: bureau.replaceAll(',', '\t') }),
    code: 'WRONG_DELIMITER',
    parts: () => ['bureau.csv', 'tab'],
  },
  {
    name: 'UTF-16 file with a BOM',
    files: () => ({
      ...good,
      application_train: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(train, 'utf16le')]),
    }),
    code: 'BAD_ENCODING',
    parts: () => ['application_train.csv', 'UTF-16'],
  },
  {
    name: 'UTF-16 file without a BOM',
    files: () => ({ ...good, bureau: Buffer.from(bureau, 'utf16le') }),
    code: 'BAD_ENCODING',
    parts: () => ['bureau.csv', 'UTF-16'],
  },
  {
    name: 'invalid UTF-8',
    files: () => {
      const bytes = Buffer.from(
        withLine(
          bureau,
          3,
          line('bureau', { SK_ID_CURR: 100002, SK_ID_BUREAU: 5002, CREDIT_TYPE: 'Car@' }),
        ),
      );
      bytes[bytes.indexOf('Car@') + 3] = 0xff;
      return { ...good, bureau: bytes };
    },
    code: 'BAD_ENCODING',
    parts: () => ['bureau.csv', 'line 3', 'UTF-8'],
    where: { file: 'bureau.csv', line: 3 },
  },
  {
    name: 'binary file',
    files: () => ({
      ...good,
      bureau_balance: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]),
    }),
    code: 'BINARY_FILE',
    parts: () => ['bureau_balance.csv', 'binary'],
  },
  {
    name: 'row with too many fields',
    files: () => ({
      ...good,
      bureau: withLine(
        bureau,
        3,
        `${line('bureau', { SK_ID_CURR: 100002, SK_ID_BUREAU: 5002 })},7`,
      ),
    }),
    code: 'RAGGED_ROW',
    parts: () => [
      'bureau.csv',
      'line 3',
      `${table('bureau').columns.length + 1} fields`,
      'too many',
    ],
    where: { file: 'bureau.csv', line: 3 },
  },
  {
    name: 'truncated row (too few fields)',
    files: () => ({
      ...good,
      bureau_balance: withLine(good.bureau_balance as string, 2, '5001,-1'),
    }),
    code: 'RAGGED_ROW',
    parts: () => ['bureau_balance.csv', 'line 2', '2 fields', 'too few'],
    where: { file: 'bureau_balance.csv', line: 2 },
  },
  {
    name: 'empty file',
    files: () => ({ ...good, previous_application: '' }),
    code: 'EMPTY_FILE',
    parts: () => ['previous_application.csv', 'empty'],
  },
  {
    name: 'empty history key',
    files: () => ({
      ...good,
      bureau: withLine(bureau, 3, line('bureau', { SK_ID_CURR: 100002, SK_ID_BUREAU: '' })),
    }),
    code: 'EMPTY_KEY',
    parts: () => ['bureau.csv', 'line 3', 'SK_ID_BUREAU'],
    where: { file: 'bureau.csv', line: 3, column: 'SK_ID_BUREAU' },
  },
  {
    name: 'empty SK_ID_CURR in the application file',
    files: () => ({
      ...good,
      application_train: withLine(train, 2, line('application_train', { SK_ID_CURR: '' })),
    }),
    code: 'EMPTY_KEY',
    parts: () => ['application_train.csv', 'line 2', 'SK_ID_CURR'],
    where: { file: 'application_train.csv', line: 2, column: 'SK_ID_CURR' },
  },
  {
    name: 'unterminated quote',
    files: () => ({
      ...good,
      bureau: withLine(
        bureau,
        3,
        line('bureau', { SK_ID_CURR: 100002, SK_ID_BUREAU: 5002 }).replace('partner"', 'partner'),
      ),
    }),
    code: 'BAD_ROW',
    parts: () => ['bureau.csv, line 3', 'unterminated quote'],
    where: { file: 'bureau.csv', line: 3 },
  },
  {
    name: 'column named twice in the header',
    files: () => ({
      ...good,
      application_test: csvText('application_test', [{ SK_ID_CURR: 200001 }]).replace(
        '\n',
        ',amt_credit\n',
      ),
    }),
    code: 'BAD_HEADER',
    parts: () => ['application_test.csv', 'amt_credit twice'],
    where: { file: 'application_test.csv', line: 1, column: 'amt_credit' },
  },
  {
    name: 'bad value deep in a large file (parallel read keeps exact lines)',
    files: () => {
      const rows = Array.from({ length: 150_000 }, (_, i) => ({
        SK_ID_BUREAU: 5001,
        MONTHS_BALANCE: i === 123_456 ? '-3x' : -i,
        STATUS: 'C',
      }));
      return { ...good, bureau_balance: csvText('bureau_balance', rows) };
    },
    code: 'BAD_VALUE',
    parts: () => ['bureau_balance.csv', 'line 123458', 'MONTHS_BALANCE', '"-3x"'],
    where: { file: 'bureau_balance.csv', line: 123_458, column: 'MONTHS_BALANCE', value: '-3x' },
  },
];

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

async function rowCounts(dbPath: string): Promise<Record<string, number>> {
  return withDb(
    dbPath,
    async (db) => {
      const counts: Record<string, number> = {};
      for (const spec of TABLES) {
        const [row] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM "${spec.name}"`);
        counts[spec.name] = row?.n ?? -1;
      }
      return counts;
    },
    { readOnly: true },
  );
}

describe('ingestDirectory on malformed input', () => {
  let dbDir: string;
  let dbPath: string;
  let goodDir: string;
  let hash: string;
  let counts: Record<string, number>;
  const dirs: string[] = [];

  beforeAll(async () => {
    dbDir = mkdtempSync(join(tmpdir(), 'creditlens-db-'));
    dbPath = join(dbDir, 'creditlens.duckdb');
    goodDir = writeSet(good);
    await ingestDirectory({ dir: goodDir, dbPath });
    counts = await rowCounts(dbPath);
    hash = sha256(dbPath);
  });

  afterAll(() => {
    for (const dir of [dbDir, goodDir, ...dirs]) removeDir(dir);
  });

  it('starts from a database holding the good set', () => {
    expect(counts).toMatchObject({ application_train: 3, bureau: 2, credit_card_balance: 1 });
  });

  it.each(cases)('$name', async ({ files, code, parts, where }) => {
    const dir = writeSet(files());
    dirs.push(dir);
    const error = await ingestDirectory({ dir, dbPath }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataError);
    const dataError = error as DataError;
    expect(dataError.code).toBe(code);
    for (const part of parts(dir)) expect(dataError.message).toContain(part);
    if (where) expect(dataError.where).toMatchObject(where);
    expect(sha256(dbPath)).toBe(hash);
    expect(readdirSync(dbDir)).toEqual(['creditlens.duckdb']);
  });

  it('keeps the previous row counts after all the failures', async () => {
    expect(await rowCounts(dbPath)).toEqual(counts);
  });
});
