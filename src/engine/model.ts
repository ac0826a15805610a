import { sha256Hex } from './checksum.ts';
import { EngineError } from './errors.ts';
import { type ObjectiveName, type Params, resolveParams } from './params.ts';
import type { Tree } from './tree/tree.ts';

/** What training recorded about itself. */
export interface TrainingMetadata {
  readonly numRows: number;
  readonly numFeatures: number;
  /** Rounds actually run (fewer than numRounds when early stopping fired). */
  readonly roundsRun: number;
  /** 0-based best round on the validation set (the last round without one). */
  readonly bestIteration: number;
  readonly bestScore: number | null;
  readonly metric: string | null;
  /** Validation metric after each round run. */
  readonly evalHistory: readonly number[];
}

/** A trained ensemble. `baseScore` is in margin units (log-odds for binary:logistic). */
export interface Model {
  readonly featureNames: readonly string[];
  readonly objective: ObjectiveName;
  readonly baseScore: number;
  readonly params: Params;
  readonly trees: readonly Tree[];
  readonly metadata: TrainingMetadata;
  /**
   * How the caller turned its raw input into feature columns (for example the CSV column kinds
   * and category lists of src/model/tabular), stored as given and covered by the checksum. The
   * engine does not interpret it. Absent from models that were not given one.
   */
  readonly encoding?: Readonly<Record<string, unknown>>;
}

export const MODEL_FORMAT = 'creditlens-gbdt';
export const MODEL_VERSION = 1;

/** JSON keys sorted at every level, so the checksum does not depend on key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function treeToJson(tree: Tree): Record<string, unknown> {
  return {
    numNodes: tree.numNodes,
    numLeaves: tree.numLeaves,
    splitFeature: Array.from(tree.splitFeature),
    threshold: Array.from(tree.threshold),
    defaultLeft: Array.from(tree.defaultLeft),
    leftChild: Array.from(tree.leftChild),
    rightChild: Array.from(tree.rightChild),
    splitGain: Array.from(tree.splitGain),
    nodeCover: Array.from(tree.nodeCover),
    leafValue: Array.from(tree.leafValue),
    leafCover: Array.from(tree.leafCover),
  };
}

/**
 * The versioned JSON text of a model: { format, version, featureNames, objective, baseScore,
 * params, trees, metadata, checksum }, the checksum being the SHA-256 of the canonical JSON of
 * everything else. Numbers are written exactly (JSON keeps float64 round-trips).
 */
export function serializeModel(model: Model): string {
  const body = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    featureNames: model.featureNames,
    objective: model.objective,
    baseScore: model.baseScore,
    params: model.params,
    trees: model.trees.map(treeToJson),
    metadata: model.metadata,
    ...(model.encoding === undefined ? {} : { encoding: model.encoding }),
  };
  return JSON.stringify({ ...body, checksum: sha256Hex(canonicalJson(body)) });
}

