/**
 * Values as an applicant reads them, in French or English, by dictionary unit: days as "il y a
 * 3 ans" (a date in the past) or "12 jours" (a duration), currency as "12 500 €", ratios as
 * percentages, flags as oui / non. French numbers use the fr-FR format (narrow no-break space
 * between thousands, decimal comma).
 */
import type { Unit } from '../data/features/dictionary.ts';

export type Lang = 'fr' | 'en';

const NUMBER = {
  fr: [0, 1, 2].map((d) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: d })),
  en: [0, 1, 2].map((d) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: d })),
};

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

function plural(n: number, lang: Lang, unit: 'day' | 'month' | 'year'): string {
  const [one, many] = WORDS[lang][unit];
  // French keeps the singular below 2 ("0 jour", "1,5 an"); English only for exactly one.
  const singular = lang === 'fr' ? Math.abs(n) < 2 : Math.abs(n) === 1;
  return `${formatNumber(n, lang)} ${singular ? one : many}`;
}

/** A length of time given in days, in the largest unit that reads naturally. */
export function formatDuration(days: number, lang: Lang): string {
  const d = Math.abs(days);
  if (d >= 730) return plural(Math.round(d / 365.25), lang, 'year');
  if (d >= 61) return plural(Math.round(d / 30.44), lang, 'month');
  return plural(Math.round(d), lang, 'day');
}

/** Days relative to the application: negative = in the past ("il y a 3 ans"), else a duration. */
export function formatDays(days: number, lang: Lang): string {
  if (days >= 0) return formatDuration(days, lang);
  const span = formatDuration(days, lang);
  return lang === 'fr' ? `il y a ${span}` : `${span} ago`;
}

export function formatCurrency(amount: number, lang: Lang): string {
  const n = formatNumber(Math.round(amount), lang);
  if (lang === 'fr') return `${n} €`;
  // English puts the sign before the symbol: −€400,000.
  return n.startsWith('\u2212') ? `\u2212€${n.slice(1)}` : `€${n}`;
}

/** A share (0.35) as a percentage ("35 %" / "35%"). */
export function formatPercent(share: number, lang: Lang): string {
  const pct = share * 100;
  const text = formatNumber(pct, lang, Math.abs(pct) >= 10 || pct === 0 ? 0 : 1);
  return lang === 'fr' ? `${text} %` : `${text}%`;
}

/** A value of the given unit; null or NaN reads "non renseigné" / "not provided". */
export function formatValue(value: number | null, unit: Unit, lang: Lang): string {
  if (value === null || Number.isNaN(value))
    return lang === 'fr' ? 'non renseigné' : 'not provided';
  switch (unit) {
    case 'days':
      return formatDays(value, lang);
    case 'years':
      // Whole years from 2 on; below, months ("4 mois" says more than "0 an").
      return Math.abs(value) >= 2
        ? plural(Math.round(value), lang, 'year')
        : plural(Math.round(value * 12), lang, 'month');
    case 'months':
      return plural(Math.round(value), lang, 'month');
    case 'hours':
      return lang === 'fr' ? `${formatNumber(value, lang)} h` : `${formatNumber(value, lang)}:00`;
    case 'currency':
      return formatCurrency(value, lang);
    case 'ratio':
      return formatPercent(value, lang);
    case 'flag':
      if (value === 1) return lang === 'fr' ? 'oui' : 'yes';
      if (value === 0) return lang === 'fr' ? 'non' : 'no';
      return formatPercent(value, lang);
    case 'score':
      return formatNumber(value, lang, 2);
    default:
      return adaptive(value, lang);
  }
}
