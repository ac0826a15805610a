import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { denseMatrix, Rng } from '../../../engine/index.ts';
import {
  fitLogistic,
  fitLogisticDesign,
  fitPreprocessor,
  predictLogistic,
  transform,
} from './index.ts';

// scikit-learn lives in the system Python (see the project notes); skip where it is absent.
const PYTHON = '/usr/bin/python3';
const hasSklearn = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import sklearn'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const folder = mkdtempSync(join(tmpdir(), 'creditlens-logistic-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Seeded column-major features (normal, some missing) and labels from a known logistic model. */
function problem(
  numRows: number,
  weights: readonly number[],
  intercept: number,
  seed: number,
  missing = 0,
) {
  const random = new Rng(seed);
  const p = weights.length;
  const values = new Float64Array(numRows * p);
  const labels = new Float64Array(numRows);
  for (let r = 0; r < numRows; r++) {
    let z = intercept;
    for (let c = 0; c < p; c++) {
      const v = random.normal();
      z += (weights[c] as number) * v;
      values[c * numRows + r] = random.next() < missing ? Number.NaN : v;
    }
    labels[r] = random.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { features: denseMatrix(values, numRows, p, 'column-major'), labels };
}

describe('logistic regression', () => {
  it.skipIf(!hasSklearn)('agrees with scikit-learn LogisticRegression (lbfgs) within 1e-4', () => {
    const { features, labels } = problem(400, [1.2, -0.8, 0.3, 0, 2], -0.7, 7, 0.1);
    const pre = fitPreprocessor(features);
    const p = pre.columns.length;
    expect(p).toBe(10); // 5 values + 5 missing indicators
    const design = transform(pre, features);
    const rows: string[] = [];
    for (let r = 0; r < 400; r++) {
      rows.push(Array.from({ length: p }, (_, j) => String(design[j * 400 + r])).join(','));
    }
    writeFileSync(join(folder, 'x.csv'), `${rows.join('\n')}\n`);
    writeFileSync(join(folder, 'y.csv'), `${Array.from(labels).join('\n')}\n`);
    // One Python start for both values of C (importing scikit-learn dominates the test's time).
    const Cs = [0.05, 1];
    const script = [
      'import numpy as np, sys',
      'from sklearn.linear_model import LogisticRegression',
      `x = np.loadtxt(sys.argv[1] + '/x.csv', delimiter=',')`,
      `y = np.loadtxt(sys.argv[1] + '/y.csv')`,
      `for C in [${Cs.join(', ')}]:`,
      `    m = LogisticRegression(C=C, solver='lbfgs', tol=1e-12, max_iter=10000).fit(x, y)`,
      `    print(','.join(repr(v) for v in list(m.coef_[0]) + [m.intercept_[0]]))`,
    ].join('\n');
    const lines = execFileSync(PYTHON, ['-c', script, folder], { encoding: 'utf8' })
      .trim()
      .split('\n');
    Cs.forEach((C, k) => {
      const theirs = (lines[k] as string).split(',').map(Number);
      const ours = fitLogisticDesign(design, 400, p, labels, {
        C,
        tolerance: 1e-8,
        maxIterations: 1000,
      });
      expect(ours.converged).toBe(true);
      Array.from(ours.coef).forEach((w, j) => {
        expect(Math.abs(w - (theirs[j] as number))).toBeLessThan(1e-4);
      });
      expect(Math.abs(ours.intercept - (theirs[p] as number))).toBeLessThan(1e-4);
    });
  });

  it('recovers known coefficients on synthetic data', () => {
    const truth = [1, -0.5, 0.25, 0];
    const { features, labels } = problem(20000, truth, -1, 11);
    const model = fitLogistic(features, labels, { C: 1e4, tolerance: 1e-8 });
    // Coefficients are per standard deviation; the features are standard normal, so scale ≈ 1.
    model.preprocessor.columns.forEach((column, j) => {
      const w = (model.coef[j] as number) / column.scale;
      expect(Math.abs(w - (truth[column.source] as number))).toBeLessThan(0.06);
    });
    const intercept =
      model.intercept -
      model.preprocessor.columns.reduce(
        (s, column, j) => s + ((model.coef[j] as number) * column.mean) / column.scale,
        0,
      );
    expect(Math.abs(intercept + 1)).toBeLessThan(0.06);
  });

  it('imputes medians, flags missing values, drops constant columns and survives huge margins', () => {
    const n = 6;
    const values = Float64Array.from([
      ...[1, 2, Number.NaN, 4, 5, 100], // column 0: missing → median 4
      ...[7, 7, 7, 7, 7, 7], // column 1: constant, dropped
      ...[1e6, -1e6, 1e6, -1e6, 1e6, -1e6], // column 2: separates the classes perfectly
    ]);
    const features = denseMatrix(values, n, 3, 'column-major');
    const labels = Float64Array.from([1, 0, 1, 0, 1, 0]);
    const pre = fitPreprocessor(features);
    expect(pre.columns.map((c) => `${c.source}:${c.kind}`)).toEqual([
      '0:value',
      '2:value',
      '0:missing',
    ]);
    expect(pre.columns[0]?.fill).toBe(4);
    const model = fitLogistic(features, labels, { C: 1e6, maxIterations: 200 });
    const probs = predictLogistic(model, features);
    for (const p of probs) expect(Number.isFinite(p)).toBe(true);
    expect(probs[0]).toBeGreaterThan(0.99);
    expect(probs[1]).toBeLessThan(0.01);
  });
});