function corrupt(detail: string): EngineError {
  return new EngineError('BAD_MODEL', { detail });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function numberArray(
  tree: Record<string, unknown>,
  key: string,
  length: number,
  where: string,
): number[] {
  const value = tree[key];
  if (
    !Array.isArray(value) ||
    value.length !== length ||
    value.some((v) => typeof v !== 'number')
  ) {
    throw corrupt(`${where}.${key} must be an array of ${length} numbers`);
  }
  return value as number[];
}

function intArray(
  tree: Record<string, unknown>,
  key: string,
  length: number,
  where: string,
): number[] {
  const values = numberArray(tree, key, length, where);
  if (values.some((v) => !Number.isInteger(v))) throw corrupt(`${where}.${key} must hold integers`);
  return values;
}

function treeFromJson(json: unknown, index: number, numFeatures: number): Tree {
  const where = `trees[${index}]`;
  if (!isRecord(json)) throw corrupt(`${where} is not an object`);
  const { numNodes, numLeaves } = json;
  if (
    !Number.isInteger(numNodes) ||
    (numNodes as number) < 0 ||
    numLeaves !== (numNodes as number) + 1
  ) {
    throw corrupt(`${where} must have numNodes ≥ 0 and numLeaves = numNodes + 1`);
  }
  const n = numNodes as number;
  const splitFeature = intArray(json, 'splitFeature', n, where);
  const leftChild = intArray(json, 'leftChild', n, where);
  const rightChild = intArray(json, 'rightChild', n, where);
  const defaultLeft = intArray(json, 'defaultLeft', n, where);
  const threshold = numberArray(json, 'threshold', n, where);
  // Every leaf is reached exactly once and internal children come after their parent: no cycles.
  const leafSeen = new Uint8Array(n + 1);
  for (let node = 0; node < n; node++) {
    const f = splitFeature[node] as number;
    if (f < 0 || f >= numFeatures) throw corrupt(`${where} node ${node} splits on feature ${f}`);
    if (defaultLeft[node] !== 0 && defaultLeft[node] !== 1) {
      throw corrupt(`${where}.defaultLeft must hold 0 and 1`);
    }
    for (const child of [leftChild[node] as number, rightChild[node] as number]) {
      const leaf = ~child;
      const ok = child >= 0 ? child > node && child < n : leaf <= n && leafSeen[leaf] === 0;
      if (!ok) throw corrupt(`${where} node ${node} has a bad child reference ${child}`);
      if (child < 0) leafSeen[leaf] = 1;
    }
  }
  if (n > 0 && leafSeen.some((seen) => seen !== 1)) throw corrupt(`${where} leaves a leaf unused`);
  return {
    numNodes: n,
    numLeaves: n + 1,
    splitFeature: Int32Array.from(splitFeature),
    threshold: Float64Array.from(threshold),
    defaultLeft: Uint8Array.from(defaultLeft),
    leftChild: Int32Array.from(leftChild),
    rightChild: Int32Array.from(rightChild),
    splitGain: Float64Array.from(numberArray(json, 'splitGain', n, where)),
    nodeCover: Float64Array.from(numberArray(json, 'nodeCover', n, where)),
    leafValue: Float64Array.from(numberArray(json, 'leafValue', n + 1, where)),
    leafCover: Float64Array.from(numberArray(json, 'leafCover', n + 1, where)),
  };
}

/**
 * Reads a model written by `serializeModel`. Text that is not JSON, not a creditlens model, of
 * another format version, with a wrong checksum or an inconsistent structure throws an
 * `EngineError` (code BAD_MODEL) that says which.
 */
export function parseModel(text: string): Model {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(`not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(json) || json.format !== MODEL_FORMAT) {
    const format = isRecord(json) ? JSON.stringify(json.format) : 'missing';
    throw new EngineError('WRONG_FORMAT', {
      format: format ?? 'missing',
      expected: MODEL_FORMAT,
    });
  }
  if (json.version !== MODEL_VERSION) {
    throw new EngineError('MODEL_VERSION', {
      version: String(JSON.stringify(json.version)),
      supported: MODEL_VERSION,
    });
  }
  const { checksum, ...body } = json;
  if (typeof checksum !== 'string' || checksum !== sha256Hex(canonicalJson(body))) {
    throw corrupt('checksum mismatch (the file is damaged or was edited)');
  }
  const { featureNames, objective, baseScore, params, trees, metadata, encoding } = body;
  if (!Array.isArray(featureNames) || featureNames.some((name) => typeof name !== 'string')) {
    throw corrupt('featureNames must be an array of strings');
  }
  if (typeof baseScore !== 'number') throw corrupt('baseScore must be a number');
  if (!isRecord(params)) throw corrupt('params must be an object');
  let resolved: Params;
  try {
    resolved = resolveParams(params);
  } catch (error) {
    throw corrupt(`params: ${(error as Error).message}`);
  }
  if (objective !== resolved.objective) throw corrupt('objective differs from params.objective');
  if (!Array.isArray(trees)) throw corrupt('trees must be an array');
  if (!isRecord(metadata)) throw corrupt('metadata must be an object');
  if (encoding !== undefined && !isRecord(encoding)) throw corrupt('encoding must be an object');
  return {
    featureNames: Object.freeze([...(featureNames as string[])]),
    objective: resolved.objective,
    baseScore,
    params: resolved,
    trees: trees.map((tree, i) => treeFromJson(tree, i, featureNames.length)),
    metadata: metadata as unknown as TrainingMetadata,
    ...(encoding === undefined ? {} : { encoding }),
  };
}
