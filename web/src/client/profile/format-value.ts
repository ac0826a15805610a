/**
 * A file value as an applicant reads it, by dictionary unit — the same wording as the API's reason
 * sentences (src/explain/format.ts, which the browser cannot import): days as "il y a 3 ans" (in
 * the past) or "12 jours" (a duration), currency as "12 500 €", ratios as percentages, flags as
 * oui / non; a missing value reads "non renseigné".
 */
import type { Language } from '../../i18n/language.tsx';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

function number(value: number, language: Language, digits: number): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: digits }).format(value);
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

function plural(n: number, language: Language, unit: 'day' | 'month' | 'year'): string {
  const [one, many] = WORDS[language][unit];
  return `${number(n, language, 1)} ${Math.abs(n) < 2 ? one : many}`;
}

/** A length of time given in days, in the largest unit that reads naturally. */
function duration(days: number, language: Language): string {
  const d = Math.abs(days);
  if (d >= 730) return plural(Math.round(d / 365.25), language, 'year');
  if (d >= 61) return plural(Math.round(d / 30.44), language, 'month');
  return plural(Math.round(d), language, 'day');
}

export const MISSING = { fr: 'non renseigné', en: 'not provided' } as const;

/** A numeric value of the given unit (null or NaN: "non renseigné"). */
export function formatValue(value: number | null, unit: string | null, language: Language): string {
  if (value === null || Number.isNaN(value)) return MISSING[language];
  const fr = language === 'fr';
  switch (unit) {
    case 'days': {
      if (value >= 0) return duration(value, language);
      const span = duration(value, language);
      return fr ? `il y a ${span}` : `${span} ago`;
    }
    case 'years':
      return plural(Math.round(value * 10) / 10, language, 'year');
    case 'months':
      return plural(Math.round(value), language, 'month');
    case 'hours':
      return fr ? `${number(value, language, 0)} h` : `${number(value, language, 0)}:00`;
    case 'currency': {
      const n = number(Math.round(value), language, 0);
      return fr ? `${n} €` : `€${n}`;
    }
    case 'ratio':
      return percent(value, language);
    case 'flag':
      if (value === 1) return fr ? 'oui' : 'yes';
      if (value === 0) return fr ? 'non' : 'no';
      return percent(value, language);
    case 'score':
      return number(value, language, 2);
    default:
      return adaptive(value, language);
  }
}

function percent(share: number, language: Language): string {
  const pct = share * 100;
  const text = number(pct, language, Math.abs(pct) >= 10 || pct === 0 ? 0 : 1);
  return language === 'fr' ? `${text} %` : `${text}%`;
}

/**
 * A category in words: the API's wording in the current language when it gives one
 * (category_fr / category_en), else Y / N read as yes / no, else the value as recorded.
 */
export function formatCategory(
  category: string | null | undefined,
  language: Language,
  words?: { fr?: string | null; en?: string | null },
): string {
  if (category === null || category === undefined || category === '') return MISSING[language];
  const worded = words?.[language];
  if (worded) return worded;
  if (category === 'Y') return language === 'fr' ? 'oui' : 'yes';
  if (category === 'N') return language === 'fr' ? 'non' : 'no';
  return category;
}

/** Features in days before the application that read better as an age (as the API's reasons). */
const AGE_IN_DAYS = new Set(['DAYS_BIRTH']);

/** A field's value as the reasons word it: the age in years, everything else by its unit. */
export function formatField(
  name: string,
  value: number | null,
  unit: string | null,
  language: Language,
): string {
  if (AGE_IN_DAYS.has(name) && value !== null)
    return formatValue(Math.abs(value) / 365.25, 'years', language);
  return formatValue(value, unit, language);
}

/**
 * "Âge (jours avant la demande)" → "Âge": once a value in days reads "il y a 3 ans" the unit in
 * the label is noise (the API's reasons drop it the same way).
 */
export function fieldLabel(label: string, unit: string | null): string {
  return unit === 'days' ? label.replace(/\s*\((jours|days)\b[^)]*\)/gi, '').trim() : label;
}
