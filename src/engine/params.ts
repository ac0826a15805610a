import { EngineError } from './errors.ts';

/** Training objectives, named as in XGBoost. */
export type ObjectiveName = 'binary:logistic' | 'reg:squarederror';
/** Metrics for early stopping; "auto" picks logloss for binary, rmse for regression. */
export type EvalMetricName = 'auto' | 'logloss' | 'auc' | 'rmse';

/** Resolved training parameters: every field present, validated and frozen. */
export interface Params {
  readonly objective: ObjectiveName;
  readonly numRounds: number;
  readonly learningRate: number;
  readonly maxLeaves: number;
  readonly maxDepth: number;
  readonly minChildWeight: number;
  readonly minDataInLeaf: number;
  readonly minSplitGain: number;
  readonly l2: number;
  readonly l1: number;
  readonly subsample: number;
  readonly colsampleByTree: number;
  readonly scalePosWeight: number;
  readonly maxBin: number;
  readonly monotoneConstraints: readonly number[];
  readonly earlyStoppingRounds: number;
  readonly evalMetric: EvalMetricName;
  readonly seed: number;
  readonly nthread: number;
}

type Kind = 'integer' | 'number' | 'enum' | 'constraintList';

/** One row of the parameter table: the single source for validation and docs/params.md. */
export interface ParamSpec<K extends keyof Params = keyof Params> {
  readonly kind: Kind;
  readonly default: Params[K];
  readonly min?: number;
  /** When true, the value must be strictly greater than `min`. */
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly values?: readonly string[];
  readonly aliases: readonly string[];
  readonly doc: string;
}

/** The parameter table. Order here is the order of docs/params.md. */
export const PARAM_TABLE: { readonly [K in keyof Params]: ParamSpec<K> } = {
  objective: {
    kind: 'enum',
    default: 'binary:logistic',
    values: ['binary:logistic', 'reg:squarederror'],
    aliases: ['objective_type'],
    doc: 'Loss to minimise: binary log-loss (labels 0/1) or squared error.',
  },
  numRounds: {
    kind: 'integer',
    default: 100,
    min: 1,
    aliases: ['num_boost_round', 'n_estimators', 'num_iterations', 'num_rounds'],
    doc: 'Number of boosting rounds (one tree per round).',
  },
  learningRate: {
    kind: 'number',
    default: 0.1,
    min: 0,
    minExclusive: true,
    max: 1,
    aliases: ['eta', 'learning_rate', 'shrinkage_rate'],
    doc: 'Shrinkage applied to every leaf value.',
  },
  maxLeaves: {
    kind: 'integer',
    default: 31,
    min: 2,
    max: 65536,
    aliases: ['num_leaves', 'max_leaves'],
    doc: 'Maximum number of leaves per tree (leaf-wise growth, best gain first).',
  },
  maxDepth: {
    kind: 'integer',
    default: 0,
    min: 0,
    aliases: ['max_depth'],
    doc: 'Maximum depth of a tree; 0 means no limit other than maxLeaves.',
  },
  minChildWeight: {
    kind: 'number',
    default: 1,
    min: 0,
    aliases: ['min_child_weight', 'min_sum_hessian_in_leaf'],
    doc: 'Minimum sum of hessians (cover) in each child of a split.',
  },
  minDataInLeaf: {
    kind: 'integer',
    default: 20,
    min: 0,
    aliases: ['min_data_in_leaf', 'min_child_samples'],
    doc: 'Minimum number of training rows in each child of a split.',
  },
  minSplitGain: {
    kind: 'number',
    default: 0,
    min: 0,
    aliases: ['min_gain_to_split'],
    doc: 'Minimum gain to split, checked while growing (as LightGBM; XGBoost gamma prunes after).',
  },
  l2: {
    kind: 'number',
    default: 1,
    min: 0,
    aliases: ['lambda', 'reg_lambda', 'lambda_l2'],
    doc: 'L2 regularisation on leaf values.',
  },
  l1: {
    kind: 'number',
    default: 0,
    min: 0,
    aliases: ['alpha', 'reg_alpha', 'lambda_l1'],
    doc: 'L1 regularisation on leaf values (soft-thresholds the gradient sums).',
  },
  subsample: {
    kind: 'number',
    default: 1,
    min: 0,
    minExclusive: true,
    max: 1,
    aliases: ['bagging_fraction'],
    doc: 'Fraction of rows drawn (Bernoulli, seeded) for each tree.',
  },
  colsampleByTree: {
    kind: 'number',
    default: 1,
    min: 0,
    minExclusive: true,
    max: 1,
    aliases: ['colsample_bytree', 'feature_fraction'],
    doc: 'Fraction of features drawn (seeded, at least one) for each tree.',
  },
  scalePosWeight: {
    kind: 'number',
    default: 1,
    min: 0,
    minExclusive: true,
    aliases: ['scale_pos_weight'],
    doc: 'Weight multiplier for rows with label 1 (binary only), on top of sample weights.',
  },
  maxBin: {
    kind: 'integer',
    default: 255,
    min: 2,
    max: 255,
    aliases: ['max_bin'],
    doc: 'Maximum number of value bins per feature (a missing-value bin comes on top).',
  },
  monotoneConstraints: {
    kind: 'constraintList',
    default: [],
    aliases: ['monotone_constraints'],
    doc: 'Per feature: 1 (non-decreasing), -1 (non-increasing) or 0; shorter lists pad with 0.',
  },
  earlyStoppingRounds: {
    kind: 'integer',
    default: 0,
    min: 0,
    aliases: ['early_stopping_rounds'],
    doc: 'Stop when the validation metric has not improved for this many rounds; 0 turns it off.',
  },
  evalMetric: {
    kind: 'enum',
    default: 'auto',
    values: ['auto', 'logloss', 'auc', 'rmse'],
    aliases: ['eval_metric', 'metric'],
    doc: 'Validation metric for early stopping; auto is logloss (binary) or rmse (regression).',
  },
  seed: {
    kind: 'integer',
    default: 0,
    min: 0,
    max: 4294967295,
    aliases: ['random_state', 'random_seed'],
    doc: 'Seed of the row and column subsampling.',
  },
  nthread: {
    kind: 'integer',
    default: 0,
    min: 0,
    max: 256,
    aliases: ['threads', 'nThreads', 'n_jobs', 'num_threads'],
    doc: 'Threads for training; 0 uses every core when the data is large enough to gain. The model does not depend on it.',
  },
};

