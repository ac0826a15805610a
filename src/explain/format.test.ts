import { describe, expect, it } from 'vitest';
import { formatCurrency, formatDays, formatPercent, formatValue } from './format.ts';

/** Intl's French format uses a narrow no-break space between thousands; compare on plain spaces. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('formatValue', () => {
  it('tells days in the past as "il y a" and durations as a length, in the fitting unit', () => {
    expect(formatDays(-1100, 'fr')).toBe('il y a 3 ans');
    expect(formatDays(-1100, 'en')).toBe('3 years ago');
    expect(formatDays(12, 'fr')).toBe('12 jours');
    expect(formatDays(1, 'en')).toBe('1 day');
    expect(formatDays(-120, 'fr')).toBe('il y a 4 mois');
  });

  it('writes currency, ratios and flags as people read them', () => {
    expect(plain(formatCurrency(12500, 'fr'))).toBe('12 500 €');
    expect(formatCurrency(12500, 'en')).toBe('€12,500');
    expect(plain(formatPercent(0.35, 'fr'))).toBe('35 %');
    expect(formatPercent(0.052, 'en')).toBe('5.2%');
    expect(formatValue(1, 'flag', 'fr')).toBe('oui');
    expect(formatValue(0, 'flag', 'en')).toBe('no');
    expect(formatValue(0.456, 'score', 'fr')).toBe('0,46');
    expect(formatValue(null, 'currency', 'fr')).toBe('non renseigné');
    expect(formatValue(Number.NaN, 'days', 'en')).toBe('not provided');
  });

  it('writes negatives with a true minus sign, before the currency symbol in English', () => {
    const plain = (t: string) => t.replace(/[\u202f\u00a0]/g, ' ');
    expect(plain(formatValue(-400000, 'currency', 'fr'))).toBe('\u2212400 000 €');
    expect(formatValue(-400000, 'currency', 'en')).toBe('\u2212€400,000');
    expect(formatValue(-2.5, 'count', 'en')).toBe('\u22122.5');
    expect(formatValue(400000, 'currency', 'en')).toBe('€400,000');
  });

  it('tells years under two as months', () => {
    expect(formatValue(0.3, 'years', 'fr')).toBe('4 mois');
    expect(formatValue(1, 'years', 'en')).toBe('12 months');
    expect(formatValue(0, 'years', 'en')).toBe('0 months');
    expect(formatValue(13.4, 'years', 'fr')).toBe('13 ans');
  });
});
