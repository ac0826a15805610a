/**
 * Numbers that are not a feature's value: probabilities, points, counts of clients, dates and
 * times of the audit trail. French first (fr-FR: narrow no-break space between thousands, decimal
 * comma), English (en-GB); negatives with a true minus sign (U+2212), which typography asks for
 * and which a line break never separates from its figure.
 */
export type Language = 'fr' | 'en';

export const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Intl writes negatives with a hyphen; a true minus sign reads (and aligns) as one. */
export function trueMinus(text: string): string {
  return text.replace(/^-/, '\u2212');
}

/** A number with exactly `digits` decimals: "1 234", "0,50". */
export function formatNumber(value: number, language: Language, digits = 0): string {
  return trueMinus(
    new Intl.NumberFormat(LOCALES[language], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value),
  );
}

/** A probability or a rate (0.1234) with `digits` decimals: "12,3 %" (fr) / "12.3%" (en). */
export function formatPercent(value: number, language: Language, digits = 1): string {
  return trueMinus(
    new Intl.NumberFormat(LOCALES[language], {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value),
  );
}

/** A probability of default: the same as formatPercent, named for what it is. */
export const formatProbability = formatPercent;

/** Points on the score scale, whole: "548". */
export function formatPoints(points: number, language: Language): string {
  return formatNumber(points, language, 0);
}

/** An amount of money, whole, without its symbol (a column headed by it, a form's field). */
export function formatAmount(value: number, language: Language): string {
  return formatNumber(Math.round(value), language);
}

/** A day given as YYYY-MM-DD (UTC), e.g. a monitoring window's bound: "1 nov. 2026". */
export function formatDay(isoDay: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(`${isoDay}T00:00:00Z`));
}

/** A moment of the audit trail or of a decision: "3 déc. 2026, 14:05". */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}
