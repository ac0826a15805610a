import { describe, expect, it } from 'vitest';
import { binMatrix, createBinMapper } from '../binning/bin-matrix.ts';
import { fromColumns } from '../matrix.ts';
import { Rng } from '../random.ts';
import { buildHistogram, createHistogram, subtractHistogram } from './histogram.ts';

describe('histograms', () => {
  it('parent minus one child equals the other child built directly', () => {
    const rng = new Rng(5);
    const n = 3000;
    const cols = [0, 1, 2, 3].map(() =>
      Array.from({ length: n }, () => (rng.next() < 0.15 ? Number.NaN : rng.next() * 100)),
    );
    const binned = binMatrix(fromColumns(cols), createBinMapper(fromColumns(cols), 32));
    const grad = Float64Array.from({ length: n }, () => rng.next() - 0.5);
    const hess = Float64Array.from({ length: n }, () => rng.next());
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const features = Int32Array.from([0, 1, 2, 3]);
    const parent = createHistogram(binned);
    buildHistogram(binned, features, rows, 0, n, grad, hess, parent);
    const split = 1234;
    const left = createHistogram(binned);
    const right = createHistogram(binned);
    buildHistogram(binned, features, rows, 0, split, grad, hess, left);
    buildHistogram(binned, features, rows, split, n, grad, hess, right);
    const derived = createHistogram(binned);
    subtractHistogram(binned, features, parent, left, derived);
    for (let i = 0; i < derived.length; i++) {
      expect(derived[i]).toBeCloseTo(right[i] as number, 9);
    }
    // Each feature's counts add up to the rows, and the gradient sums to the total.
    const totalGrad = grad.slice(split).reduce((a, b) => a + b, 0);
    for (let f = 0; f < 4; f++) {
      let count = 0;
      let g = 0;
      for (let b = binned.binOffsets[f] as number; b < (binned.binOffsets[f + 1] as number); b++) {
        g += right[3 * b] as number;
        count += right[3 * b + 2] as number;
      }
      expect(count).toBe(n - split);
      expect(g).toBeCloseTo(totalGrad, 9);
    }
  });
});
