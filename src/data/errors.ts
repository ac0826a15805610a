/**
 * The data layer's error catalogue: every mistake it finds in the user's files, options or
 * application fields, with a stable code, a message template ("{name}" placeholders) and a
 * one-line doc. docs/errors.md lists the same codes; errors.test.ts keeps the two in step and
 * checks every code is thrown somewhere. Throw `new DataError(code, params)`: the compiler checks
 * the code and that params fill every placeholder of its template.
 *
 * The template helpers below are shared by the catalogues above the data layer (src/model,
 * src/api/config.ts); the engine keeps its own copy, as it imports nothing of ours.
 */

/** The names of the "{name}" placeholders of a message template, as a union. */
export type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** A value for every placeholder of a message template. */
export type TemplateValues<T extends string> = { readonly [K in Placeholders<T>]: string | number };

/** Renders a template: "{name}" becomes values.name; a placeholder without a value stays as is. */
export function renderTemplate(
  template: string,
  values: Readonly<Record<string, unknown>>,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    values[key] === undefined ? whole : String(values[key]),
  );
}

/** One catalogue entry: the message template and what the error means, for docs/errors.md. */
export interface CatalogueEntry {
  readonly message: string;
  readonly doc: string;
}

export const DATA_ERRORS = {
  // Files and directories
  MISSING_DIR: {
    message: '{file} is not a directory: expected the Kaggle CSV files',
    doc: 'the directory to ingest does not exist or is a file',
  },
  MISSING_FILE: {
    message: 'missing {file} in {dir}: {need}',
    doc: 'a file that must be in the directory is not (application_train.csv, or application_test.csv alone)',
  },
  READ_ERROR: {
    message: 'cannot read {file}: {reason}',
    doc: 'a file to compare (realism report) is missing or cannot be read',
  },
  EMPTY_FILE: {
    message: '{file} is empty: expected at least a header line',
    doc: 'a CSV file has no header line',
  },
  BINARY_FILE: {
    message: '{file} is not a text file: it holds binary data (a zero byte at offset {offset})',
    doc: 'a CSV file holds binary data (a zip or spreadsheet saved under a .csv name)',
  },
  BAD_ENCODING: {
    message: '{at} {problem}: save it as UTF-8 (the Kaggle files are UTF-8)',
    doc: 'a CSV file, or one of its lines, is UTF-16 or not valid UTF-8',
  },
  WRONG_DELIMITER: {
    message:
      "{file}: the header is separated by {delimiter}, expected ',' (comma) as in the Kaggle files",
    doc: 'the header line is separated by semicolons, tabs or pipes instead of commas',
  },
  BAD_HEADER: {
    message: '{file}: the header {problem}',
    doc: 'the header line names a column twice (any case), or does not end within the first MiB',
  },
  MISSING_COLUMN: {
    message: '{file}: missing {columns} ({count} of the {total} Kaggle columns of {table})',
    doc: 'a Kaggle file lacks some of its columns (the first five missing are named)',
  },
  // Rows and values
  EMPTY_KEY: {
    message: '{at}: the key {column} is empty',
    doc: 'a row has no value in a key column (SK_ID_CURR, SK_ID_BUREAU, SK_ID_PREV)',
  },
  BAD_VALUE: {
    message: '{at}, column {column}: "{shown}" is not {expected}',
    doc: 'a cell of a numeric or key column is not a number (file, line, column and value named)',
  },
  RAGGED_ROW: {
    message:
      '{at}: {found} fields where the header has {expected} ({which}; an unquoted comma or a cut-off line?)',
    doc: 'a row has more or fewer fields than the header',
  },
  BAD_ROW: {
    message: '{at}: {detail}',
    doc: 'a row DuckDB could not read for another reason (an unterminated quote…), with its message',
  },
  BAD_CSV: {
    message: '{at}: {detail}',
    doc: 'a line of a CSV file read whole (the realism report) is not valid CSV',
  },
  BAD_FILE: {
    message: '{at}: cannot be read as CSV: {detail}',
    doc: 'DuckDB could not read a file as CSV at all, with its first message line',
  },
  DUPLICATE_KEY: {
    message: 'duplicate {column} {value}: {found}',
    doc: 'a unique key repeats within a file, or a client is in both application_train and application_test',
  },
  NOT_APPLICATION_FILE: {
    message: '{file} is not an application file: no SK_ID_CURR',
    doc: 'the real sample given to the realism report is not an application table',
  },
  INTERRUPTED: {
    message: 'ingest interrupted: {outcome}',
    doc: 'the ingest was stopped (Ctrl-C, SIGTERM); the previous database is unchanged',
  },
  // Options
  BAD_OPTION: {
    message: 'invalid {name}: {value} (expected {expected})',
    doc: 'a count or size option of generate, or a bin count of a distribution, is out of range',
  },
  NOTHING_TO_GENERATE: {
    message: 'nothing to generate: 0 clients in all',
    doc: 'generate was asked for no training and no test clients',
  },
  // The feature table
  NO_FEATURES: {
    message: 'the database {db} has no feature table: run `creditlens features` first',
    doc: 'the database has no features table yet',
  },
  EXPORT_TARGET: {
    message:
      '{dir} exists and is not a creditlens export: give a new folder (or a previous export, which is replaced)',
    doc: '`export --parquet DIR` was given a file or a folder that a previous export did not write',
  },
  MISSING_FEATURE: {
    message: 'the feature table lacks {count} feature(s) the model needs: {names}',
    doc: 'a model needs features the feature table does not have (built by another version?)',
  },
  UNKNOWN_FEATURE: {
    message: 'unknown feature {column}',
    doc: 'a feature name that is not a column of the feature table',
  },
  UNKNOWN_CLIENT: {
    message: 'unknown client {value}',
    doc: 'no client with this SK_ID_CURR in the data',
  },
  BAD_CLIENT_ID: {
    message: 'client id must be a whole number, got {value}',
    doc: 'a client id (SK_ID_CURR) that is not a whole number',
  },
  // Application fields (what-if, new application)
  UNKNOWN_FIELD: {
    message: 'unknown application field {column}',
    doc: 'a field that is not a column of application_test.csv',
  },
  DERIVED_FIELD: {
    message: 'application field {column} is derived: pass {source} instead',
    doc: 'a field computed at ingestion (DAYS_EMPLOYED_ANOM) was given',
  },
  MISSING_FIELD: {
    message: 'application field {column} is required',
    doc: 'a new application lacks a field the score needs',
  },
  FIXED_FIELD: {
    message: 'application field {column} cannot be changed in a what-if',
    doc: "a what-if tried to change the client's id",
  },
  BAD_FIELD: {
    message: 'application field {column}: expected {expected}, got {shown}',
    doc: 'a field of the wrong type: text in a number, a number for a category, an object…',
  },
  UNKNOWN_CATEGORY: {
    message: 'application field {column}: unknown category {shown} (expected one of {allowed})',
    doc: 'a categorical field with a value outside its closed set',
  },
  OUT_OF_RANGE: {
    message: 'application field {column} out of range: must be {allowed}; got {shown}',
    doc: 'a numeric field outside its range (src/data/features/application-fields.ts, docs/application-fields.md)',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type DataErrorCode = keyof typeof DATA_ERRORS;

/**
 * Where the problem is: file, 1-based line, column name, offending value, when known (DataError,
 * and ModelError in src/model).
 */
export interface ErrorWhere {
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
  readonly value?: string;
}

/**
 * What `new DataError(code, params)` takes: a value for every placeholder of the code's template,
 * plus any of file, line, column and value, which also make up `where`.
 */
export type DataErrorParams<C extends DataErrorCode> = TemplateValues<
  (typeof DATA_ERRORS)[C]['message']
> &
  ErrorWhere;

/**
 * An error of the data layer naming what is wrong in the user's input. `userFacing` tells the
 * CLI (and the API) to show the message as is, without a stack trace.
 */
export class DataError<C extends DataErrorCode = DataErrorCode> extends Error {
  override name = 'DataError';
  readonly userFacing = true;
  /** Where: file, 1-based line, column name, offending value, when known. */
  readonly where: ErrorWhere;
  constructor(
    /** Stable code, a key of DATA_ERRORS. */
    readonly code: C,
    params: DataErrorParams<C>,
    options?: ErrorOptions,
  ) {
    super(renderTemplate(DATA_ERRORS[code].message, params), options);
    this.where = whereOf(params);
  }
}

/** The file, line, column and value among `params`, without the absent ones. */
export function whereOf(params: ErrorWhere): ErrorWhere {
  const { file, line, column, value } = params;
  return {
    ...(file === undefined ? {} : { file }),
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
    ...(value === undefined ? {} : { value }),
  };
}
