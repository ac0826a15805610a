/**
 * A feature's value as a person reads it, one way per unit of the feature dictionary
 * (src/data/features/dictionary-types.ts): a delay as "12 jours", a date counted from the
 * application as "il y a 3 ans" or "dans 2 mois", an age or a seniority as "45 ans", an amount as
 * "12 500 €", a ratio as "35 %", a flag as oui / non, a score as "0,46", a category in the API's
 * words. Every panel writes values through here: the profile, the waterfall's themes, the
 * comparisons' axes and tables, the similar clients, the what-if.
 *
 * The API's sentences (src/explain/format.ts, which the browser does not import) write the same
 * value the same way: test/format/one-text.test.ts renders values of every unit through both, and through each
 * panel's helper, and asserts one text.
 */
import type { ContributionUnit } from '../api/types.ts';
import { type Language, LOCALES } from './numbers.ts';

/** A dictionary unit (a categorical has none: its value is a category). */
export type ValueUnit = Exclude<ContributionUnit, 'category'>;

const NUMBER: Record<Language, Intl.NumberFormat[]> = {
  fr: [0, 1, 2].map((d) => new Intl.NumberFormat(LOCALES.fr, { maximumFractionDigits: d })),
  en: [0, 1, 2].map((d) => new Intl.NumberFormat(LOCALES.en, { maximumFractionDigits: d })),
};

const PLURAL: Record<Language, Intl.PluralRules> = {
  fr: new Intl.PluralRules(LOCALES.fr),
  en: new Intl.PluralRules(LOCALES.en),
};

/** At most `digits` decimals, negatives with a true minus sign. */
function number(value: number, language: Language, digits: 0 | 1 | 2 = 0): string {
  return (NUMBER[language][digits] as Intl.NumberFormat).format(value).replace(/^-/, '\u2212');
}

/** Fewer decimals as numbers grow: 1 234, 12, 3,4, 0,45. */
function adaptive(value: number, language: Language): string {
  const size = Math.abs(value);
  return number(value, language, size >= 10 ? 0 : size >= 1 ? 1 : 2);
}

const WORDS = {
  fr: { day: ['jour', 'jours'], month: ['mois', 'mois'], year: ['an', 'ans'] },
  en: { day: ['day', 'days'], month: ['month', 'months'], year: ['year', 'years'] },
} as const;

function counted(n: number, language: Language, unit: 'day' | 'month' | 'year'): string {
  const [one, other] = WORDS[language][unit];
  return `${number(n, language)} ${PLURAL[language].select(n) === 'one' ? one : other}`;
}

const DAYS_PER_YEAR = 365.25;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

/**
 * A length of time in days, without its sign: whole years from two years on, whole months from 61
 * days, else days; years and months completed, as an age is said.
 */
export function formatDuration(days: number, language: Language): string {
  const d = Math.abs(days);
  if (d / DAYS_PER_YEAR >= 2) return counted(Math.floor(d / DAYS_PER_YEAR), language, 'year');
  if (d >= 61) return counted(Math.floor(d / DAYS_PER_MONTH), language, 'month');
  return counted(Math.round(d), language, 'day');
}

/** A difference in days that may be negative (paid early): "−5 jours"; no sign on "0 jour". */
function signedDuration(days: number, language: Language): string {
  return days <= -0.5 ? `\u2212${formatDuration(days, language)}` : formatDuration(days, language);
}

const SAME_DAY = { fr: 'le jour même de la demande', en: 'on the day of the application' } as const;

/** A date counted in days from the application. */
function relativeDate(days: number, language: Language): string {
  if (Math.round(days) === 0) return SAME_DAY[language];
  const span = formatDuration(days, language);
  if (days < 0) return language === 'fr' ? `il y a ${span}` : `${span} ago`;
  return language === 'fr' ? `dans ${span}` : `in ${span}`;
}

