/**
 * The application feature group evaluated on one row in memory, from the same SQL text the batch
 * runs: the ingestion cleaning (cleanSelectList: sentinel to NULL, DAYS_EMPLOYED_ANOM), then
 * application.sql with its category encodings filled in as the batch fills them and the macros of
 * macros.sql expanded. No formula is copied here: edit the SQL and this follows, or throws at
 * compile time naming what it cannot follow.
 */
import { APPLICATION_TEST_COLUMNS } from '../../schema.ts';
import { cleanSelectList, SQL_TYPE, storedColumns } from '../../stored-schema.ts';
import { type RawApplication, validateApplication } from '../application-input.ts';
import { applicationFeaturesSql, macrosSql } from '../groups.ts';
import { RowSqlError } from './lexer.ts';
import { parseMacros, parseSelect } from './parser.ts';
import { compileSelect, type InputColumn } from './select.ts';
import type { SqlType } from './values.ts';

/** The name the one-row relation goes by in the compiled SQL. */
const RELATION = 'application_row';

const KNOWN_TYPES: ReadonlySet<string> = new Set<SqlType>([
  'DOUBLE',
  'INTEGER',
  'BIGINT',
  'VARCHAR',
  'BOOLEAN',
]);

function typed(columns: readonly { name: string; type: string }[]): InputColumn[] {
  return columns.map(({ name, type }) => {
    if (!KNOWN_TYPES.has(type))
      throw new RowSqlError(`column ${name} has unsupported type ${type}`);
    return { name, type: type as SqlType };
  });
}

export interface ApplicationFeatureProgram {
  /** Output names in SQL order (SK_ID_CURR first, then the features). */
  readonly names: readonly string[];
  /** The outputs of one validated application (validateApplication's values), NULL as null. */
  run(values: readonly (string | number | null)[]): (number | null)[];
}

/** Compiles the cleaning and the application SQL; throws RowSqlError for what it cannot follow. */
export function compileApplicationFeatures(): ApplicationFeatureProgram {
  const raw = typed(
    APPLICATION_TEST_COLUMNS.map((c) => ({ name: c.name, type: SQL_TYPE[c.kind] })),
  );
  const clean = compileSelect(
    parseSelect(`SELECT ${cleanSelectList('application_test', 'raw')} FROM ${RELATION} AS raw`),
    RELATION,
    raw,
  );
  const stored = typed(storedColumns('application_test'));
  stored.forEach((c, i) => {
    const type = clean.types[i];
    if (clean.names[i] !== c.name || (type !== c.type && type !== 'NULL')) {
      throw new RowSqlError(
        `the cleaning gives ${clean.names[i]} ${type}, the stored table has ${c.name} ${c.type}`,
      );
    }
  });
  if (clean.names.length !== stored.length) {
    throw new RowSqlError('the cleaning and the stored table have different columns');
  }
  const features = compileSelect(
    parseSelect(applicationFeaturesSql(RELATION), parseMacros(macrosSql())),
    RELATION,
    stored,
  );
  features.types.forEach((type, i) => {
    if (type === 'VARCHAR') {
      throw new RowSqlError(
        `feature ${features.names[i]} is text: the feature table holds numbers`,
      );
    }
  });
  return {
    names: features.names,
    run: (values) =>
      features
        .run(clean.run(values))
        .map((v) => (v === null ? null : typeof v === 'boolean' ? Number(v) : (v as number))),
  };
}

let program: ApplicationFeatureProgram | null = null;

/** The compiled program, built on first use and kept (the SQL files do not change at run time). */
export function applicationFeatureProgram(): ApplicationFeatureProgram {
  program ??= compileApplicationFeatures();
  return program;
}

/**
 * The application features of one raw application (as featuresForApplication takes it), in
 * memory. Throws DataError naming the first invalid field, as validateApplication does.
 */
export function applicationFeatures(application: RawApplication): {
  names: readonly string[];
  values: (number | null)[];
} {
  const p = applicationFeatureProgram();
  return { names: p.names, values: p.run(validateApplication(application)) };
}
