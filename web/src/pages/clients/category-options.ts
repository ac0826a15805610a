/**
 * The values the search filters offer, as the API stores them (its query enums come from
 * src/data/value-sets.ts), with their French and English wording (the dashboard's copy of
 * src/explain/category-labels.ts, client/compare/category-labels.ts). category-options.test.ts keeps
 * the three in step.
 */
import { CATEGORY_LABELS } from '../../client/compare/category-labels.ts';

type Options = Readonly<Record<string, { fr: string; en: string }>>;

/** One column of the dashboard's category wording, as value → { fr, en }. */
function optionsOf(column: string): Options {
  return Object.fromEntries(
    Object.entries(CATEGORY_LABELS[column] ?? {}).map(([value, [fr, en]]) => [value, { fr, en }]),
  );
}

export const CONTRACT_TYPE_LABELS: Options = optionsOf('NAME_CONTRACT_TYPE');
export const GENDER_LABELS: Options = optionsOf('CODE_GENDER');
export const INCOME_TYPE_LABELS: Options = optionsOf('NAME_INCOME_TYPE');

export const CONTRACT_TYPES = Object.keys(CONTRACT_TYPE_LABELS);
export const GENDERS = Object.keys(GENDER_LABELS);
export const INCOME_TYPES = Object.keys(INCOME_TYPE_LABELS);

/** The wording of a stored value; the value itself when it has none. */
export function optionLabel(labels: Options, value: string | null, language: 'fr' | 'en'): string {
  if (value === null) return '—';
  return labels[value]?.[language] ?? value;
}
