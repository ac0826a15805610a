import { formatNumber } from '../../format/index.ts';
import type { Language } from '../../i18n/language.tsx';

/**
 * A change as a signed number: "+2", "−0,4" (a true minus, not a hyphen). Below one unit it keeps
 * one decimal so a small move never reads "+0" while the probability moved; a change that rounds
 * to zero carries no sign.
 */
export function signedChange(x: number, language: Language, digits?: number): string {
  const places = digits ?? (Math.abs(x) < 1 ? 1 : 0);
  const text = formatNumber(Math.abs(x), language, places);
  if (Number(text.replace(',', '.')) === 0) return text;
  return `${x > 0 ? '+' : '\u2212'}${text}`;
}
