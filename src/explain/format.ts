/**
 * Values as an applicant reads them, in French or English, one way per dictionary unit
 * (src/data/features/dictionary-types.ts): a delay as "12 jours", a date as "il y a 3 ans", an age
 * or a seniority as "45 ans", currency as "12 500 €", ratios as percentages, flags as oui / non.
 * French numbers use the fr-FR format (narrow no-break space between thousands, decimal comma),
 * negatives a true minus sign, plurals Intl.PluralRules.
 *
 * The dashboard writes the same values with web/src/format/values.ts, which the browser builds
 * apart: the two must give one text for one value, which test/format/one-text.test.ts checks
 * unit by unit (and through every panel's helper).
 */
import type { Unit } from '../data/features/dictionary.ts';

export type Lang = 'fr' | 'en';

const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const;

const NUMBER = {
  fr: [0, 1, 2].map((d) => new Intl.NumberFormat(LOCALES.fr, { maximumFractionDigits: d })),
  en: [0, 1, 2].map((d) => new Intl.NumberFormat(LOCALES.en, { maximumFractionDigits: d })),
};

const PLURAL = { fr: new Intl.PluralRules(LOCALES.fr), en: new Intl.PluralRules(LOCALES.en) };

/**
 * A number with at most `digits` decimals in the language's format, negatives with a true minus
 * sign (U+2212), which typography asks for and which a line break never separates from its figure.
 */
export function formatNumber(value: number, lang: Lang, digits: 0 | 1 | 2 = 0): string {
  return (NUMBER[lang][digits] as Intl.NumberFormat).format(value).replace(/^-/, '\u2212');
}

/** Fewer decimals as numbers grow: 1 234, 12, 3,4, 0,45. */
function adaptive(value: number, lang: Lang): string {
  const size = Math.abs(value);
  return formatNumber(value, lang, size >= 10 ? 0 : size >= 1 ? 1 : 2);
}

const WORDS = {
  fr: { day: ['jour', 'jours'], month: ['mois', 'mois'], year: ['an', 'ans'] },
  en: { day: ['day', 'days'], month: ['month', 'months'], year: ['year', 'years'] },
} as const;

/** "3 ans", "1 jour", "0 jour" / "0 days": the language's plural rule for the number. */
function counted(n: number, lang: Lang, unit: 'day' | 'month' | 'year'): string {
  const [one, other] = WORDS[lang][unit];
  return `${formatNumber(n, lang)} ${PLURAL[lang].select(n) === 'one' ? one : other}`;
}

const DAYS_PER_YEAR = 365.25;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

/**
 * A length of time given in days, without its sign, in the largest unit that reads naturally:
 * whole years from two years on, whole months from 61 days, else days. Years and months are
 * those completed, as ages and seniorities are said (one is 44 until the 45th birthday).
 */
export function formatDuration(days: number, lang: Lang): string {
  const d = Math.abs(days);
  if (d / DAYS_PER_YEAR >= 2) return counted(Math.floor(d / DAYS_PER_YEAR), lang, 'year');
  if (d >= 61) return counted(Math.floor(d / DAYS_PER_MONTH), lang, 'month');
  return counted(Math.round(d), lang, 'day');
}

/** A difference in days that may be negative (paid early, closed before plan): "−5 jours". */
function signedDuration(days: number, lang: Lang): string {
  // No sign on what reads as nothing ("0 jour").
  return days <= -0.5 ? `\u2212${formatDuration(days, lang)}` : formatDuration(days, lang);
}

const SAME_DAY = { fr: 'le jour même de la demande', en: 'on the day of the application' } as const;

/** A date counted in days from the application: "il y a 3 ans", "dans 2 mois", that same day. */
export function formatDate(days: number, lang: Lang): string {
  if (Math.round(days) === 0) return SAME_DAY[lang];
  const span = formatDuration(days, lang);
  if (days < 0) return lang === 'fr' ? `il y a ${span}` : `${span} ago`;
  return lang === 'fr' ? `dans ${span}` : `in ${span}`;
}

export function formatCurrency(amount: number, lang: Lang): string {
  const n = formatNumber(Math.round(amount), lang);
  if (lang === 'fr') return `${n} €`;
  // English puts the sign before the symbol: −€400,000.
  return n.startsWith('\u2212') ? `\u2212€${n.slice(1)}` : `€${n}`;
}

/** A share (0.35) as a percentage ("35 %" / "35%"): one decimal below 10 %. */
export function formatPercent(share: number, lang: Lang): string {
  const pct = share * 100;
  const text = formatNumber(pct, lang, Math.abs(pct) >= 10 || pct === 0 ? 0 : 1);
  return lang === 'fr' ? `${text}\u202f%` : `${text}%`;
}

export const MISSING = { fr: 'non renseigné', en: 'not provided' } as const;
export const NO_HISTORY = { fr: 'aucun historique', en: 'no history on record' } as const;

/** Aggregates of a history table (bureau, previous applications, …): missing means none. */
export const HISTORY_PREFIX = /^(BUREAU|PREV|POS|INST|CC)_/;

/** A value of the given unit; null or NaN reads "non renseigné" / "not provided". */
export function formatValue(value: number | null, unit: Unit, lang: Lang): string {
  if (value === null || Number.isNaN(value)) return MISSING[lang];
  switch (unit) {
    case 'days':
      return signedDuration(value, lang);
    case 'date':
      return formatDate(value, lang);
    case 'elapsed':
      return formatDuration(value, lang);
    case 'years':
      return signedDuration(value * DAYS_PER_YEAR, lang);
    case 'months':
      return counted(Math.round(value), lang, 'month');
    case 'hours':
      return lang === 'fr' ? `${formatNumber(value, lang)} h` : `${formatNumber(value, lang)}:00`;
    case 'currency':
      return formatCurrency(value, lang);
    case 'ratio':
      return formatPercent(value, lang);
    case 'flag':
      if (value === 1) return lang === 'fr' ? 'oui' : 'yes';
      if (value === 0) return lang === 'fr' ? 'non' : 'no';
      // A mean of flags (a group's) is the share holding it.
      return formatPercent(value, lang);
    case 'score':
      return formatNumber(value, lang, 2);
    default:
      return adaptive(value, lang);
  }
}

/**
 * A feature's value: as its unit says, but a missing history aggregate reads "aucun historique"
 * (the client has no such history), not "non renseigné".
 */
export function formatFeatureValue(
  feature: string,
  value: number | null,
  unit: Unit,
  lang: Lang,
): string {
  if ((value === null || Number.isNaN(value)) && HISTORY_PREFIX.test(feature)) {
    return NO_HISTORY[lang];
  }
  return formatValue(value, unit, lang);
}

/**
 * "Décision (jours avant la demande) (maximum)" → "Décision (maximum)", "Âge (années)" → "Âge":
 * once the value reads "il y a 3 ans" or "45 ans", the unit in the label is noise.
 */
export function labelForValue(label: string, unit: Unit | 'category'): string {
  if (unit === 'days' || unit === 'date' || unit === 'elapsed') {
    return label.replace(/\s*\((jours|days)\b[^)]*\)/gi, '').trim();
  }
  if (unit === 'years') return label.replace(/\s*\((années|ans|years)\)/gi, '').trim();
  return label;
}