/** Parameters as a caller gives them: any subset, under canonical names or aliases. */
export type ParamInput = Partial<Record<keyof Params, unknown>> & Record<string, unknown>;

const PARAM_NAMES = Object.keys(PARAM_TABLE) as (keyof Params)[];

const ALIAS_TO_NAME: ReadonlyMap<string, keyof Params> = (() => {
  const map = new Map<string, keyof Params>();
  for (const name of PARAM_NAMES) {
    map.set(name, name);
    for (const alias of PARAM_TABLE[name].aliases) map.set(alias, name);
  }
  return map;
})();

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
}

function rangeText(spec: ParamSpec): string {
  const parts: string[] = [];
  if (spec.min !== undefined) parts.push(`${spec.minExclusive ? '>' : '≥'} ${spec.min}`);
  if (spec.max !== undefined) parts.push(`≤ ${spec.max}`);
  return parts.join(' and ');
}

function bad(name: string, value: unknown, rule: string): EngineError {
  return new EngineError('BAD_PARAM', { name, value: show(value), rule });
}

function checkNumber(name: string, spec: ParamSpec, value: unknown): number {
  const integer = spec.kind === 'integer';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw bad(name, value, integer ? 'an integer' : 'a finite number');
  }
  if (integer && !Number.isInteger(value)) throw bad(name, value, 'an integer');
  const tooLow =
    spec.min !== undefined && (spec.minExclusive ? value <= spec.min : value < spec.min);
  const tooHigh = spec.max !== undefined && value > spec.max;
  if (tooLow || tooHigh) throw bad(name, value, rangeText(spec));
  return value;
}

function checkValue(name: keyof Params, value: unknown): unknown {
  const spec = PARAM_TABLE[name] as ParamSpec;
  switch (spec.kind) {
    case 'integer':
    case 'number':
      return checkNumber(name, spec, value);
    case 'enum': {
      const values = spec.values ?? [];
      if (typeof value !== 'string' || !values.includes(value)) {
        throw bad(name, value, `one of ${values.join(', ')}`);
      }
      return value;
    }
    case 'constraintList': {
      if (!Array.isArray(value) || value.some((v) => v !== -1 && v !== 0 && v !== 1)) {
        throw bad(name, value, 'an array of -1, 0 and 1');
      }
      return Object.freeze([...value]);
    }
  }
}

/**
 * Validates parameters given under canonical names or aliases, fills in defaults, and returns a
 * frozen `Params`. An unknown name, a name given twice (e.g. eta and learningRate), a wrong type or
 * an out-of-range value throws an `EngineError` naming the parameter.
 */
export function resolveParams(input: ParamInput = {}): Params {
  const given = new Map<keyof Params, string>();
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const name = ALIAS_TO_NAME.get(key);
    if (name === undefined) {
      throw new EngineError('UNKNOWN_PARAM', { name: key });
    }
    const earlier = given.get(name);
    if (earlier !== undefined) {
      throw new EngineError('PARAM_TWICE', { name, first: earlier, second: key });
    }
    given.set(name, key);
    out[name] = checkValue(name, value);
  }
  for (const name of PARAM_NAMES) {
    if (!(name in out)) out[name] = PARAM_TABLE[name].default;
  }
  return Object.freeze(out) as unknown as Params;
}

function formatDefault(value: unknown): string {
  return `\`${JSON.stringify(value)}\``;
}

/** The text of docs/params.md, generated from PARAM_TABLE (a test keeps the file in step). */
export function renderParamsDoc(): string {
  const header = ['Name', 'Type', 'Default', 'Allowed', 'Aliases', 'Meaning'];
  const rows = PARAM_NAMES.map((name) => {
    const spec = PARAM_TABLE[name] as ParamSpec;
    const allowed =
      spec.kind === 'enum'
        ? (spec.values ?? []).map((v) => `\`${v}\``).join(', ')
        : spec.kind === 'constraintList'
          ? '-1, 0, 1 per feature'
          : rangeText(spec) || 'any';
    const type =
      spec.kind === 'constraintList' ? 'integer[]' : spec.kind === 'enum' ? 'string' : spec.kind;
    const aliases = spec.aliases.map((a) => `\`${a}\``).join(', ');
    return [`\`${name}\``, type, formatDefault(spec.default), allowed, aliases, spec.doc];
  });
  // Columns padded to equal width, as the repository's Markdown formatter writes tables.
  const widths = header.map((h, c) =>
    Math.max(3, h.length, ...rows.map((r) => (r[c] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  return [
    '<!-- Generated from src/engine/params.ts by renderParamsDoc(); do not edit by hand. -->',
    '# Training parameters',
    '',
    'Every parameter of the gradient-boosting engine, its default, allowed values and aliases.',
    'Unknown names and out-of-range values are rejected with an error naming the parameter.',
    'Regenerate after editing the table:',
    '`node --import tsx -e "import(\'./src/engine/params.ts\').then((m) => process.stdout.write(m.renderParamsDoc()))" > docs/params.md`',
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}
