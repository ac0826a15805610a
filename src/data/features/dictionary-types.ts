/** The shape of a feature dictionary entry, and the fixed sets of themes and units. */

/** Themes group features into topics a non-expert recognises (explanations are told by theme). */
export const THEMES = [
  'external scores',
  'repayment history',
  'credit bureau',
  'previous applications',
  'income and charges',
  'requested loan',
  'profile',
  'employment',
  'housing',
  'documents and contact',
  'region',
] as const;
export type Theme = (typeof THEMES)[number];

export const UNITS = [
  'days',
  'years',
  'months',
  'hours',
  'currency',
  'ratio',
  'count',
  'flag',
  'score',
  'level',
  'rank',
] as const;
export type Unit = (typeof UNITS)[number];

export interface FeatureEntry {
  /** Column name in the feature table. */
  name: string;
  /** Short label in French, for applicants and advisers. */
  label_fr: string;
  /** The same label in English. */
  label_en: string;
  theme: Theme;
  /** Stored table(s) the feature comes from, e.g. "application" or "bureau, bureau_balance". */
  source_table: string;
  unit: Unit;
  /** The applicant can change it for this application (amount, annuity or term, goods price). */
  actionable: boolean;
  /** Cannot change (age, gender, past history): never proposed as recourse. */
  immutable: boolean;
  /** A protected attribute or derived from one (gender, age, family status): fairness checks. */
  sensitive: boolean;
  /** How it is computed, in English. */
  description: string;
}

/** Flags as a compact string: "a" actionable, "i" immutable, "s" sensitive. */
export type Tags = '' | 'a' | 'i' | 's' | 'is';

export function makeEntry(
  name: string,
  labels: readonly [fr: string, en: string],
  where: { theme: Theme; source: string; unit: Unit },
  description: string,
  tags: Tags = '',
): FeatureEntry {
  return {
    name,
    label_fr: labels[0],
    label_en: labels[1],
    theme: where.theme,
    source_table: where.source,
    unit: where.unit,
    actionable: tags.includes('a'),
    immutable: tags.includes('i'),
    sensitive: tags.includes('s'),
    description,
  };
}
