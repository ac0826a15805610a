/**
 * Validation of one raw application (as in the CSV: numbers as numbers, categories as strings,
 * missing as null) before it is scored: each field must be a known column of the right type, and
 * a categorical with a closed value set must hold one of its values.
 */
import { DataError } from '../errors.ts';
import { APPLICATION_TEST_COLUMNS, type ColumnKind } from '../schema.ts';
import { SQL_TYPE } from '../stored-schema.ts';
import { APPLICATION_VALUE_SETS } from '../value-sets.ts';
import { shownValue } from './application-fields.ts';

export type RawApplication = Record<string, string | number | null>;

const KIND = new Map<string, ColumnKind>(APPLICATION_TEST_COLUMNS.map((c) => [c.name, c.kind]));
const CLOSED_SETS = new Map<string, Set<string>>(
  Object.entries(APPLICATION_VALUE_SETS).map(([column, values]) => [
    column,
    new Set(values.map(([v]) => v)),
  ]),
);
/** Known but not scored: the label of a training row. */
const IGNORED = new Set(['TARGET']);
/** Derived at ingestion from DAYS_EMPLOYED; a caller passing it would bypass the cleaning. */
const DERIVED = new Set(['DAYS_EMPLOYED_ANOM']);

function badValue(column: string, value: unknown, expected: string): DataError {
  return new DataError('BAD_FIELD', {
    column,
    expected,
    shown: shownValue(value),
    value: String(value),
  });
}

/** A decimal number as a CSV writes it ("1000", "-0.5", "2.5e5"); not hex, binary, "Infinity"… */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function toNumber(column: string, value: string | number, integer: boolean): number {
  const n =
    typeof value === 'number' ? value : DECIMAL.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) throw badValue(column, value, 'a number');
  if (integer && !Number.isInteger(n)) throw badValue(column, value, 'a whole number');
  return n;
}

/**
 * The application as one value per application_test column, in column order (absent fields are
 * missing). Throws DataError naming the first bad field.
 */
export function validateApplication(application: RawApplication): (string | number | null)[] {
  for (const column of Object.keys(application)) {
    if (DERIVED.has(column)) {
      throw new DataError('DERIVED_FIELD', {
        column,
        source: 'DAYS_EMPLOYED (365243 = no employment)',
      });
    }
    if (!KIND.has(column) && !IGNORED.has(column)) {
      throw new DataError('UNKNOWN_FIELD', { column });
    }
  }
  return APPLICATION_TEST_COLUMNS.map(({ name, kind }) => {
    const value = application[name] ?? null;
    if (value === null) return null;
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw badValue(name, value, kind === 'cat' ? 'a text category' : 'a number');
    }
    if (kind !== 'cat') {
      if (value === '') return null;
      return toNumber(name, value, kind === 'key');
    }
    if (typeof value !== 'string') throw badValue(name, value, 'a text category');
    if (value === '') return null;
    const closed = CLOSED_SETS.get(name);
    if (closed && !closed.has(value)) {
      throw new DataError('UNKNOWN_CATEGORY', {
        column: name,
        value,
        shown: JSON.stringify(value),
        allowed: [...closed].map((v) => JSON.stringify(v)).join(', '),
      });
    }
    return value;
  });
}

/** The SQL type each validated value is cast to, in the same order. */
export const APPLICATION_SQL_TYPES: readonly string[] = APPLICATION_TEST_COLUMNS.map(
  (c) => SQL_TYPE[c.kind],
);
