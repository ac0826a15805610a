import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../matrix.ts';
import type { Model } from '../model.ts';
import { predictMargin, predictMarginRow } from '../predict.ts';
import { Rng } from '../random.ts';
import { leafOf } from '../tree/tree.ts';
import { parseXgboostModel } from '../xgboost/import-model.ts';
import { compiledForestOf, HEAP_MAX_DEPTH } from './compiled-forest.ts';
import { randomModel, randomRows } from './random-model.ts';

/** The margin as the tree-by-tree walk of tree.ts computes it (the reference). */
function referenceMargin(model: Model, values: Float64Array, offset: number, stride: number) {
  let sum = model.baseScore;
  for (const tree of model.trees)
    sum += tree.leafValue[leafOf(tree, values, offset, stride)] as number;
  return sum;
}

function toColumnMajor(values: Float64Array, numRows: number, numCols: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let r = 0; r < numRows; r++)
    for (let c = 0; c < numCols; c++) out[c * numRows + r] = values[r * numCols + c] as number;
  return out;
}

/** Batch (both layouts) and one-row margins equal the reference bit for bit. */
function expectIdentical(model: Model, rowMajor: Float64Array, numRows: number): void {
  const numCols = model.featureNames.length;
  const expected = Array.from({ length: numRows }, (_, r) =>
    referenceMargin(model, rowMajor, r * numCols, 1),
  );
  const byRows = predictMargin(model, denseMatrix(rowMajor, numRows, numCols, 'row-major'));
  const columnMajor = toColumnMajor(rowMajor, numRows, numCols);
  const byColumns = predictMargin(
    model,
    denseMatrix(columnMajor, numRows, numCols, 'column-major'),
  );
  expect(Array.from(byRows)).toEqual(expected);
  expect(Array.from(byColumns)).toEqual(expected);
  for (let r = 0; r < numRows; r += 7) {
    const row = rowMajor.subarray(r * numCols, (r + 1) * numCols);
    expect(predictMarginRow(model, row)).toBe(expected[r]);
    expect(predictMarginRow(model, Array.from(row))).toBe(expected[r]);
  }
}

describe('flattened forest prediction', () => {
  it('is bit-identical to the per-tree walk on random models (ties, missing, ±∞, deep trees)', () => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 12; trial++) {
      const shapes = Array.from({ length: 1 + rng.nextInt(25) }, () => ({
        numNodes: rng.nextInt(trial % 3 === 0 ? 70 : 20),
        numFeatures: 1 + rng.nextInt(8),
        chain: trial % 2 === 0 ? 0.9 : 0.1,
      }));
      const model = randomModel(rng, shapes);
      const numCols = model.featureNames.length;
      // Row counts around the block size, including none.
      const numRows = [0, 1, 127, 128, 129, 300][trial % 6] as number;
      expectIdentical(model, randomRows(rng, numRows, numCols), numRows);
    }
  });

  it('is bit-identical with thresholds that are not float32 numbers (the walk rounds them up)', () => {
    const rng = new Rng(5);
    const model = randomModel(rng, [
      { numNodes: 30, numFeatures: 4, chain: 0.5 },
      { numNodes: 12, numFeatures: 4, chain: 0.1 },
    ]);
    const nudges = [1e-9, -1e-9, 1e-300, -1e-300, 2 ** -60, Number.NaN];
    model.trees.forEach((tree, t) => {
      for (let n = 0; n < tree.numNodes; n++) {
        const nudge = nudges[(n + t) % nudges.length] as number;
        (tree.threshold as Float64Array)[n] =
          n % 5 === 4 ? nudge : (tree.threshold[n] as number) + nudge;
      }
    });
    const numRows = 300;
    const rows = randomRows(rng, numRows, model.featureNames.length);
    // Values at ±0 and at the smallest float32s, around the nudged thresholds.
    const tiny = [0, -0, 2 ** -149, -(2 ** -149), 1e-9, -1e-9];
    for (let i = 0; i < rows.length; i += 3) rows[i] = tiny[i % tiny.length] as number;
    expectIdentical(model, rows, numRows);
  });

  it('is bit-identical on the XGBoost fixtures, rows at thresholds included', () => {
    const fixtures = resolve(import.meta.dirname, '../fixtures');
    for (const name of ['binary-depth4', 'binary-lossguide31', 'regression-depth4']) {
      const model = parseXgboostModel(
        readFileSync(resolve(fixtures, `${name}.model.json`), 'utf8'),
      );
      const { rows } = JSON.parse(
        readFileSync(resolve(fixtures, `${name}.expected.json`), 'utf8'),
      ) as { rows: (number | null)[][] };
      const values = Float64Array.from(rows.flat(), (v) => (v === null ? Number.NaN : v));
      expectIdentical(model, values, rows.length);
    }
  });

  it('walks trees up to HEAP_MAX_DEPTH deep as complete trees, deeper ones on the walk layout', () => {
    const rng = new Rng(23);
    // Bushy trees (shallow, leaves at several depths: padded) and chains (deeper than the limit).
    const model = randomModel(
      rng,
      Array.from({ length: 24 }, (_, t) => ({
        numNodes: [0, 1, 6, 20, 40][t % 5] as number,
        numFeatures: 6,
        chain: t % 3 === 0 ? 0.95 : 0,
      })),
    );
    const { walk } = compiledForestOf(model);
    const depths = Array.from(walk.maxDepth);
    expect(depths.some((d) => d > HEAP_MAX_DEPTH)).toBe(true);
    expect(depths.some((d) => d >= 3 && d <= HEAP_MAX_DEPTH && d > 0)).toBe(true);
    expect(Array.from(walk.heap.depth)).toEqual(depths.map((d) => (d <= HEAP_MAX_DEPTH ? d : -1)));
    // Shallow trees with leaves above their depth (padded positions) among them.
    expect(depths.some((d, t) => d <= HEAP_MAX_DEPTH && (walk.minDepth[t] as number) < d)).toBe(
      true,
    );
    const numRows = 333;
    expectIdentical(model, randomRows(rng, numRows, 6), numRows);
  });

  it('keeps every tree in preorder (children after parents) and is built once per model', () => {
    const model = randomModel(new Rng(3), [
      { numNodes: 40, numFeatures: 5, chain: 0.5 },
      { numNodes: 0, numFeatures: 5, chain: 0 },
      { numNodes: 9, numFeatures: 5, chain: 0 },
    ]);
    const forest = compiledForestOf(model);
    expect(compiledForestOf(model)).toBe(forest);
    for (let t = 0; t < forest.numTrees; t++) {
      const start = forest.treeNodeStart[t] as number;
      const end = start + (forest.treeNodeCount[t] as number);
      if (end > start) expect(forest.treeRoot[t]).toBe(start);
      for (let n = start; n < end; n++) {
        for (const child of [forest.left[n] as number, forest.right[n] as number]) {
          if (child >= 0) expect(child > n && child < end).toBe(true);
        }
      }
    }
    expect(forest.treeRoot[1]).toBe(~(forest.treeLeafStart[1] as number));
  });
});
