/**
 * The model layer's error catalogue: every mistake it finds in the user's files (training and
 * scoring CSVs, model files, the feature table, the model registry) or training options, with a
 * stable code, a message template ("{name}" placeholders) and a one-line doc. docs/errors.md lists
 * the same codes; errors.test.ts keeps the two in step and checks every code is thrown somewhere.
 * Programming mistakes (a metric given arrays of different lengths…) stay RangeError/TypeError.
 */
import {
  type CatalogueEntry,
  type ErrorWhere,
  renderTemplate,
  type TemplateValues,
  whereOf,
} from '../data/errors.ts';

export const MODEL_ERRORS = {
  // Tabular files (fit, predict, explain, train --csv)
  MISSING_FILE: {
    message: 'cannot read {file}: {reason}',
    doc: 'a CSV or model file does not exist or cannot be read',
  },
  EMPTY_FILE: {
    message: '{file} is empty: a header line is required',
    doc: 'a CSV file has no header line',
  },
  NO_STORED_APPLICATIONS: {
    message:
      'no stored application in {window}: save applications first (POST /api/applications, creditlens score --save)',
    doc: '`creditlens monitor --since` found no stored application in the window',
  },
  NO_DATA_ROWS: {
    message: '{file} has a header but no data rows',
    doc: 'a training CSV file has a header and nothing else',
  },
  UNNAMED_COLUMN: {
    message: '{file}: column {index} of the header has no name',
    doc: 'a column of the header is empty',
  },
  DUPLICATE_COLUMN: {
    message: '{file}: column "{column}" appears twice in the header',
    doc: 'two columns of the header have the same name',
  },
  BAD_RECORD: {
    message: '{file} line {line}: {problem}',
    doc: 'a record has more or fewer fields than the header, or a quoted field is never closed',
  },
  CHANGED_FILE: {
    message: '{file} changed while it was being read',
    doc: 'the file changed between the two passes of the read',
  },
  MISSING_COLUMN: {
    message: '{file} has no {role} column "{column}" (columns: {columns})',
    doc: 'the target or id column named by an option is not in the file',
  },
  MISSING_FEATURES: {
    message: "{file} lacks {count} of the model's {total} feature column(s): {names}",
    doc: 'a file to score lacks columns the model needs (all named)',
  },
  NO_FEATURES: {
    message: '{file} has no feature columns besides the target and id',
    doc: 'a training CSV file holds only the target and id columns',
  },
  SAME_COLUMN: {
    message: 'the id and the target are the same column "{column}"',
    doc: 'the id and target options name one column',
  },
  NOT_A_NUMBER: {
    message: '{file} line {line}, column "{column}": "{value}" is not a number ({why})',
    doc: 'text in a column read as numbers (a numeric feature, a regression target)',
  },
  MISSING_TARGET: {
    message: '{file} line {line}: the target "{column}" is missing (every training row needs one)',
    doc: 'a training row has no target value',
  },
  BAD_TARGET: {
    message: '{file}: the target "{column}" must have exactly two classes, found {count}: {labels}',
    doc: 'the target of a binary model has one class, or more than two (the first ten named)',
  },
  UNKNOWN_POSITIVE: {
    message: '--positive "{value}" is not a label of "{column}" (found {labels})',
    doc: 'the label given as positive (default) is not one of the two in the target column',
  },
  // Model files
  BAD_MODEL_FILE: {
    message: '{file}: {detail}',
    doc: "a model file the engine refuses, with the engine's message (the EngineError is the cause)",
  },
  BAD_COLUMN_ENCODING: {
    message: "the model's column encoding is invalid: {detail}",
    doc: "a model file's column encoding (how CSV columns become features) is malformed",
  },
  // The feature table (train without --csv)
  MISSING_TABLE: {
    message: '{file} has no "{table}" table: run `creditlens features` first',
    doc: 'the database has no feature table yet',
  },
  BAD_TABLE: {
    message: 'the "{table}" table of {file} has no {column} column',
    doc: 'the feature table lacks SK_ID_CURR, TARGET or split',
  },
  NO_TRAIN_ROWS: {
    message:
      'the "{table}" table of {file} has no train rows (split = \'train\'): run `creditlens features` on ingested training data first',
    doc: 'the feature table has no row with a known outcome',
  },
  BAD_TARGET_VALUE: {
    message: '{column} of train row {row} in {file} is {value}, not 0 or 1',
    doc: 'a TARGET of the feature table is neither 0 nor 1',
  },
  // Training
  BAD_OPTION: {
    message: 'invalid {name}: {value} (must be {rule})',
    doc: 'a training option (folds, holdoutShare, trials) is out of range',
  },
  NO_EXPLAINABLE_FEATURES: {
    message:
      'none of the {count} features is client-explainable (reason-code catalogue): drop --client-explainable-only',
    doc: 'training on the client-explainable features only, when the data has none (a CSV of other columns)',
  },
  TOO_FEW_ROWS: {
    message:
      'too few rows of a class to cross-validate: {positives} defaults and {negatives} repayments outside the holdout, for {folds} folds',
    doc: 'a class has fewer training rows than there are folds',
  },
  // The model registry
  MISSING_MODELS_DIR: {
    message: 'no models directory at {file} (train a model first: creditlens train)',
    doc: 'the registry directory does not exist: no model was trained yet',
  },
  UNKNOWN_MODEL: {
    message: 'unknown model "{value}" in {dir} ({hint})',
    doc: 'no run with this id, or an ambiguous prefix (the known ids are named)',
  },
  CORRUPT_REGISTRY: {
    message: '{file} is corrupt: {detail}',
    doc: 'registry.json is not valid JSON or not a registry',
  },
  REGISTRY_LOCKED: {
    message:
      'the model registry {dir} is locked by another process (remove {file} if none is running)',
    doc: 'another process held the registry lock for 15 s',
  },
  MISSING_RUN_FILE: {
    message: '{file} is missing',
    doc: 'a file of a registered run (run.json, model.json) is missing',
  },
  CORRUPT_RUN: {
    message: '{file} is corrupt: {detail}',
    doc: "a run's run.json is not valid JSON, not a run record, or of another run",
  },
  RUN_VERSION: {
    message: '{file} has run record version {version}; this creditlens reads version {supported}',
    doc: "a run's record was written by another version of creditlens",
  },
  CORRUPT_MODEL: {
    message: '{file} is corrupt: {detail}',
    doc: "a run's model.json is refused by the engine (with its message)",
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ModelErrorCode = keyof typeof MODEL_ERRORS;

/** A value for every placeholder of the code's template, plus any of file, line, column, value. */
export type ModelErrorParams<C extends ModelErrorCode> = TemplateValues<
  (typeof MODEL_ERRORS)[C]['message']
> &
  ErrorWhere;

/**
 * An error of the model layer naming what is wrong in the user's file or options. `userFacing`
 * tells the CLI (and the API) to show the message as is, without a stack trace.
 */
export class ModelError<C extends ModelErrorCode = ModelErrorCode> extends Error {
  override name = 'ModelError';
  readonly userFacing = true;
  /** Where: file, 1-based line, column name, offending value, when known. */
  readonly where: ErrorWhere;
  constructor(
    /** Stable code, a key of MODEL_ERRORS. */
    readonly code: C,
    params: ModelErrorParams<C>,
    options?: ErrorOptions,
  ) {
    super(renderTemplate(MODEL_ERRORS[code].message, params), options);
    this.where = whereOf(params);
  }
}
