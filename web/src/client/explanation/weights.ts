import { formatNumber } from '../../format/index.ts';
import type { Language } from '../../i18n/language.tsx';

/** The two units contributions are shown in: percentage points of probability, or score points. */
export type WeightUnit = 'pp' | 'points';

/** A signed weight with its unit, one decimal: "+7,9 pp", "−15,7 pts", "0,0 pp". */
export function formatWeight(value: number, unit: WeightUnit, language: Language): string {
  const rounded = Math.round(value * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  const text = formatNumber(Math.abs(rounded), language, 1);
  return `${sign}${text} ${unit === 'pp' ? 'pp' : 'pts'}`;
}
