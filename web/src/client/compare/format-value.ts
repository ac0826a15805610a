import { formatAmount, formatNumber } from '../../i18n/format.ts';
import type { Language } from '../../i18n/language.tsx';
import { formatField } from '../profile/format-value.ts';

/** Intl writes negatives with a hyphen; a true minus sign reads (and aligns) as one. */
export function trueMinus(text: string): string {
  return text.replace(/^-/, '\u2212');
}

/**
 * A feature value as a person reads it, by the dictionary's unit (src/data/features/dictionary-types.ts):
 * days as the profile words them ("il y a 11 mois", an age in years), amounts without decimals,
 * ratios and scores with two or three, years with one; negatives with a true minus sign.
 */
export function formatFeatureValue(
  value: number | null | undefined,
  unit: string | null | undefined,
  language: Language,
  feature = '',
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'days':
      return formatField(feature, value, unit, language);
    case 'currency':
      return trueMinus(formatAmount(value, language));
    case 'ratio':
      return trueMinus(formatNumber(value, language, 2));
    case 'score':
      return trueMinus(formatNumber(value, language, 3));
    case 'years':
    case 'months':
      return trueMinus(formatNumber(value, language, 1));
    case 'flag':
      return value >= 0.5 ? (language === 'fr' ? 'oui' : 'yes') : language === 'fr' ? 'non' : 'no';
    default: {
      // Counts and levels: whole numbers unless the value has a fraction worth showing.
      const digits = Number.isInteger(value) ? 0 : Math.abs(value) < 10 ? 2 : 1;
      return trueMinus(formatNumber(value, language, digits));
    }
  }
}
