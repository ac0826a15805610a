import { describe, expect, it } from 'vitest';
import { fromColumns } from '../matrix.ts';
import { Rng } from '../random.ts';
import { computeCuts, toBinnable } from './bin-cuts.ts';
import { binMatrix, binTrainingMatrix, createBinMapper } from './bin-matrix.ts';
import { ColumnSorter } from './sort-column.ts';

/** Columns that exercise the radix sort's corners: signs, zeros, ties, extremes, few values. */
function awkwardColumns(numRows: number, seed: number): number[][] {
  const rng = new Rng(seed);
  const pick = (xs: number[]) => xs[rng.nextInt(xs.length)] as number;
  const gen = [
    () => rng.next() * 2 - 1,
    () => pick([-0, 0, -1, 1, 2.5]),
    () => pick([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 3e38, -3e38, 1e-45, -1e-45]),
    () => (rng.next() - 0.5) * 1e6,
    () => Math.round(rng.next() * 1000) / 7,
    () => 42,
  ];
  return gen.map((g) =>
    Array.from({ length: numRows }, () => (rng.next() < 0.15 ? Number.NaN : g())),
  );
}

describe('ColumnSorter', () => {
  it('sorts float32 values as Float64Array.prototype.sort does, keeping rows of equal values in order', () => {
    const sorter = new ColumnSorter(3000);
    for (const column of awkwardColumns(3000, 5)) {
      const present = column.flatMap((x, r) =>
        Number.isNaN(x) ? [] : [[toBinnable(x), r] as const],
      );
      const values = Float32Array.from(present.map(([v]) => v));
      const rows = Int32Array.from(present.map(([, r]) => r));
      sorter.sort(values, rows, present.length);
      const expected = Float64Array.from(present.map(([v]) => v)).sort();
      const got = sorter.sorted.subarray(0, present.length);
      // Object.is tells −0 from +0: the order must match the native sort's exactly.
      expect(Array.from(got).every((v, i) => Object.is(v, expected[i]))).toBe(true);
      for (let i = 1; i < present.length; i++) {
        if (Object.is(got[i], got[i - 1])) {
          expect(sorter.sortedRows[i] as number).toBeGreaterThan(
            sorter.sortedRows[i - 1] as number,
          );
        }
      }
    }
  });
});

describe('binTrainingMatrix', () => {
  it('learns the cuts of a plain sort and gives every row the bin binMatrix gives it', () => {
    const columns = awkwardColumns(2000, 9);
    const matrix = fromColumns(columns);
    for (const maxBin of [255, 16, 2]) {
      const binned = binTrainingMatrix(matrix, maxBin);
      // The reference: each column's binnable values sorted natively, then computeCuts.
      const cuts = columns.map((column) =>
        computeCuts(
          Float64Array.from(column.filter((x) => !Number.isNaN(x)).map(toBinnable)).sort(),
          maxBin,
        ),
      );
      expect(binned.mapper.cuts).toEqual(cuts);
      expect(createBinMapper(matrix, maxBin).cuts).toEqual(cuts);
      const reference = binMatrix(matrix, { cuts });
      expect(binned.bins).toEqual(reference.bins);
      expect(binned.binOffsets).toEqual(reference.binOffsets);
    }
  });

  it('puts the bins in shared memory when asked', () => {
    const binned = binTrainingMatrix(fromColumns([[1, 2, Number.NaN]]), 255, true);
    expect(binned.bins.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(binned.bins)).toEqual([1, 2, 0]);
  });
});
