import { formatAmount, formatNumber } from '../../i18n/format.ts';
import type { Language } from '../../i18n/language.tsx';

/**
 * A feature value as a person reads it, by the dictionary's unit (src/data/features/dictionary-types.ts):
 * amounts without decimals, ratios and scores with two or three, years with one.
 */
export function formatFeatureValue(
  value: number | null | undefined,
  unit: string | null | undefined,
  language: Language,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'currency':
      return formatAmount(value, language);
    case 'ratio':
      return formatNumber(value, language, 2);
    case 'score':
      return formatNumber(value, language, 3);
    case 'years':
    case 'months':
      return formatNumber(value, language, 1);
    case 'flag':
      return value >= 0.5 ? (language === 'fr' ? 'oui' : 'yes') : language === 'fr' ? 'non' : 'no';
    default: {
      // Counts, days, levels: whole numbers unless the value has a fraction worth showing.
      const digits = Number.isInteger(value) ? 0 : Math.abs(value) < 10 ? 2 : 1;
      return formatNumber(value, language, digits);
    }
  }
}
