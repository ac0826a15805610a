import { binTrainingMatrix } from '../binning/bin-matrix.ts';
import { EngineError } from '../errors.ts';
import { type DenseMatrix, strides } from '../matrix.ts';
import { getMetric } from '../metric/metrics.ts';
import type { Model, TrainingMetadata } from '../model.ts';
import { getObjective } from '../objective/index.ts';
import { HistogramWorkers } from '../parallel/histogram-workers.ts';
import { resolveThreadCount } from '../parallel/thread-count.ts';
import { type ParamInput, type Params, resolveParams } from '../params.ts';
import { Rng } from '../random.ts';
import { type GrownTree, TreeGrower } from '../tree/grow-tree.ts';
import { addTreeToMargins } from '../tree/predict-binned.ts';
import { leafOf, type Tree } from '../tree/tree.ts';
import { reserveTrainingKernel, shareKernel, threadKernel } from '../wasm/histogram-kernel.ts';

/** Rows to learn from (or to validate on): features, labels and optional positive weights. */
export interface Dataset {
  readonly features: DenseMatrix;
  readonly labels: ArrayLike<number>;
  readonly weights?: ArrayLike<number>;
}

/** Reported after every boosting round. */
export interface RoundProgress {
  /** 1-based round just finished. */
  readonly round: number;
  readonly numRounds: number;
  /** Validation metric after this round, when a validation set is given. */
  readonly validScore?: number;
  /** 0-based round with the best validation score so far. */
  readonly bestIteration: number;
}

export interface TrainOptions {
  /** Parameters by canonical name or alias; see docs/params.md. */
  readonly params?: ParamInput;
  /** One name per feature column; defaults to f0, f1, … */
  readonly featureNames?: readonly string[];
  /** Validation rows for early stopping and the reported metric. */
  readonly valid?: Dataset;
  readonly onProgress?: (progress: RoundProgress) => void;
}

function checkDataset(
  data: Dataset,
  what: string,
): { labels: Float64Array; weights: Float64Array } {
  const n = data.features.numRows;
  if (data.labels.length !== n) {
    throw new EngineError('ROW_COUNT', {
      what,
      count: data.labels.length,
      items: 'labels',
      rows: n,
    });
  }
  const weights = new Float64Array(n).fill(1);
  if (data.weights !== undefined) {
    if (data.weights.length !== n) {
      throw new EngineError('ROW_COUNT', {
        what,
        count: data.weights.length,
        items: 'weights',
        rows: n,
      });
    }
    for (let i = 0; i < n; i++) {
      const w = data.weights[i] as number;
      if (!(w > 0 && Number.isFinite(w))) {
        throw new EngineError('BAD_WEIGHT', { what, row: i, weight: w });
      }
      weights[i] = w;
    }
  }
  return { labels: Float64Array.from(data.labels), weights };
}

function monotoneArray(params: Params, numFeatures: number): Int8Array {
  const list = params.monotoneConstraints;
  if (list.length > numFeatures) {
    throw new EngineError('BAD_PARAM', {
      name: 'monotoneConstraints',
      value: `${list.length} entries for ${numFeatures} features`,
      rule: 'at most one entry per feature',
    });
  }
  const out = new Int8Array(numFeatures);
  out.set(list);
  return out;
}

/**
 * Adds a tree's leaf values to the margins of raw rows (validation data). Raw values, not bins:
 * a value above a feature's training range must route by the threshold, as in prediction.
 */
function addTreeToRawMargins(tree: Tree, matrix: DenseMatrix, margin: Float64Array): void {
  const { rowStride, colStride } = strides(matrix);
  const { values } = matrix;
  for (let r = 0; r < matrix.numRows; r++) {
    margin[r] =
      (margin[r] as number) +
      (tree.leafValue[leafOf(tree, values, r * rowStride, colStride)] as number);
  }
}

/**
 * Adds each leaf's value to the margins of its rows, found where the grower's partition left
 * them (every row in some leaf: no row subsampling). The same sum as walking the tree per row.
 */
function addLeavesToMargins(grown: GrownTree, rows: Int32Array, margin: Float64Array): void {
  const { tree, leafStart, leafEnd } = grown;
  for (let l = 0; l < tree.numLeaves; l++) {
    const value = tree.leafValue[l] as number;
    const end = leafEnd[l] as number;
    for (let i = leafStart[l] as number; i < end; i++) {
      const r = rows[i] as number;
      margin[r] = (margin[r] as number) + value;
    }
  }
}

/** Draws this round's rows: all of them, or a seeded Bernoulli sample (at least one row). */
function sampleRows(rng: Rng, fraction: number, numRows: number, buffer: Int32Array): Int32Array {
  let n = 0;
  if (fraction >= 1) {
    for (let r = 0; r < numRows; r++) buffer[n++] = r;
  } else {
    for (let r = 0; r < numRows; r++) if (rng.next() < fraction) buffer[n++] = r;
    if (n === 0) buffer[n++] = rng.nextInt(numRows);
  }
  return buffer.subarray(0, n);
}

/** Draws this tree's features (seeded partial Fisher–Yates), ascending. */
function sampleFeatures(rng: Rng, fraction: number, numFeatures: number): Int32Array {
  const all = Int32Array.from({ length: numFeatures }, (_, i) => i);
  if (fraction >= 1) return all;
  const k = Math.max(1, Math.round(fraction * numFeatures));
  for (let i = 0; i < k; i++) {
    const j = i + rng.nextInt(numFeatures - i);
    const t = all[i] as number;
    all[i] = all[j] as number;
    all[j] = t;
  }
  return all.subarray(0, k).sort();
}

/**
 * Trains a gradient-boosted tree ensemble. Deterministic for a given seed and input. With a
 * validation set and earlyStoppingRounds > 0, training stops when the validation metric has not
 * improved for that many rounds and the model keeps the trees up to the best round.
 */