function currency(amount: number, language: Language): string {
  const n = number(Math.round(amount), language);
  if (language === 'fr') return `${n} €`;
  return n.startsWith('\u2212') ? `\u2212€${n.slice(1)}` : `€${n}`;
}

/** A share (0.35) as a percentage, one decimal below 10 %: "35 %", "5,2 %". */
export function formatShare(share: number, language: Language): string {
  const pct = share * 100;
  const text = number(pct, language, Math.abs(pct) >= 10 || pct === 0 ? 0 : 1);
  return language === 'fr' ? `${text}\u202f%` : `${text}%`;
}

export const MISSING = { fr: 'non renseigné', en: 'not provided' } as const;
export const NO_HISTORY = { fr: 'aucun historique', en: 'no history on record' } as const;

/** Aggregates of a history table (bureau, previous applications, …): missing means none. */
const HISTORY_PREFIX = /^(BUREAU|PREV|POS|INST|CC)_/;

/** A value of the given unit; null, undefined or NaN reads "non renseigné" / "not provided". */
export function formatValue(
  value: number | null | undefined,
  unit: ValueUnit | null | undefined,
  language: Language,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING[language];
  const fr = language === 'fr';
  switch (unit) {
    case 'days':
      return signedDuration(value, language);
    case 'date':
      return relativeDate(value, language);
    case 'elapsed':
      return formatDuration(value, language);
    case 'years':
      return signedDuration(value * DAYS_PER_YEAR, language);
    case 'months':
      return counted(Math.round(value), language, 'month');
    case 'hours':
      return fr ? `${number(value, language)} h` : `${number(value, language)}:00`;
    case 'currency':
      return currency(value, language);
    case 'ratio':
      return formatShare(value, language);
    case 'flag':
      if (value === 1) return fr ? 'oui' : 'yes';
      if (value === 0) return fr ? 'non' : 'no';
      // A group's mean of a flag is the share holding it.
      return formatShare(value, language);
    case 'score':
      return number(value, language, 2);
    default:
      return adaptive(value, language);
  }
}

/**
 * A feature's value: as its unit says, but a missing history aggregate reads "aucun historique"
 * (the client has no such history), as the API's reasons say it.
 */
export function formatFeatureValue(
  feature: string,
  value: number | null | undefined,
  unit: ValueUnit | null | undefined,
  language: Language,
): string {
  if (
    (value === null || value === undefined || Number.isNaN(value)) &&
    HISTORY_PREFIX.test(feature)
  )
    return NO_HISTORY[language];
  return formatValue(value, unit, language);
}

/**
 * A category in words: the API's wording in the current language when there is one (the file's
 * category_fr / category_en, GET /api/categories), else Y / N as yes / no, else as recorded; a
 * missing one reads "non renseigné".
 */
export function formatCategory(
  category: string | null | undefined,
  language: Language,
  words?: { fr?: string | null; en?: string | null } | string | null,
): string {
  if (category === null || category === undefined || category === '') return MISSING[language];
  const worded = typeof words === 'string' ? words : words?.[language];
  if (worded && worded !== category) return worded;
  if (category === 'Y') return language === 'fr' ? 'oui' : 'yes';
  if (category === 'N') return language === 'fr' ? 'non' : 'no';
  return worded ?? category;
}

/**
 * "Âge (jours avant la demande)" → "Âge", "Âge de la voiture (années)" → "Âge de la voiture": once
 * the value reads "il y a 3 ans" or "9 ans", the unit in the label is noise (the API's reasons
 * drop it the same way).
 */
export function labelForValue(label: string, unit: ContributionUnit | null | undefined): string {
  if (unit === 'days' || unit === 'date' || unit === 'elapsed')
    return label.replace(/\s*\((jours|days)\b[^)]*\)/gi, '').trim();
  if (unit === 'years') return label.replace(/\s*\((années|ans|years)\)/gi, '').trim();
  return label;
}
