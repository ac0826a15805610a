/**
 * One definition, two evaluators: the application features of thousands of generated applications
 * and of edge cases (zeros, NULLs everywhere, unknown categories, the 365243 sentinel, huge and
 * tiny values, random junk) computed by DuckDB from the batch SQL and by the row evaluator from the
 * same text, compared exactly (Object.is: -0 and NaN included). No tolerance is needed: the
 * evaluator copies DuckDB's summation order (left to right), avg (plain sum / count) and
 * stddev_pop (Welford), so any difference is a bug.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb, quoteIdent, quoteLiteral } from '../../db.ts';
import { generateApplication } from '../../generate/application-row.ts';
import { parseCsvLine } from '../../generate/csv-read.ts';
import { Random } from '../../generate/random.ts';
import { APPLICATION_TEST_COLUMNS, DAYS_SENTINEL } from '../../schema.ts';
import { cleanSelectList, SQL_TYPE } from '../../stored-schema.ts';
import { APPLICATION_VALUE_SETS } from '../../value-sets.ts';
import { applicationFeaturesSql, macrosSql } from '../groups.ts';
import { applicationFeatureProgram } from './application.ts';
import { RowEvalError } from './values.ts';

type RawRow = (string | number | null)[];

const COLUMNS = APPLICATION_TEST_COLUMNS;
const GENERATED = 3000;
const FUZZED = 1000;

function generated(): RawRow[] {
  const rows: RawRow[] = [];
  for (let i = 0; i < GENERATED; i++) {
    const app = generateApplication(i, 100002 + i, i % 4 === 0, new Random(5, i));
    const cells = parseCsvLine(app.line);
    rows.push(
      COLUMNS.map((c, j) => {
        const cell = cells[j] ?? '';
        return cell === '' ? null : c.kind === 'cat' ? cell : Number(cell);
      }),
    );
  }
  return rows;
}

/** Values that stress NULL handling, zero denominators, signs, overflow to Infinity, denormals. */
const JUNK = [
  0,
  -0,
  1,
  -1,
  0.5,
  2.5,
  -3.5,
  DAYS_SENTINEL,
  -DAYS_SENTINEL,
  1e300,
  -1e300,
  5e-324,
  123456.789,
];
/** EXT_SOURCE_* stay below where stddev_pop overflows (tested on its own below). */
const EXT = new Set(['EXT_SOURCE_1', 'EXT_SOURCE_2', 'EXT_SOURCE_3']);

function fuzzed(firstId: number): RawRow[] {
  const rng = new Random(99, 1);
  const rows: RawRow[] = [];
  for (let i = 0; i < FUZZED; i++) {
    rows.push(
      COLUMNS.map((c, j) => {
        if (j === 0) return firstId + i;
        if (rng.chance(0.3)) return null;
        if (c.kind === 'cat') {
          const values = APPLICATION_VALUE_SETS[c.name] ?? [];
          return rng.chance(0.2)
            ? 'Not a known value'
            : (values[rng.int(0, values.length - 1)]?.[0] ?? null);
        }
        if (EXT.has(c.name)) return rng.chance(0.5) ? rng.next() : (JUNK[rng.int(0, 7)] as number);
        return rng.chance(0.5)
          ? (JUNK[rng.int(0, JUNK.length - 1)] as number)
          : rng.gaussian(0, 1e5);
      }),
    );
  }
  return rows;
}

function edgeCases(firstId: number): RawRow[] {
  const fill = (
    id: number,
    value: (c: (typeof COLUMNS)[number]) => string | number | null,
  ): RawRow => COLUMNS.map((c, j) => (j === 0 ? id : value(c)));
  const first = (c: (typeof COLUMNS)[number]) => APPLICATION_VALUE_SETS[c.name]?.[0]?.[0] ?? null;
  return [
    fill(firstId, () => null),
    fill(firstId + 1, (c) => (c.kind === 'cat' ? first(c) : 0)),
    fill(firstId + 2, (c) =>
      c.kind === 'cat' ? 'Unknown' : c.name === 'DAYS_EMPLOYED' ? DAYS_SENTINEL : 1,
    ),
    fill(firstId + 3, (c) => (c.kind === 'cat' ? null : EXT.has(c.name) ? 0.5 : 1e308)),
    fill(firstId + 4, (c) => (c.kind === 'cat' ? first(c) : EXT.has(c.name) ? 1e-300 : -1e308)),
    fill(firstId + 5, (c) => (c.kind === 'cat' ? first(c) : 5e-324)),
    fill(firstId + 6, (c) => (c.kind === 'cat' ? '' : -0)),
  ];
}

