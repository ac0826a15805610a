/**
 * A file value as an applicant reads it, by dictionary unit — the same wording as the API's reason
 * sentences (src/explain/format.ts, which the browser cannot import): a date counted in days from
 * the application as "il y a 3 ans" or "dans 2 mois", a delay or a seniority as "12 jours" or
 * "15 ans", currency as "12 500 €", ratios as percentages, flags as oui / non; a missing value
 * reads "non renseigné".
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
  // French keeps the singular below 2 ("0 jour"); English only for exactly one.
  const singular = language === 'fr' ? Math.abs(n) < 2 : Math.abs(n) === 1;
  return `${number(n, language, 1)} ${singular ? one : many}`;
}

/** A length of time given in days, in the largest unit that reads naturally. */
function duration(days: number, language: Language): string {
  const d = Math.abs(days);
  if (d >= 730) return plural(Math.round(d / 365.25), language, 'year');
  if (d >= 61) return plural(Math.round(d / 30.44), language, 'month');
  return plural(Math.round(d), language, 'day');
}

/** A difference in days that may be negative (paid early, closed before plan): "−5 jours". */
function signedDuration(days: number, language: Language): string {
  return Math.round(days) < 0 ? `−${duration(days, language)}` : duration(days, language);
}

/** A date counted in days from the application: past, future, or that same day. */
function relativeDate(days: number, language: Language): string {
  const fr = language === 'fr';
  if (Math.round(days) === 0) return fr ? 'le jour de la demande' : 'on the application day';
  const span = duration(days, language);
  if (days < 0) return fr ? `il y a ${span}` : `${span} ago`;
  return fr ? `dans ${span}` : `in ${span}`;
}

export const MISSING = { fr: 'non renseigné', en: 'not provided' } as const;

/** A numeric value of the given unit (null or NaN: "non renseigné"). */
export function formatValue(value: number | null, unit: string | null, language: Language): string {
  if (value === null || Number.isNaN(value)) return MISSING[language];
  const fr = language === 'fr';
  switch (unit) {
    case 'days':
      // Without a field name to tell a date from a delay: negative reads as the past.
      return value < 0 ? relativeDate(value, language) : duration(value, language);
    case 'years':
      // Whole years from two on, months or days below ("8 mois" rather than "0,7 an").
      return value === 0 ? plural(0, language, 'year') : signedDuration(value * 365.25, language);
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

/** The age, in days or years: said in whole years, as people say their age. */
const AGES = new Set(['DAYS_BIRTH', 'AGE_YEARS']);

/**
 * Start dates whose label says a seniority ("Ancienneté dans l'emploi"): the time since, "15 ans",
 * not "il y a 15 ans".
 */
const SENIORITY_IN_DAYS = new Set(['DAYS_EMPLOYED', 'DAYS_REGISTRATION', 'DAYS_ID_PUBLISH']);

/**
 * Fields in days that are dates counted from the application (opening, decision, planned end…):
 * "il y a 3 ans" or "dans 2 mois". Other fields in days are delays or differences ("5 jours").
 */
const DATE_IN_DAYS =
  /(^|_)DAYS_(LAST_PHONE_CHANGE|CREDIT|ENDDATE_FACT|DECISION|TERMINATION|LAST_DUE|ENTRY_PAYMENT)/;

/** A field's value as an adviser says it: ages in years, dates as past or future, delays as such. */
export function formatField(
  name: string,
  value: number | null,
  unit: string | null,
  language: Language,
): string {
  if (value === null || Number.isNaN(value)) return MISSING[language];
  if (AGES.has(name)) {
    const years = unit === 'days' ? Math.abs(value) / 365.25 : value;
    return plural(Math.floor(years), language, 'year');
  }
  if (unit === 'days') {
    if (SENIORITY_IN_DAYS.has(name)) return duration(value, language);
    if (DATE_IN_DAYS.test(name)) return relativeDate(value, language);
    return signedDuration(value, language);
  }
  return formatValue(value, unit, language);
}

/**
 * "Âge (jours avant la demande)" → "Âge", "Âge de la voiture (années)" → "Âge de la voiture": once
 * the value reads "il y a 3 ans" or "9 ans" the unit in the label is noise (the API's reasons drop
 * it the same way).
 */
export function fieldLabel(label: string, unit: string | null): string {
  if (unit === 'days') return label.replace(/\s*\((jours|days)\b[^)]*\)/gi, '').trim();
  if (unit === 'years') return label.replace(/\s*\((années|years)\)/gi, '').trim();
  return label;
}
