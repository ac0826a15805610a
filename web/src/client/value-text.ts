/**
 * How each panel of the client's file writes a value, all through web/src/format: the profile's
 * rows, the waterfall's theme detail, the comparisons (axes, quantiles, bins, scatter, the
 * similar clients' table). Named here so test/format/one-text.test.ts can render one value through every
 * panel and hold them to the API's sentence.
 */
import type { Contribution, FileValue } from '../api/types.ts';
import {
  formatCategory,
  formatFeatureValue,
  type Language,
  labelForValue,
  type ValueUnit,
} from '../format/index.ts';

/** A category's words from GET /api/categories (useCategories().label). */
export type CategoryWords = (column: string, value: string | null, language: Language) => string;

/** A row of the profile: a number by its unit, a category in the file's words. */
export function fileValueText(v: FileValue, language: Language): string {
  return v.unit === null
    ? formatCategory(v.category, language, { fr: v.category_fr, en: v.category_en })
    : formatFeatureValue(v.name, v.value, v.unit, language);
}

/** The label of a row of the profile or of a theme's detail, without a unit the value says. */
export function rowLabel(label: string, unit: FileValue['unit'] | Contribution['unit']): string {
  return labelForValue(label, unit);
}

/** A unit of a theme's detail: a number by its unit, a categorical's category in the API's words. */
export function contributionValueText(
  c: Contribution,
  language: Language,
  words?: CategoryWords,
): string {
  if (c.unit === 'category') {
    return formatCategory(c.category, language, words?.(c.key, c.category, language));
  }
  return formatFeatureValue(c.key, c.value, c.unit, language);
}

/**
 * A value of a comparison (an axis label, a bin's edge, a quantile, a mean of the similar clients,
 * a scatter's point): the same text as the profile and the reasons. A missing figure (withheld from
 * a customer, none in the group) reads as a dash, as the tables' other empty cells do.
 */
export function comparisonValueText(
  feature: string,
  value: number | null | undefined,
  unit: ValueUnit | null | undefined,
  language: Language,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return formatFeatureValue(feature, value, unit, language);
}
