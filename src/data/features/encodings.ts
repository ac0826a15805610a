/**
 * Numeric encodings of the application categoricals, derived from the closed value sets in
 * ../value-sets.ts so the SQL and the feature dictionary cannot drift from them:
 * - one-hot columns for every small closed set (an unknown or missing category gives all zeros);
 * - an ordinal for education, where the levels have an order;
 * - a frequency-rank code for ORGANIZATION_TYPE (58 values: too many for one-hot columns).
 */
import { quoteIdent, quoteLiteral } from '../db.ts';
import { APPLICATION_VALUE_SETS } from '../value-sets.ts';

/** Categoricals encoded by rank rather than one-hot (too many values). */
const RANK_ENCODED = 'ORGANIZATION_TYPE';

export interface OneHotColumn {
  /** Feature name, e.g. NAME_INCOME_TYPE__WORKING. */
  name: string;
  column: string;
  value: string;
}

/** "Spouse, partner" → "SPOUSE_PARTNER". */
export function categoryToken(value: string): string {
  return value
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

export const ONE_HOT_COLUMNS: readonly OneHotColumn[] = Object.entries(APPLICATION_VALUE_SETS)
  .filter(([column]) => column !== RANK_ENCODED)
  .flatMap(([column, values]) =>
    values.map(([value]) => ({ name: `${column}__${categoryToken(value)}`, column, value })),
  );

/** Education levels from lowest to highest; the ordinal is the index (unknown → NULL). */
export const EDUCATION_ORDER: readonly string[] = [
  'Lower secondary',
  'Secondary / secondary special',
  'Incomplete higher',
  'Higher education',
  'Academic degree',
];

/** ORGANIZATION_TYPE values, most frequent first; the code is the 0-based rank (unknown → NULL). */
export const ORGANIZATION_ORDER: readonly string[] = (
  APPLICATION_VALUE_SETS[RANK_ENCODED] ?? []
).map(([value]) => value);

function rankCase(column: string, order: readonly string[], alias: string): string {
  const whens = order.map((v, i) => `WHEN ${quoteLiteral(v)} THEN ${i}`).join(' ');
  return `CAST(CASE a.${quoteIdent(column)} ${whens} END AS DOUBLE) AS ${quoteIdent(alias)}`;
}

/**
 * The SELECT items of the encodings, over the application relation aliased `a`. Substituted for
 * the {{CATEGORY_ENCODINGS}} marker of application.sql. Values come from our own constant value
 * sets, never from user input.
 */
export function categoryEncodingSql(): string {
  const items = ONE_HOT_COLUMNS.map(
    (c) =>
      `CAST(coalesce(a.${quoteIdent(c.column)} = ${quoteLiteral(c.value)}, false) AS DOUBLE) AS ${quoteIdent(c.name)}`,
  );
  items.push(rankCase('NAME_EDUCATION_TYPE', EDUCATION_ORDER, 'EDUCATION_LEVEL'));
  items.push(rankCase(RANK_ENCODED, ORGANIZATION_ORDER, 'ORGANIZATION_TYPE_RANK'));
  return items.join(',\n  ');
}
