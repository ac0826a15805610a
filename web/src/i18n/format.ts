import type { Language } from './language.tsx';

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

/** 0.1234 → "12,3 %" (fr) / "12.3%" (en). */
export function formatPercent(value: number, language: Language, digits = 1): string {
  return new Intl.NumberFormat(locales[language], {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatNumber(value: number, language: Language, digits = 0): string {
  return new Intl.NumberFormat(locales[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Amounts of the Home Credit data are in the loan's currency, shown without a symbol. */
export function formatAmount(value: number, language: Language): string {
  return formatNumber(Math.round(value), language);
}

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}
