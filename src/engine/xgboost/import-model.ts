import { EngineError } from '../errors.ts';
import type { Model } from '../model.ts';
import { type ObjectiveName, resolveParams } from '../params.ts';
import type { Tree } from '../tree/tree.ts';

/** Options of `parseXgboostModel`. */
export interface XgboostImportOptions {
  /** Feature names to use when the model has none (XGBoost then calls them f0, f1, …). */
  readonly featureNames?: readonly string[];
}

/** XGBoost objective names we can serve, mapped to ours ("reg:linear" is the pre-1.0 name). */
const OBJECTIVES: Readonly<Record<string, ObjectiveName>> = {
  'binary:logistic': 'binary:logistic',
  'reg:squarederror': 'reg:squarederror',
  'reg:linear': 'reg:squarederror',
};

function bad(detail: string): EngineError {
  return new EngineError('BAD_XGBOOST_MODEL', { detail });
}

function unsupported(detail: string): EngineError {
  return new EngineError('UNSUPPORTED_MODEL', { detail });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function record(parent: Record<string, unknown>, key: string, where: string) {
  const value = parent[key];
  if (!isRecord(value)) throw bad(`${where}.${key} is missing or not an object`);
  return value;
}

/** XGBoost writes scalar parameters as strings ("5E-1"); 2.x wraps base_score as "[5E-1]". */
function numberParam(parent: Record<string, unknown>, key: string, where: string): number {
  const raw = parent[key];
  const text = typeof raw === 'string' ? raw.replace(/^\[(.*)\]$/, '$1') : raw;
  const value = typeof text === 'string' && text.trim() !== '' ? Number(text) : text;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw bad(`${where}.${key} must be a number, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function numbers(tree: Record<string, unknown>, key: string, length: number, where: string) {
  const value = tree[key];
  if (
    !Array.isArray(value) ||
    value.length !== length ||
    value.some((v) => typeof v !== 'number' || !Number.isFinite(v))
  ) {
    throw bad(`${where}.${key} must be an array of ${length} finite numbers`);
  }
  return value as number[];
}

/**
 * One XGBoost tree (nodes 0..n−1, left_children = −1 at leaves, the leaf value in
 * split_conditions) as our Tree: internal nodes renumbered in pre-order so children come after
 * their parent, leaves as ~index. Pruned (deleted) nodes are unreachable and dropped. Thresholds,
 * leaf values and covers are XGBoost's float32 values exactly, so float32(x) < threshold routes
 * rows as XGBoost does.
 */
function convertTree(json: unknown, index: number, numFeatures: number): Tree {
  const where = `trees[${index}]`;
  if (!isRecord(json)) throw bad(`${where} is not an object`);
  const n = numberParam(record(json, 'tree_param', where), 'num_nodes', `${where}.tree_param`);
  if (!Number.isInteger(n) || n < 1) throw bad(`${where} has ${n} nodes`);
  const left = numbers(json, 'left_children', n, where);
  const right = numbers(json, 'right_children', n, where);
  const feature = numbers(json, 'split_indices', n, where);
  const condition = numbers(json, 'split_conditions', n, where);
  const defaultLeft = numbers(json, 'default_left', n, where);
  const cover = numbers(json, 'sum_hessian', n, where);
  const gain = Array.isArray(json.loss_changes) ? (json.loss_changes as number[]) : [];
  const splitType = Array.isArray(json.split_type) ? (json.split_type as number[]) : [];

  // First pass: pre-order numbering of internal nodes and leaves, checking the structure.
  const internalId = new Int32Array(n).fill(-1);
  const leafId = new Int32Array(n).fill(-1);
  const order: number[] = [];
  let numLeaves = 0;
  const stack = [0];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (internalId[node] !== -1 || leafId[node] !== -1) throw bad(`${where} has a cycle`);
    if (left[node] === -1) {
      leafId[node] = numLeaves++;
      continue;
    }
    if (splitType[node] === 1) {
      throw unsupported(
        `${where} node ${node} is a categorical split; only numeric splits are read`,
      );
    }
    const f = feature[node] as number;
    if (!Number.isInteger(f) || f < 0 || f >= numFeatures) {
      throw bad(`${where} node ${node} splits on feature ${f} of ${numFeatures}`);
    }
    for (const child of [left[node] as number, right[node] as number]) {
      if (!Number.isInteger(child) || child <= 0 || child >= n) {
        throw bad(`${where} node ${node} has a bad child reference ${child}`);
      }
    }
    internalId[node] = order.length;
    order.push(node);
    // Right pushed first so the left subtree is numbered first.
    stack.push(right[node] as number, left[node] as number);
  }

  const numNodes = order.length;
  const ref = (node: number) =>
    left[node] === -1 ? ~(leafId[node] as number) : (internalId[node] as number);
  const tree: Tree = {
    numNodes,
    numLeaves,
    splitFeature: new Int32Array(numNodes),
    threshold: new Float64Array(numNodes),
    defaultLeft: new Uint8Array(numNodes),
    leftChild: new Int32Array(numNodes),
    rightChild: new Int32Array(numNodes),
    splitGain: new Float64Array(numNodes),
    nodeCover: new Float64Array(numNodes),
    leafValue: new Float64Array(numLeaves),
    leafCover: new Float64Array(numLeaves),
  };
  order.forEach((node, id) => {
    tree.splitFeature[id] = feature[node] as number;
    tree.threshold[id] = Math.fround(condition[node] as number);
    tree.defaultLeft[id] = defaultLeft[node] === 0 ? 0 : 1;
    tree.leftChild[id] = ref(left[node] as number);
    tree.rightChild[id] = ref(right[node] as number);
    tree.splitGain[id] = Number(gain[node] ?? 0);
    tree.nodeCover[id] = Math.fround(cover[node] as number);
  });
  for (let node = 0; node < n; node++) {
    const leaf = leafId[node] as number;
    if (leaf < 0) continue;
    tree.leafValue[leaf] = Math.fround(condition[node] as number);
    tree.leafCover[leaf] = Math.fround(cover[node] as number);
  }
  return tree;
}

/**
 * Reads a model written by XGBoost's `save_model("model.json")` (version 1.7 and later; gbtree
 * with numeric splits, binary:logistic or reg:squarederror, one output) as an engine `Model`, so
 * `predictMargin` and `ShapExplainer` serve it unchanged and agree with XGBoost's
 * predict(output_margin=True) and predict(pred_contribs=True). The base score, given by XGBoost in
 * probability space for binary:logistic, becomes a margin (its logit). Anything else throws an
 * `EngineError` (code BAD_MODEL or UNSUPPORTED_MODEL) saying what.
 */
export function parseXgboostModel(text: string, options: XgboostImportOptions = {}): Model {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw bad(`not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(json) || !isRecord(json.learner)) {
    throw bad('no "learner" object; expected a file written by XGBoost save_model("model.json")');
  }
  const { learner } = json;
  const booster = record(learner, 'gradient_booster', 'learner');
  if (booster.name !== 'gbtree') {
    throw unsupported(
      `booster ${JSON.stringify(booster.name)}; only "gbtree" is read (not gblinear or dart)`,
    );
  }
  const objectiveName = record(learner, 'objective', 'learner').name;
  const objective = typeof objectiveName === 'string' ? OBJECTIVES[objectiveName] : undefined;
  if (objective === undefined) {
    throw unsupported(
      `objective ${JSON.stringify(objectiveName)}; supported: ${Object.keys(OBJECTIVES).join(', ')}`,
    );
  }
  const modelParam = record(learner, 'learner_model_param', 'learner');
  const where = 'learner.learner_model_param';
  const numClass =
    modelParam.num_class === undefined ? 0 : numberParam(modelParam, 'num_class', where);
  const numTarget =
    modelParam.num_target === undefined ? 1 : numberParam(modelParam, 'num_target', where);
  if (numClass > 1 || numTarget > 1) {
    throw unsupported(`${numClass} classes, ${numTarget} targets; only one output is read`);
  }
  const numFeatures = numberParam(modelParam, 'num_feature', where);
  if (!Number.isInteger(numFeatures) || numFeatures < 1) {
    throw bad(`${where}.num_feature must be a positive integer, got ${numFeatures}`);
  }
  const featureTypes = Array.isArray(learner.feature_types) ? learner.feature_types : [];
  const categorical = featureTypes.indexOf('c');
  if (categorical >= 0) {
    throw unsupported(`feature ${categorical} is categorical; only numeric features are read`);
  }
  // XGBoost computes logit(base_score) from the float32 base score.
  const baseScoreParam = Math.fround(numberParam(modelParam, 'base_score', where));
  if (objective === 'binary:logistic' && !(baseScoreParam > 0 && baseScoreParam < 1)) {
    throw bad(`base_score ${baseScoreParam} must lie in (0, 1) for binary:logistic`);
  }
  const baseScore =
    objective === 'binary:logistic'
      ? Math.log(baseScoreParam / (1 - baseScoreParam))
      : baseScoreParam;

  const names = Array.isArray(learner.feature_names) ? learner.feature_names : [];
  let featureNames: string[];
  if (names.length > 0) {
    if (names.length !== numFeatures || names.some((name) => typeof name !== 'string')) {
      throw bad(`feature_names must hold ${numFeatures} strings`);
    }
    featureNames = names as string[];
  } else if (options.featureNames !== undefined) {
    if (options.featureNames.length !== numFeatures) {
      throw new EngineError('FEATURE_NAMES', {
        count: options.featureNames.length,
        expected: `the XGBoost model has ${numFeatures} features`,
      });
    }
    featureNames = [...options.featureNames];
  } else {
    featureNames = Array.from({ length: numFeatures }, (_, f) => `f${f}`);
  }

  const gbtree = record(booster, 'model', 'learner.gradient_booster');
  if (!Array.isArray(gbtree.trees)) throw bad('gradient_booster.model.trees must be an array');
  const trees = gbtree.trees.map((tree, i) => convertTree(tree, i, numFeatures));
  const attributes = isRecord(learner.attributes) ? learner.attributes : {};
  const best = Number(attributes.best_iteration ?? trees.length - 1);
  return {
    featureNames: Object.freeze(featureNames),
    objective,
    baseScore,
    params: resolveParams({ objective }),
    trees,
    metadata: {
      numRows: 0,
      numFeatures,
      roundsRun: trees.length,
      bestIteration: Number.isInteger(best) ? best : trees.length - 1,
      bestScore: null,
      metric: null,
      evalHistory: [],
    },
  };
}