export function train(data: Dataset, options: TrainOptions = {}): Model {
  const params = resolveParams(options.params);
  const { numRows, numCols } = data.features;
  if (numRows === 0) throw new EngineError('NO_ROWS', {});
  const featureNames = options.featureNames ?? Array.from({ length: numCols }, (_, i) => `f${i}`);
  if (featureNames.length !== numCols) {
    throw new EngineError('FEATURE_NAMES', {
      count: featureNames.length,
      expected: `the data has ${numCols} feature columns`,
    });
  }
  const seen = new Set<string>();
  for (const name of featureNames) {
    if (seen.has(name)) throw new EngineError('DUPLICATE_FEATURE', { name });
    seen.add(name);
  }
  const objective = getObjective(params.objective);
  const { labels, weights } = checkDataset(data, 'training data');
  objective.checkLabels(labels);
  if (params.objective === 'binary:logistic' && params.scalePosWeight !== 1) {
    for (let i = 0; i < numRows; i++) {
      if (labels[i] === 1) weights[i] = (weights[i] as number) * params.scalePosWeight;
    }
  }
  const monotone = monotoneArray(params, numCols);

  const threads = resolveThreadCount(params.nthread, numRows, numCols);
  // The bins, rows, gradient pairs and histograms in one WebAssembly memory for the histogram
  // kernel when it is available (else ordinary arrays and the TypeScript kernel, same trees).
  const wasm = reserveTrainingKernel(numRows, numCols, params.maxLeaves, params.maxBin, threads);
  const binnedPlain = binTrainingMatrix(
    data.features,
    params.maxBin,
    threads > 1,
    wasm === null ? undefined : (bytes) => wasm.memory.uint8(bytes),
  );
  const share = wasm === null ? null : shareKernel(wasm, binnedPlain.bins, numRows, numCols);
  const binned = share === null ? binnedPlain : { ...binnedPlain, kernel: threadKernel(share, 0) };
  const baseScore = objective.baseMargin(labels, weights);
  const margin = new Float64Array(numRows).fill(baseScore);

  let valid: {
    features: DenseMatrix;
    labels: Float64Array;
    weights: Float64Array;
    margin: Float64Array;
  } | null = null;
  if (options.valid !== undefined) {
    if (options.valid.features.numCols !== numCols) {
      throw new EngineError('FEATURE_COUNT', {
        what: 'validation data',
        count: options.valid.features.numCols,
        expected: `the training data has ${numCols}`,
      });
    }
    const checked = checkDataset(options.valid, 'validation data');
    objective.checkLabels(checked.labels);
    valid = {
      features: options.valid.features,
      ...checked,
      margin: new Float64Array(options.valid.features.numRows).fill(baseScore),
    };
  }
  if (params.earlyStoppingRounds > 0 && valid === null) {
    throw new EngineError('NO_VALIDATION_SET', { param: 'earlyStoppingRounds' });
  }
  const metric = valid === null ? null : getMetric(params.evalMetric, params.objective);

  const grad = new Float64Array(numRows);
  const hess = new Float64Array(numRows);
  const rng = new Rng(params.seed);
  const trees: Tree[] = [];
  const evalHistory: number[] = [];
  let bestIteration = 0;
  let bestScore = Number.NaN;

  // Workers end with the training, whether it finishes or throws (e.g. in onProgress).
  const workers =
    threads > 1 ? new HistogramWorkers(binned, monotone, params, threads - 1, wasm, share) : null;
  try {
    const rowBuffer = workers?.rows ?? wasm?.memory.int32(numRows) ?? new Int32Array(numRows);
    const grower = new TreeGrower(binned, params, monotone, workers, wasm?.memory ?? null);
    for (let round = 0; round < params.numRounds; round++) {
      objective.gradients(margin, labels, weights, grad, hess);
      const rows = sampleRows(rng, params.subsample, numRows, rowBuffer);
      const features = sampleFeatures(rng, params.colsampleByTree, numCols);
      const grown = grower.grow({ grad, hess, rows, features });
      const { tree } = grown;
      trees.push(tree);
      if (rows.length === numRows) addLeavesToMargins(grown, rows, margin);
      else addTreeToMargins(tree, grown.splitBin, binned, margin);

      let validScore: number | undefined;
      if (valid !== null && metric !== null) {
        addTreeToRawMargins(tree, valid.features, valid.margin);
        validScore = metric.evaluate(valid.margin, valid.labels, valid.weights);
        evalHistory.push(validScore);
        const improved =
          Number.isNaN(bestScore) ||
          (metric.higherIsBetter ? validScore > bestScore : validScore < bestScore);
        if (improved) {
          bestScore = validScore;
          bestIteration = round;
        }
      } else {
        bestIteration = round;
      }
      options.onProgress?.({
        round: round + 1,
        numRounds: params.numRounds,
        bestIteration,
        ...(validScore === undefined ? {} : { validScore }),
      });
      if (params.earlyStoppingRounds > 0 && round - bestIteration >= params.earlyStoppingRounds) {
        break;
      }
    }
  } finally {
    workers?.close();
  }

  const roundsRun = trees.length;
  if (params.earlyStoppingRounds > 0) trees.length = bestIteration + 1;
  const metadata: TrainingMetadata = {
    numRows,
    numFeatures: numCols,
    roundsRun,
    bestIteration,
    bestScore: metric === null || Number.isNaN(bestScore) ? null : bestScore,
    metric: metric?.name ?? null,
    evalHistory,
  };
  return {
    featureNames: Object.freeze([...featureNames]),
    objective: params.objective,
    baseScore,
    params,
    trees,
    metadata,
  };
}
