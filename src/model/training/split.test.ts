import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/index.ts';
import { foldRows, stratifiedFolds, stratifiedHoldout } from './split.ts';

function labels(n: number, rate: number, seed: number): Float64Array {
  const random = new Rng(seed);
  return Float64Array.from({ length: n }, () => (random.next() < rate ? 1 : 0));
}

const rate = (y: Float64Array, rows: Int32Array) =>
  rows.reduce((s, r) => s + (y[r] as number), 0) / rows.length;

describe('stratified splits', () => {
  const y = labels(1003, 0.08, 3);
  const overall = y.reduce((s, v) => s + v, 0) / y.length;

  it('sets aside a holdout of the requested share with the same default rate, disjoint from training', () => {
    const { train, holdout } = stratifiedHoldout(y, 0.2, 42);
    expect(train.length + holdout.length).toBe(y.length);
    expect(new Set([...train, ...holdout]).size).toBe(y.length);
    expect(Math.abs(holdout.length - 0.2 * y.length)).toBeLessThanOrEqual(2);
    expect(Math.abs(rate(y, holdout) - overall)).toBeLessThan(0.005);
  });

  it('deals disjoint folds covering every row, each with the overall default rate', () => {
    const k = 5;
    const foldOf = stratifiedFolds(y, k, 42);
    const seen = new Int32Array(y.length);
    const positives: number[] = [];
    const sizes: number[] = [];
    for (let fold = 0; fold < k; fold++) {
      const { fit, valid } = foldRows(foldOf, fold);
      expect(fit.length + valid.length).toBe(y.length);
      for (const r of valid) seen[r] = (seen[r] as number) + 1;
      positives.push(valid.reduce((s, r) => s + (y[r] as number), 0));
      sizes.push(valid.length);
    }
    expect(Array.from(seen).every((count) => count === 1)).toBe(true);
    expect(Math.max(...positives) - Math.min(...positives)).toBeLessThanOrEqual(1);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('is deterministic for a seed and changes with it', () => {
    expect(stratifiedFolds(y, 5, 7)).toEqual(stratifiedFolds(y, 5, 7));
    expect(stratifiedFolds(y, 5, 7)).not.toEqual(stratifiedFolds(y, 5, 8));
    expect(stratifiedHoldout(y, 0.2, 7).holdout).toEqual(stratifiedHoldout(y, 0.2, 7).holdout);
  });
});
