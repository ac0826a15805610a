/**
 * Seeded random models for the forest and SHAP property tests: arbitrary tree shapes (bushy or
 * chain-like deep ones), repeated split features along a path, thresholds and row values from a
 * small grid so that rows land exactly on thresholds, and missing values.
 */
import type { Model } from '../model.ts';
import { resolveParams } from '../params.ts';
import type { Rng } from '../random.ts';
import type { Tree } from '../tree/tree.ts';

/** Values shared by thresholds and rows (all float32), so ties happen. */
const GRID = [-2, -1.5, -0.5, 0, 0.25, 0.5, 1, 1.75, 3].map(Math.fround);

export interface RandomTreeShape {
  readonly numNodes: number;
  readonly numFeatures: number;
  /** Probability of splitting the newest leaf (a chain, so deep paths) instead of a random one. */
  readonly chain: number;
}

export function randomTree(rng: Rng, shape: RandomTreeShape): Tree {
  const n = shape.numNodes;
  const splitFeature = new Int32Array(n);
  const threshold = new Float64Array(n);
  const defaultLeft = new Uint8Array(n);
  const leftChild = new Int32Array(n);
  const rightChild = new Int32Array(n);
  // Open child slots: node * 2 + side (0 left, 1 right).
  const open: number[] = n > 0 ? [0, 1] : [];
  const setChild = (slot: number, ref: number) => {
    if (slot % 2 === 0) leftChild[slot >> 1] = ref;
    else rightChild[slot >> 1] = ref;
  };
  for (let node = 0; node < n; node++) {
    splitFeature[node] = rng.nextInt(shape.numFeatures);
    threshold[node] = GRID[1 + rng.nextInt(GRID.length - 1)] as number;
    defaultLeft[node] = rng.next() < 0.5 ? 1 : 0;
    if (node === 0) continue;
    const pick =
      rng.next() < shape.chain ? open.length - 1 - rng.nextInt(2) : rng.nextInt(open.length);
    const [slot] = open.splice(Math.max(0, pick), 1);
    setChild(slot as number, node);
    open.push(node * 2, node * 2 + 1);
  }
  const numLeaves = n + 1;
  open.forEach((slot, leaf) => {
    setChild(slot, ~leaf);
  });
  const leafValue = Float64Array.from({ length: numLeaves }, () => rng.next() * 2 - 1);
  const leafCover = Float64Array.from({ length: numLeaves }, () => 0.25 + rng.next() * 20);
  const nodeCover = new Float64Array(n);
  const cover = (ref: number) => (ref >= 0 ? nodeCover[ref] : leafCover[~ref]) as number;
  // Children come after their parent: sum covers bottom-up.
  for (let node = n - 1; node >= 0; node--) {
    nodeCover[node] = cover(leftChild[node] as number) + cover(rightChild[node] as number);
  }
  return {
    numNodes: n,
    numLeaves,
    splitFeature,
    threshold,
    defaultLeft,
    leftChild,
    rightChild,
    splitGain: new Float64Array(n).fill(1),
    nodeCover,
    leafValue,
    leafCover,
  };
}

export function randomModel(rng: Rng, trees: readonly RandomTreeShape[]): Model {
  const numFeatures = Math.max(1, ...trees.map((t) => t.numFeatures));
  return {
    featureNames: Array.from({ length: numFeatures }, (_, f) => `f${f}`),
    objective: 'binary:logistic',
    baseScore: rng.next() - 0.5,
    params: resolveParams({}),
    trees: trees.map((shape) => randomTree(rng, shape)),
    metadata: {
      numRows: 0,
      numFeatures,
      roundsRun: trees.length,
      bestIteration: trees.length - 1,
      bestScore: null,
      metric: null,
      evalHistory: [],
    },
  };
}

/** Row-major rows from the grid, with missing values and out-of-range extremes. */
export function randomRows(rng: Rng, numRows: number, numCols: number): Float64Array {
  const values = new Float64Array(numRows * numCols);
  const extremes = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e39, -1e300];
  for (let i = 0; i < values.length; i++) {
    const u = rng.next();
    if (u < 0.15) values[i] = Number.NaN;
    else if (u < 0.17) values[i] = extremes[rng.nextInt(extremes.length)] as number;
    else if (u < 0.6) values[i] = GRID[rng.nextInt(GRID.length)] as number;
    else values[i] = rng.next() * 6 - 2.5;
  }
  return values;
}
