/**
 * The engine's error catalogue: every error it reports about the caller's input (a parameter, a
 * matrix, labels, a model file), with a stable code, a message template ("{name}" placeholders)
 * and a one-line doc. docs/errors.md lists the same codes; errors.test.ts keeps the two in step and
 * checks every code is thrown somewhere. The engine imports nothing of ours, so this file has its
 * own template helpers (src/data/errors.ts holds the same for the layers above).
 */

/** The names of the "{name}" placeholders of a message template, as a union. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

export const ENGINE_ERRORS = {
  // Parameters (params.ts)
  UNKNOWN_PARAM: {
    message: 'unknown param {name}',
    doc: 'a parameter name that is neither a canonical name nor an alias (docs/params.md)',
  },
  BAD_PARAM: {
    message: 'invalid param {name}: {value} (must be {rule})',
    doc: 'a parameter value of the wrong type or out of its range',
  },
  PARAM_TWICE: {
    message: 'param {name} given twice (as {first} and as {second}); give it once',
    doc: 'a parameter given under two of its names',
  },
  NO_VALIDATION_SET: {
    message: '{param} needs a validation set (valid)',
    doc: 'early stopping asked for without validation data',
  },
  // Matrices and training data
  BAD_MATRIX_SHAPE: {
    message: 'invalid matrix shape {numRows} × {numCols}',
    doc: 'a row or column count that is not a whole number ≥ 0',
  },
  MATRIX_SIZE: {
    message: 'matrix has {count} values, expected {numRows} rows × {numCols} columns = {expected}',
    doc: "a matrix's values do not fill its rows × columns",
  },
  COLUMN_LENGTH: {
    message: 'column {column} has {count} values, column 0 has {expected}',
    doc: 'columns of different lengths given to build a matrix',
  },
  FEATURE_COUNT: {
    message: '{what} has {count} features, {expected}',
    doc: 'a row or matrix with another number of features than the model, bins or training data',
  },
  FEATURE_NAMES: {
    message: '{count} feature names given, {expected}',
    doc: 'a list of feature names of the wrong length',
  },
  DUPLICATE_FEATURE: {
    message: 'feature name "{name}" appears twice',
    doc: 'two features with the same name',
  },
  ROW_COUNT: {
    message: '{what}: {count} {items} for {rows} rows',
    doc: 'labels or weights of another length than the rows',
  },
  NO_ROWS: {
    message: 'training data has no rows',
    doc: 'training asked for on an empty matrix',
  },
  BAD_LABEL: {
    message: 'label of row {row} is {label}; {rule}',
    doc: 'a label the objective cannot use (not 0/1 for binary:logistic, not finite)',
  },
  BAD_WEIGHT: {
    message: '{what}: weight of row {row} is {weight}; it must be > 0',
    doc: 'a row weight that is not a finite number > 0',
  },
  // Model files (model.ts, xgboost/)
  BAD_MODEL: {
    message: 'invalid model file: {detail}',
    doc: 'a creditlens model file that is not valid JSON, malformed, or fails its checksum',
  },
  NOT_A_MODEL: {
    message:
      'not a model file: expected a creditlens model ("format": "creditlens-gbdt") or an XGBoost JSON model (save_model("model.json"))',
    doc: 'JSON that is neither a creditlens model nor an XGBoost JSON model',
  },
  WRONG_FORMAT: {
    message: 'not a creditlens model: format is {format}, expected "{expected}"',
    doc: 'a JSON file with another "format" than a creditlens model',
  },
  MODEL_VERSION: {
    message: 'unsupported model version {version}; this build reads version {supported}',
    doc: 'a model file written by another version of the format',
  },
  BAD_XGBOOST_MODEL: {
    message: 'invalid XGBoost model: {detail}',
    doc: 'an XGBoost JSON model with a missing or malformed field (the path is named)',
  },
  UNSUPPORTED_MODEL: {
    message: 'unsupported XGBoost model: {detail}',
    doc: 'an XGBoost model using what the engine does not serve (an objective, categorical splits…)',
  },
  // Threads
  WORKER_FAILED: {
    message: 'an engine worker thread {problem}',
    doc: 'a histogram or prediction worker thread crashed or stopped responding (out of memory?)',
  },
} as const satisfies Record<string, { readonly message: string; readonly doc: string }>;

export type EngineErrorCode = keyof typeof ENGINE_ERRORS;

/** What `new EngineError(code, params)` takes: a value for every placeholder of the template. */
export type EngineErrorParams<C extends EngineErrorCode> = {
  readonly [K in Placeholders<(typeof ENGINE_ERRORS)[C]['message']>]: string | number;
};

/**
 * An error of the engine naming what is wrong in the caller's input. `userFacing` tells the CLI
 * and API to show the message without a stack trace, like `DataError` in the data layer.
 */
export class EngineError<C extends EngineErrorCode = EngineErrorCode> extends Error {
  override name = 'EngineError';
  readonly userFacing = true;
  constructor(
    /** Stable code, a key of ENGINE_ERRORS. */
    readonly code: C,
    params: EngineErrorParams<C>,
  ) {
    const values = params as Readonly<Record<string, unknown>>;
    super(
      ENGINE_ERRORS[code].message.replace(/\{(\w+)\}/g, (whole, key: string) =>
        values[key] === undefined ? whole : String(values[key]),
      ),
    );
  }
}
