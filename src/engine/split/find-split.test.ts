import { describe, expect, it } from 'vitest';
import { binMatrix, createBinMapper } from '../binning/bin-matrix.ts';
import { buildHistogram, createHistogram } from '../histogram/histogram.ts';
import { fromColumns } from '../matrix.ts';
import { type ParamInput, resolveParams } from '../params.ts';
import { Rng } from '../random.ts';
import { BEST_SLOTS, bestRecord, findBestSplit, scanSplits, splitOfRecord } from './find-split.ts';

/** Best split of one node holding every row, with hessians 1. */
function bestSplitOf(
  columns: number[][],
  grad: number[],
  params: ParamInput,
  monotone: number[] = [],
) {
  const features = fromColumns(columns);
  const binned = binMatrix(features, createBinMapper(features, 255));
  const n = grad.length;
  const g = Float64Array.from(grad);
  const h = new Float64Array(n).fill(1);
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  const featureList = Int32Array.from(columns.keys());
  const hist = createHistogram(binned);
  buildHistogram(binned, featureList, rows, 0, n, g, h, hist);
  const node = { grad: grad.reduce((a, b) => a + b, 0), hess: n, count: n };
  const split = findBestSplit(
    binned,
    hist,
    featureList,
    node,
    Number.NEGATIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Int8Array.from({ length: columns.length }, (_, i) => monotone[i] ?? 0),
    resolveParams({ minChildWeight: 0, minDataInLeaf: 1, ...params }),
  );
  const threshold = split === null ? null : binned.mapper.cuts[split.feature]?.[split.bin - 1];
  return { split, threshold };
}

describe('findBestSplit', () => {
  // x = 1, 2, 3, 4 with gradients −2, −2, 2, 2 and hessians 1; λ = 1.
  // Cut at 2.5: left G = −4, H = 2 → 16/3; right G = 4, H = 2 → 16/3; parent G = 0 → 0.
  // Gain 32/3. The cuts at 1.5 and 3.5 give 4/2 + 4/4 = 3.
  it('finds the hand-computed best threshold and gain', () => {
    const { split, threshold } = bestSplitOf([[1, 2, 3, 4]], [-2, -2, 2, 2], { l2: 1 });
    expect(threshold).toBe(2.5);
    expect(split?.gain).toBeCloseTo(32 / 3, 12);
    expect(split?.leftWeight).toBeCloseTo(4 / 3, 12);
    expect(split?.rightWeight).toBeCloseTo(-4 / 3, 12);
  });

  // With α = 1: T(−4) = −3 → 9/3 on each side; gain 6; weights ±1.
  it('applies L1 soft-thresholding to gains and weights', () => {
    const { split } = bestSplitOf([[1, 2, 3, 4]], [-2, -2, 2, 2], { l2: 1, l1: 1 });
    expect(split?.gain).toBeCloseTo(6, 12);
    expect(split?.leftWeight).toBeCloseTo(1, 12);
  });

  // x = 1, 2, NaN, 3, 4 with gradients −2, −2, −2, 2, 2; λ = 1.
  // Missing left at cut 2.5: left G = −6, H = 3 → 36/4 = 9; right G = 4, H = 2 → 16/3;
  // parent G = −2, H = 5 → 4/6. Gain 9 + 16/3 − 2/3 = 41/3. Missing right is worse.
  it('learns the default direction of missing values', () => {
    const { split, threshold } = bestSplitOf([[1, 2, Number.NaN, 3, 4]], [-2, -2, -2, 2, 2], {
      l2: 1,
    });
    expect(threshold).toBe(2.5);
    expect(split?.defaultLeft).toBe(true);
    expect(split?.gain).toBeCloseTo(41 / 3, 12);
    const mirrored = bestSplitOf([[1, 2, Number.NaN, 3, 4]], [-2, -2, 2, 2, 2], { l2: 1 });
    expect(mirrored.split?.defaultLeft).toBe(false);
  });

  it('picks the better of two features', () => {
    const { split } = bestSplitOf(
      [
        [1, 2, 3, 4],
        [4, 1, 3, 2],
      ],
      [-2, 2, -2, 2],
      { l2: 1 },
    );
    // Feature 1 orders the rows as (1, 3) vs (0, 2): gradients 2, 2 | −2, −2.
    expect(split?.feature).toBe(1);
    expect(split?.gain).toBeCloseTo(32 / 3, 12);
  });

  it('respects minDataInLeaf, minChildWeight, minSplitGain and monotone constraints', () => {
    const data = [[1, 2, 3, 4]];
    const grad = [-2, -2, 2, 2];
    expect(bestSplitOf(data, grad, { minDataInLeaf: 3 }).split).toBeNull();
    expect(bestSplitOf(data, grad, { minChildWeight: 2.5 }).split).toBeNull();
    expect(bestSplitOf(data, grad, { l2: 1, minSplitGain: 11 }).split).toBeNull();
    expect(bestSplitOf(data, grad, { l2: 1, minSplitGain: 10 }).split).not.toBeNull();
    // The weights fall with x, so a non-decreasing constraint forbids every split.
    expect(bestSplitOf(data, grad, { l2: 1 }, [1]).split).toBeNull();
    expect(bestSplitOf(data, grad, { l2: 1 }, [-1]).split?.gain).toBeCloseTo(32 / 3, 12);
  });
});

describe('scanSplits over feature ranges', () => {
  it('picks the same split as one full scan, ties going to the earliest feature', () => {
    const rng = new Rng(11);
    const n = 500;
    const column = () =>
      Array.from({ length: n }, () =>
        rng.next() < 0.1 ? Number.NaN : Math.floor(rng.next() * 40),
      );
    const cols = [column(), column(), column(), column(), column()];
    // Feature 5 copies feature 1, so the two tie exactly on the best gain when feature 1 wins.
    cols.push([...(cols[1] as number[])]);
    const grad = Float64Array.from(cols[1] as number[], (v) =>
      Number.isNaN(v) ? 1 : v < 17 ? -1 + rng.next() * 0.1 : 1 - rng.next() * 0.1,
    );
    const features = fromColumns(cols);
    const binned = binMatrix(features, createBinMapper(features, 255));
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const featureList = Int32Array.from(cols.keys());
    const hist = createHistogram(binned);
    buildHistogram(binned, featureList, rows, 0, n, grad, new Float64Array(n).fill(1), hist);
    const node = { grad: grad.reduce((a, b) => a + b, 0), hess: n, count: n };
    const params = resolveParams({ minChildWeight: 0, minDataInLeaf: 1 });
    const monotone = new Int8Array(cols.length);
    const inf = Number.POSITIVE_INFINITY;
    const whole = findBestSplit(binned, hist, featureList, node, -inf, inf, monotone, params);
    expect(whole?.feature).toBe(1);
    for (const size of [1, 2, 4]) {
      const numRecords = Math.ceil(cols.length / size);
      const records = new Float64Array(numRecords * BEST_SLOTS);
      for (let i = 0; i < numRecords; i++) {
        const to = Math.min(cols.length, (i + 1) * size);
        const { binOffsets } = binned;
        scanSplits(
          binOffsets,
          hist,
          featureList,
          i * size,
          to,
          node,
          -inf,
          inf,
          monotone,
          params,
          records,
          i * BEST_SLOTS,
        );
      }
      const best = bestRecord(records, numRecords);
      expect(splitOfRecord(records, best, node, -inf, inf, params)).toEqual(whole);
    }
  });
});
