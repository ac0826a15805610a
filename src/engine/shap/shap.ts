import { toBinnable } from '../binning/bin-cuts.ts';
import { EngineError } from '../errors.ts';
import { compiledForestOf, loadRows } from '../forest/compiled-forest.ts';
import { type DenseMatrix, strides } from '../matrix.ts';
import type { Model } from '../model.ts';
import { coverOf, rootRef, type Tree } from '../tree/tree.ts';
import {
  DEFAULT_FAST_TREE_SHAP_OPTIONS,
  FastTreeShap,
  type FastTreeShapOptions,
} from './fast-tree-shap.ts';
import { TreeShapExplainer } from './tree-shap.ts';

/** SHAP values in margin units: expectedValue + Σ values[f] equals the row's margin. */
export interface ShapRow {
  readonly expectedValue: number;
  readonly values: Float64Array;
}

/** SHAP values of many rows, row-major: values[r * numFeatures + f]. */
export interface ShapBatch {
  readonly expectedValue: number;
  readonly numRows: number;
  readonly numFeatures: number;
  readonly values: Float64Array;
}

/** Tuning of the precomputation (memory against speed); the defaults suit most models. */
export type ShapExplainerOptions = Partial<FastTreeShapOptions>;

/** Rows loaded at once in batch: a block of row-major values stays in cache. */
const BLOCK_ROWS = 64;

/** Cover-weighted mean of the leaf values under a node. */
function meanBelow(tree: Tree, ref: number): number {
  if (ref < 0) return tree.leafValue[~ref] as number;
  const left = tree.leftChild[ref] as number;
  const right = tree.rightChild[ref] as number;
  const cl = coverOf(tree, left);
  const cr = coverOf(tree, right);
  return (cl * meanBelow(tree, left) + cr * meanBelow(tree, right)) / (cl + cr);
}

/**
 * Exact path-dependent TreeSHAP of a model, precomputed once in the constructor (see
 * fast-tree-shap.ts); build one per model and reuse it for many rows. Trees too deep for the
 * precomputation use the plain recursive algorithm (tree-shap.ts). Not re-entrant: it owns its
 * scratch buffers (fine in one JavaScript thread).
 */
export class ShapExplainer {
  private readonly fast: FastTreeShap;
  /** Per tree: the recursive explainer of a tree the fast path does not handle. */
  private readonly fallback: (TreeShapExplainer | undefined)[];
  private readonly rowScratch: Float32Array;
  /** Base margin plus every tree's cover-weighted mean leaf value. */
  readonly expectedValue: number;

  constructor(
    private readonly model: Model,
    options: ShapExplainerOptions = {},
  ) {
    this.fast = new FastTreeShap(compiledForestOf(model), {
      ...DEFAULT_FAST_TREE_SHAP_OPTIONS,
      ...options,
    });
    this.fallback = model.trees.map((tree, t) =>
      tree.numNodes > 0 && this.fast.handles[t] === 0 ? new TreeShapExplainer(tree) : undefined,
    );
    this.rowScratch = new Float32Array(BLOCK_ROWS * model.featureNames.length);
    this.expectedValue = model.trees.reduce(
      (sum, tree) => sum + meanBelow(tree, rootRef(tree)),
      model.baseScore,
    );
  }

  /** How many trees use the recursive fallback (too deep for the precomputation). */
  get fallbackTrees(): number {
    return this.fallback.filter((f) => f !== undefined).length;
  }

  private checkWidth(numCols: number): void {
    if (numCols !== this.model.featureNames.length) {
      throw new EngineError('FEATURE_COUNT', {
        what: 'input',
        count: numCols,
        expected: `the model expects ${this.model.featureNames.length}`,
      });
    }
  }

  /** Adds every tree's SHAP values of the loaded row at rows[rowOffset..] into phi. */
  private explainLoaded(
    rows: Float32Array,
    rowOffset: number,
    phi: Float64Array,
    phiOffset: number,
  ): void {
    const { fast, fallback } = this;
    const { handles } = fast;
    for (let t = 0; t < handles.length; t++) {
      if (handles[t] === 1) fast.explainTree(t, rows, rowOffset, phi, phiOffset);
      else fallback[t]?.explain(rows, rowOffset, 1, phi, phiOffset);
    }
  }

  /** SHAP values of one row (NaN = missing). */
  explainRow(row: ArrayLike<number>): ShapRow {
    this.checkWidth(row.length);
    const values = new Float64Array(row.length);
    const loaded = this.rowScratch;
    for (let c = 0; c < row.length; c++) loaded[c] = toBinnable(row[c] as number);
    this.explainLoaded(loaded, 0, values, 0);
    return { expectedValue: this.expectedValue, values };
  }

  /** SHAP values of every row of a matrix (row- or column-major). */
  explainBatch(matrix: DenseMatrix): ShapBatch {
    this.checkWidth(matrix.numCols);
    const { rowStride, colStride } = strides(matrix);
    const { numRows, numCols } = matrix;
    const values = new Float64Array(numRows * numCols);
    const block = this.rowScratch;
    const { fast, fallback } = this;
    const { handles } = fast;
    for (let from = 0; from < numRows; from += BLOCK_ROWS) {
      const count = Math.min(BLOCK_ROWS, numRows - from);
      loadRows(matrix.values, rowStride, colStride, numCols, from, count, block);
      // Tree by tree over the block keeps one tree's tables in cache; each row still gets its
      // trees' terms in tree order, as in explainRow.
      for (let t = 0; t < handles.length; t++) {
        const recursive = handles[t] === 1 ? undefined : fallback[t];
        if (handles[t] === 0 && recursive === undefined) continue;
        for (let r = 0; r < count; r++) {
          const phiOffset = (from + r) * numCols;
          if (recursive === undefined) fast.explainTree(t, block, r * numCols, values, phiOffset);
          else recursive.explain(block, r * numCols, 1, values, phiOffset);
        }
      }
    }
    return { expectedValue: this.expectedValue, numRows, numFeatures: numCols, values };
  }
}

/** One default-option explainer per model object, for the helpers below. */
const explainers = new WeakMap<Model, ShapExplainer>();

function explainerOf(model: Model): ShapExplainer {
  let explainer = explainers.get(model);
  if (explainer === undefined) {
    explainer = new ShapExplainer(model);
    explainers.set(model, explainer);
  }
  return explainer;
}

/** SHAP values of one row (the model's explainer is built on first use and kept). */
export function shapRow(model: Model, row: ArrayLike<number>): ShapRow {
  return explainerOf(model).explainRow(row);
}

/** SHAP values of every row of a matrix (the model's explainer is built once and kept). */
export function shapBatch(model: Model, matrix: DenseMatrix): ShapBatch {
  return explainerOf(model).explainBatch(matrix);
}
