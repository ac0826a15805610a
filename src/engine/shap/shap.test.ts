import { describe, expect, it } from 'vitest';
import { train } from '../boosting/train.ts';
import { denseMatrix, fromColumns } from '../matrix.ts';
import type { Model } from '../model.ts';
import { predictMargin, predictMarginRow } from '../predict.ts';
import { Rng } from '../random.ts';
import { binaryProblem } from '../test-support/synthetic.ts';
import { coverOf, rootRef, type Tree } from '../tree/tree.ts';
import { ShapExplainer, shapRow } from './shap.ts';

/** E[f(x) | x_S] of one tree with absent features averaged over the children by cover. */
function conditional(tree: Tree, row: number[], inS: boolean[], ref: number): number {
  if (ref < 0) return tree.leafValue[~ref] as number;
  const f = tree.splitFeature[ref] as number;
  const left = tree.leftChild[ref] as number;
  const right = tree.rightChild[ref] as number;
  if (inS[f]) {
    const x = row[f] as number;
    const goLeft = Number.isNaN(x)
      ? tree.defaultLeft[ref] === 1
      : Math.fround(x) < (tree.threshold[ref] as number);
    return conditional(tree, row, inS, goLeft ? left : right);
  }
  const cl = coverOf(tree, left);
  const cr = coverOf(tree, right);
  return (
    (cl * conditional(tree, row, inS, left) + cr * conditional(tree, row, inS, right)) / (cl + cr)
  );
}

/** Shapley values by enumerating every coalition (fine for ≤ 4 features). */
function bruteForceShap(model: Model, row: number[]): number[] {
  const m = row.length;
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const value = (mask: number) => {
    const inS = row.map((_, f) => (mask & (1 << f)) !== 0);
    return model.trees.reduce((sum, tree) => sum + conditional(tree, row, inS, rootRef(tree)), 0);
  };
  const phi = new Array(m).fill(0);
  for (let i = 0; i < m; i++) {
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) continue;
      let size = 0;
      for (let f = 0; f < m; f++) if (mask & (1 << f)) size++;
      const weight = (factorial(size) * factorial(m - size - 1)) / factorial(m);
      phi[i] += weight * (value(mask | (1 << i)) - value(mask));
    }
  }
  return phi;
}

/** Small problem with 4 features, interactions, missing values and a repeated split feature. */
function tinyProblem(seed: number, n: number) {
  const rng = new Rng(seed);
  const cols = [0, 1, 2, 3].map(() => new Float64Array(n));
  const labels = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const x = [0, 1, 2, 3].map((c) =>
      c !== 3 && rng.next() < 0.15 ? Number.NaN : rng.next() * 4 - 2,
    );
    x.forEach((v, c) => {
      (cols[c] as Float64Array)[r] = v;
    });
    const [a, b, c] = x.map((v) => (Number.isNaN(v) ? 1 : v)) as [number, number, number];
    const logit = 1.5 * a - b * c + (a > 0 && b > 0 ? 1 : 0);
    labels[r] = rng.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { features: fromColumns(cols), labels };
}

describe('TreeSHAP', () => {
  it('equals brute-force Shapley values on tiny trees, missing values included', () => {
    const data = tinyProblem(1, 1500);
    const model = train(data, { params: { numRounds: 5, maxLeaves: 8, minDataInLeaf: 5 } });
    expect(model.trees.every((t) => t.numNodes > 3)).toBe(true);
    const explainer = new ShapExplainer(model);
    const rng = new Rng(2);
    let sawMissing = false;
    for (let k = 0; k < 40; k++) {
      const r = Math.floor(rng.next() * 1500);
      const row = [0, 1, 2, 3].map((c) => data.features.values[c * 1500 + r] as number);
      sawMissing ||= row.some(Number.isNaN);
      const expected = bruteForceShap(model, row);
      const { values } = explainer.explainRow(row);
      for (let f = 0; f < 4; f++) expect(values[f]).toBeCloseTo(expected[f] as number, 10);
    }
    expect(sawMissing).toBe(true);
  });

  it('adds up to the margin (local accuracy) within 1e-9 on many rows, in batch and per row', () => {
    const data = binaryProblem(3000, 7);
    const model = train(data, { params: { numRounds: 30, maxLeaves: 16 } });
    const explainer = new ShapExplainer(model);
    const batch = explainer.explainBatch(data.features);
    const margin = predictMargin(model, data.features);
    for (let r = 0; r < 3000; r++) {
      let sum = batch.expectedValue;
      for (let f = 0; f < 6; f++) sum += batch.values[r * 6 + f] as number;
      expect(Math.abs(sum - (margin[r] as number))).toBeLessThan(1e-9);
    }
    const row = Array.from({ length: 6 }, (_, c) => data.features.values[c * 3000 + 17] as number);
    const single = explainer.explainRow(row);
    expect(Array.from(single.values)).toEqual(Array.from(batch.values.subarray(17 * 6, 18 * 6)));
    expect(shapRow(model, row).values).toEqual(single.values);
    // Row-major input gives the same values.
    const rowMajor = new Float64Array(3000 * 6);
    for (let r = 0; r < 3000; r++)
      for (let c = 0; c < 6; c++)
        rowMajor[r * 6 + c] = data.features.values[c * 3000 + r] as number;
    expect(explainer.explainBatch(denseMatrix(rowMajor, 3000, 6, 'row-major')).values).toEqual(
      batch.values,
    );
  });

  it('gives the cover-weighted mean prediction as expected value', () => {
    const data = binaryProblem(2000, 8);
    // With all rows and squared error, hessians are 1, so covers are row counts.
    const model = train(
      { features: data.features, labels: data.signal },
      { params: { objective: 'reg:squarederror', numRounds: 10 } },
    );
    const mean = predictMargin(model, data.features).reduce((a, b) => a + b, 0) / 2000;
    expect(new ShapExplainer(model).expectedValue).toBeCloseTo(mean, 9);
  });

  it('is exactly zero for features never split on', () => {
    const data = binaryProblem(2000, 9);
    // Column 5 replaced by a constant: it can never be split on.
    data.features.values.fill(3, 5 * 2000, 6 * 2000);
    const model = train(data, { params: { numRounds: 10 } });
    expect(model.trees.some((t) => t.splitFeature.includes(5))).toBe(false);
    const batch = new ShapExplainer(model).explainBatch(data.features);
    for (let r = 0; r < 2000; r++) expect(batch.values[r * 6 + 5]).toBe(0);
    // A missing value in the unused feature changes nothing either.
    const row = [0.1, -0.3, 1, 0, Number.NaN, Number.NaN];
    expect(shapRow(model, row).values[5]).toBe(0);
    expect(predictMarginRow(model, row)).toBe(
      predictMarginRow(model, [0.1, -0.3, 1, 0, Number.NaN, 3]),
    );
  });
});
