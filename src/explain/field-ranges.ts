/**
 * Plausible ranges of the raw application fields a what-if may change. The data layer checks
 * type and category set (validateApplication); this adds the range, so a typo such as a negative
 * amount or an age of 300 years is refused with the field named instead of scored.
 */
import { DataError } from '../data/errors.ts';
import { APPLICATION_TEST_COLUMNS, DAYS_SENTINEL } from '../data/schema.ts';

interface Range {
  readonly min: number;
  readonly max: number;
  /** Also accepted outside the range (DAYS_EMPLOYED's "no employment" sentinel). */
  readonly special?: number;
}

/** Explicit ranges; other columns follow the rules of rangeOf. */
const RANGES: Readonly<Record<string, Range>> = {
  AMT_CREDIT: { min: 1, max: 1e8 },
  AMT_ANNUITY: { min: 1, max: 1e7 },
  AMT_INCOME_TOTAL: { min: 1, max: 1e9 },
  CNT_CHILDREN: { min: 0, max: 20 },
  CNT_FAM_MEMBERS: { min: 1, max: 25 },
  // 18 to 100 years before the application.
  DAYS_BIRTH: { min: -36525, max: -6570 },
  DAYS_EMPLOYED: { min: -36525, max: 0, special: DAYS_SENTINEL },
  HOUR_APPR_PROCESS_START: { min: 0, max: 23 },
  OWN_CAR_AGE: { min: 0, max: 100 },
  REGION_RATING_CLIENT: { min: 1, max: 3 },
  REGION_RATING_CLIENT_W_CITY: { min: 1, max: 3 },
};

const KINDS = new Map(APPLICATION_TEST_COLUMNS.map((c) => [c.name, c.kind]));

/** The range of a numeric application column, or null when none applies. */
export function rangeOf(column: string): Range | null {
  const explicit = RANGES[column];
  if (explicit) return explicit;
  const kind = KINDS.get(column);
  if (kind !== 'int' && kind !== 'num') return null;
  if (column.startsWith('FLAG_') || column.startsWith('REG_') || column.startsWith('LIVE_')) {
    return { min: 0, max: 1 };
  }
  if (column.startsWith('EXT_SOURCE_')) return { min: 0, max: 1 };
  if (column.startsWith('DAYS_')) return { min: -36525, max: 0 };
  if (column.startsWith('AMT_') || column.startsWith('CNT_') || column.includes('_CNT_')) {
    return { min: 0, max: 1e9 };
  }
  return null;
}

/** Throws DataError naming the field when a numeric value lies outside its range. */
export function checkFieldRange(column: string, value: string | number | null): void {
  if (value === null || value === '') return;
  const range = rangeOf(column);
  if (!range) return;
  const n = typeof value === 'number' ? value : Number(value);
  if (Number.isNaN(n)) return; // validateApplication names non-numbers
  if (n === range.special) return;
  if (!(n >= range.min && n <= range.max)) {
    throw new DataError('OUT_OF_RANGE', {
      column,
      value: String(value),
      number: n,
      min: range.min,
      max: range.max,
    });
  }
}
