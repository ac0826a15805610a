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

/**
 * How a value is measured, and so how it reads (src/explain/format.ts and the dashboard's
 * web/src/format/ write each unit one way):
 * - `days`: a number of days, a delay or a difference (negative: early, or shorter): "12 jours";
 * - `date`: a date counted in days from the application (negative: before it): "il y a 3 ans",
 *   "dans 2 mois", "le jour même de la demande";
 * - `elapsed`: days before the application read as the time since, an age or a seniority (the
 *   birth, the start of the job): "45 ans";
 * - `years`, `months`, `hours`: a length in years or months, an hour of the day;
 * - `currency`: an amount ("12 500 €"); `ratio`: a share or a ratio, as a percentage;
 * - `count`, `level`, `rank`: a number of things, an ordered level, a rank; `flag`: 1 = yes,
 *   0 = no (a mean of flags is a share); `score`: a normalised score in [0, 1].
 */
export const UNITS = [
  'days',
  'date',
  'elapsed',
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