/** CSV cell as DuckDB will read it back bit for bit. */
function cell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0.0' : String(v);
  return `"${v.replaceAll('"', '""')}"`;
}

let db: Db;
let dir: string;
let rows: RawRow[] = [];

/** DuckDB's features of every row, by SK_ID_CURR: the batch SQL over a raw table. */
async function duckdbFeatures(table: string): Promise<Map<number, Record<string, unknown>>> {
  const cleaned = `(SELECT ${cleanSelectList('application_test', 'raw')} FROM ${quoteIdent(table)} AS raw)`;
  const out = await db.all(`SELECT * FROM (${applicationFeaturesSql(cleaned)})`);
  return new Map(out.map((r) => [Number(r.SK_ID_CURR), r]));
}

async function loadRaw(table: string, data: readonly RawRow[]): Promise<void> {
  const path = join(dir, `${table}.csv`);
  const header = COLUMNS.map((c) => c.name).join(',');
  writeFileSync(path, `${header}\n${data.map((r) => r.map(cell).join(',')).join('\n')}\n`);
  const types = COLUMNS.map(
    (c) => `${quoteLiteral(c.name)}: ${quoteLiteral(SQL_TYPE[c.kind])}`,
  ).join(', ');
  await db.run(
    `CREATE TABLE ${quoteIdent(table)} AS SELECT * FROM read_csv(${quoteLiteral(path)}, header = true,
       auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '',
       columns = {${types}})`,
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'row-eval-'));
  db = await openDb(':memory:');
  await db.run(macrosSql());
  const base = generated();
  const fuzz = fuzzed(900_000_000);
  rows = [...base, ...fuzz, ...edgeCases(990_000_000)];
  await loadRaw('raw_apps', rows);
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('row evaluator against DuckDB', () => {
  it('gives exactly the batch features for generated, fuzzed and edge-case applications', async () => {
    const expected = await duckdbFeatures('raw_apps');
    expect(expected.size).toBe(rows.length);
    const program = applicationFeatureProgram();
    const sample = expected.values().next().value as Record<string, unknown>;
    expect(program.names).toEqual(Object.keys(sample));
    let compared = 0;
    const mismatches: string[] = [];
    for (const row of rows) {
      const id = row[0] as number;
      const want = expected.get(id) as Record<string, unknown>;
      const got = program.run(row);
      program.names.forEach((name, i) => {
        const w = want[name];
        const wn = w === null || w === undefined ? null : Number(w);
        const g = got[i] ?? null;
        if (!Object.is(wn, g)) mismatches.push(`${id} ${name}: DuckDB ${wn}, evaluator ${g}`);
        compared++;
      });
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(compared).toBe(rows.length * program.names.length);
  });

  it('an application with every field missing (no SK_ID_CURR either)', async () => {
    const row: RawRow = COLUMNS.map(() => null);
    await loadRaw('raw_null', [row]);
    const cleaned = `(SELECT ${cleanSelectList('application_test', 'raw')} FROM raw_null AS raw)`;
    const [want] = await db.all(`SELECT * FROM (${applicationFeaturesSql(cleaned)})`);
    const got = applicationFeatureProgram().run(row);
    const asNumbers = Object.values(want ?? {}).map((v) => (v === null ? null : Number(v)));
    expect(got).toEqual(asNumbers);
  });

  it('fails where DuckDB fails: stddev_pop out of range', async () => {
    const row: RawRow = COLUMNS.map((c, j) =>
      j === 0 ? 1 : c.name === 'EXT_SOURCE_1' ? 1e200 : c.name === 'EXT_SOURCE_2' ? -1e200 : null,
    );
    await loadRaw('raw_overflow', [row]);
    const cleaned = `(SELECT ${cleanSelectList('application_test', 'raw')} FROM raw_overflow AS raw)`;
    await expect(db.all(`SELECT * FROM (${applicationFeaturesSql(cleaned)})`)).rejects.toThrow(
      /STDDEV_POP is out of range/,
    );
    expect(() => applicationFeatureProgram().run(row)).toThrow(RowEvalError);
  });
});
