import { describe, expect, it } from 'vitest';
import { fromColumns } from '../matrix.ts';
import { Rng } from '../random.ts';
import { binOf, computeCuts, FLOAT32_MAX, toBinnable } from './bin-cuts.ts';
import { binMatrix, createBinMapper } from './bin-matrix.ts';

function sortedBinnable(values: number[]): Float64Array {
  return Float64Array.from(values.map(toBinnable)).sort();
}

describe('computeCuts', () => {
  it('gives each distinct value its own bin when there are few', () => {
    const cuts = computeCuts(sortedBinnable([3, 1, 2, 2, 1, 3, 3]), 255);
    // The top cut is XGBoost 1.7's float32(3 + float32(3 + 1e-5)), as numpy.float32 computes it.
    expect(Array.from(cuts)).toEqual([1.5, 2.5, 6.000010013580322]);
    expect([1, 2, 3].map((x) => binOf(x, cuts))).toEqual([1, 2, 3]);
  });

  it('closes the top bin above the maximum as XGBoost 1.7 does, whatever its sign', () => {
    // Expected values from numpy.float32: m + (|m| + 1e-5) in float32.
    expect(computeCuts(sortedBinnable([-4, -2.5]), 255).at(-1)).toBe(1.0013580322265625e-5);
    expect(computeCuts(sortedBinnable([-1, 0]), 255).at(-1)).toBe(9.999999747378752e-6);
    // Overflow and a feature without values fall back to the largest float32.
    expect(computeCuts(sortedBinnable([1, 3e38]), 255).at(-1)).toBe(FLOAT32_MAX);
    expect(computeCuts(new Float64Array(0), 255).at(-1)).toBe(FLOAT32_MAX);
  });

  it('makes at most maxBin roughly equal-frequency bins, never splitting a value', () => {
    const rng = new Rng(7);
    const values = Array.from({ length: 10_000 }, () => Math.round(rng.next() * 5000) / 10);
    const maxBin = 16;
    const cuts = computeCuts(sortedBinnable(values), maxBin);
    expect(cuts.length).toBeLessThanOrEqual(maxBin);
    expect(cuts.length).toBeGreaterThan(maxBin / 2);
    const counts = new Array(cuts.length + 1).fill(0);
    for (const v of values) counts[binOf(v, cuts)]++;
    expect(counts[0]).toBe(0);
    const expected = values.length / maxBin;
    for (let b = 1; b < counts.length; b++) {
      expect(counts[b]).toBeGreaterThan(expected * 0.5);
      expect(counts[b]).toBeLessThan(expected * 2);
    }
  });

  it('puts every cut strictly between two training values and makes it a float32', () => {
    const rng = new Rng(3);
    const values = Array.from({ length: 2000 }, () => rng.next() * 1e-3 + 0.1);
    const sorted = sortedBinnable(values);
    const cuts = computeCuts(sorted, 32);
    for (const cut of cuts) expect(Math.fround(cut)).toBe(cut);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const cut = cuts[i] as number;
      // Some value lies below the cut and the value just above is ≥ the cut.
      expect(sorted.some((v) => v < cut)).toBe(true);
      expect(sorted.some((v) => v >= cut)).toBe(true);
    }
  });

  it('sends x < cut to a lower bin and x = cut to the higher one', () => {
    const cuts = computeCuts(sortedBinnable([0, 10, 20]), 255);
    expect(binOf(cuts[0] as number, cuts)).toBe(2);
    expect(binOf(Math.fround(cuts[0] as number) - 1e-6, cuts)).toBe(1);
    expect(binOf(Number.POSITIVE_INFINITY, cuts)).toBe(3);
    expect(binOf(Number.NEGATIVE_INFINITY, cuts)).toBe(1);
  });
});

describe('bin matrix', () => {
  it('maps NaN to the missing bin 0 and lays features out column by column', () => {
    const x0 = [1, Number.NaN, 3, 1];
    const x1 = [Number.NaN, Number.NaN, 5, 6];
    const features = fromColumns([x0, x1]);
    const binned = binMatrix(features, createBinMapper(features, 255));
    expect(Array.from(binned.bins)).toEqual([1, 0, 2, 1, 0, 0, 1, 2]);
    // Feature 0: missing + 2 value bins; feature 1: missing + 2 value bins.
    expect(Array.from(binned.binOffsets)).toEqual([0, 3, 6]);
  });

  it('bins row-major input the same as column-major input', () => {
    const rng = new Rng(11);
    const cols = [0, 1, 2].map(() =>
      Array.from({ length: 50 }, () => (rng.next() < 0.1 ? Number.NaN : rng.next())),
    );
    const colMajor = fromColumns(cols);
    const rowValues = new Float64Array(150);
    for (let r = 0; r < 50; r++)
      for (let c = 0; c < 3; c++) rowValues[r * 3 + c] = cols[c]?.[r] as number;
    const rowMajor = { values: rowValues, numRows: 50, numCols: 3, layout: 'row-major' as const };
    const mapper = createBinMapper(colMajor, 8);
    expect(createBinMapper(rowMajor, 8)).toEqual(mapper);
    expect(binMatrix(rowMajor, mapper).bins).toEqual(binMatrix(colMajor, mapper).bins);
  });
});
