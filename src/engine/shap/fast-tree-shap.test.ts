import { describe, expect, it } from 'vitest';
import { randomModel, randomRows } from '../forest/random-model.ts';
import { denseMatrix } from '../matrix.ts';
import type { Model } from '../model.ts';
import { predictMarginRow } from '../predict.ts';
import { Rng } from '../random.ts';
import { treeDepth } from '../tree/tree.ts';
import { ShapExplainer, type ShapExplainerOptions } from './shap.ts';
import { TreeShapExplainer } from './tree-shap.ts';

/** SHAP values of one row by the recursive path-dependent algorithm (the reference). */
function referenceShap(model: Model, row: Float64Array): Float64Array {
  const phi = new Float64Array(row.length);
  for (const tree of model.trees) new TreeShapExplainer(tree).explain(row, 0, 1, phi, 0);
  return phi;
}

const VARIANTS: Record<string, ShapExplainerOptions> = {
  'subset tables': { tableMaxFeatures: 12 },
  'per-row polynomials': { tableMaxFeatures: -1 },
  'tables within a small budget': { tableMaxFeatures: 12, tableBudget: 200 },
  'recursive fallback for deep trees': { maxPathFeatures: 3 },
};

function randomShapes(rng: Rng, trial: number) {
  return Array.from({ length: 1 + rng.nextInt(12) }, () => ({
    numNodes: rng.nextInt(trial % 4 === 0 ? 60 : 16),
    // Few features over deep paths: the same feature is split on again and again.
    numFeatures: 1 + rng.nextInt(trial % 2 === 0 ? 4 : 12),
    chain: trial % 3 === 0 ? 0.9 : 0.2,
  }));
}

describe('precomputed TreeSHAP', () => {
  for (const [name, options] of Object.entries(VARIANTS)) {
    it(`equals the recursive algorithm within 1e-9 on random trees: ${name}`, () => {
      const rng = new Rng(name.length);
      let maxDepth = 0;
      let checked = 0;
      for (let trial = 0; trial < 24; trial++) {
        const model = randomModel(rng, randomShapes(rng, trial));
        for (const tree of model.trees) maxDepth = Math.max(maxDepth, treeDepth(tree));
        const explainer = new ShapExplainer(model, options);
        const numCols = model.featureNames.length;
        const rows = randomRows(rng, 20, numCols);
        for (let r = 0; r < 20; r++) {
          const row = rows.subarray(r * numCols, (r + 1) * numCols);
          const expected = referenceShap(model, row);
          const { values, expectedValue } = explainer.explainRow(row);
          let sum = expectedValue;
          for (let f = 0; f < numCols; f++) {
            expect(Math.abs((values[f] as number) - (expected[f] as number))).toBeLessThan(1e-9);
            sum += values[f] as number;
          }
          expect(Math.abs(sum - predictMarginRow(model, row))).toBeLessThan(1e-9);
          checked++;
        }
      }
      expect(checked).toBe(480);
      expect(maxDepth).toBeGreaterThan(30);
    });
  }

  it('uses the fallback exactly for trees with too many distinct path features', () => {
    const rng = new Rng(5);
    const model = randomModel(rng, [
      { numNodes: 60, numFeatures: 1000, chain: 1 },
      { numNodes: 3, numFeatures: 1000, chain: 0 },
    ]);
    expect(new ShapExplainer(model).fallbackTrees).toBe(1);
    expect(new ShapExplainer(model, { maxPathFeatures: 0 }).fallbackTrees).toBe(2);
  });

  it('gives the same values for one row and in batch, in both layouts', () => {
    const rng = new Rng(8);
    const model = randomModel(rng, randomShapes(rng, 0));
    const numCols = model.featureNames.length;
    const numRows = 150;
    const rows = randomRows(rng, numRows, numCols);
    const explainer = new ShapExplainer(model);
    const batch = explainer.explainBatch(denseMatrix(rows, numRows, numCols, 'row-major'));
    const columnMajor = new Float64Array(rows.length);
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numCols; c++)
        columnMajor[c * numRows + r] = rows[r * numCols + c] as number;
    const byColumns = explainer.explainBatch(
      denseMatrix(columnMajor, numRows, numCols, 'column-major'),
    );
    expect(byColumns.values).toEqual(batch.values);
    for (let r = 0; r < numRows; r += 13) {
      const single = explainer.explainRow(rows.subarray(r * numCols, (r + 1) * numCols));
      expect(single.values).toEqual(batch.values.subarray(r * numCols, (r + 1) * numCols));
    }
  });
});
