import { describe, expect, it, onTestFinished } from 'vitest';
import { numericColumnsTuning, withDb } from './db.ts';

/** The first row where `got` differs from `expected(i)` (NaN equal to NaN), or −1. */
function firstMismatch(got: Float64Array, expected: (i: number) => number): number {
  return got.findIndex((v, i) => !Object.is(v, expected(i)));
}

describe('numericColumns', () => {
  it('reads DOUBLE, FLOAT and integer columns across chunks and blocks, NULL as NaN', async () => {
    // Blocks of 1,000 rows: DuckDB's chunks (2,048 rows) straddle them at every offset, so parts of
    // a chunk are read from a row other than its first (values and validity bits alike).
    const saved = numericColumnsTuning.blockRows;
    numericColumnsTuning.blockRows = 1000;
    onTestFinished(() => {
      numericColumnsTuning.blockRows = saved;
    });
    const kept = Array.from({ length: 150_000 }, (_, i) => i).filter((i) => i % 3 !== 0);
    const read = await withDb(':memory:', (db) =>
      db.numericColumns(
        `SELECT CASE WHEN i % 7 = 3 THEN NULL ELSE i / 4.0 END::DOUBLE AS d,
                CASE WHEN i % 11 = 0 THEN NULL ELSE i * 0.1 END::FLOAT AS f,
                CASE WHEN i % 13 = 5 THEN NULL ELSE i END::INTEGER AS n,
                i::DOUBLE AS plain
           FROM range(150000) t(i) WHERE i % 3 <> 0 ORDER BY i`,
      ),
    );
    expect(read.names).toEqual(['d', 'f', 'n', 'plain']);
    expect(read.rowCount).toBe(kept.length);
    const [d, f, n, plain] = read.columns as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    const at = (k: number) => kept[k] as number;
    expect(firstMismatch(d, (k) => (at(k) % 7 === 3 ? Number.NaN : at(k) / 4))).toBe(-1);
    expect(
      firstMismatch(f, (k) => (at(k) % 11 === 0 ? Number.NaN : Math.fround(at(k) * 0.1))),
    ).toBe(-1);
    expect(firstMismatch(n, (k) => (at(k) % 13 === 5 ? Number.NaN : at(k)))).toBe(-1);
    expect(firstMismatch(plain, at)).toBe(-1);
    expect(d.length).toBe(kept.length);
  });

  it('keeps NaN and infinities stored as values', async () => {
    const read = await withDb(':memory:', (db) =>
      db.numericColumns(
        `SELECT * FROM (VALUES ('NaN'::DOUBLE), ('inf'::DOUBLE), ('-inf'::DOUBLE), (-0.0::DOUBLE), (NULL)) t(x)`,
      ),
    );
    expect(Array.from(read.columns[0] as Float64Array)).toEqual([
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      Number.NaN,
    ]);
  });

  it('answers an empty result with empty columns', async () => {
    const read = await withDb(':memory:', (db) =>
      db.numericColumns('SELECT 1.0::DOUBLE AS x WHERE false'),
    );
    expect(read).toEqual({ names: ['x'], columns: [new Float64Array(0)], rowCount: 0 });
  });
});
