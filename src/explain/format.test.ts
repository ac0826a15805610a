import { describe, expect, it } from 'vitest';
import {
  formatCurrency,
  formatFeatureValue,
  formatPercent,
  formatValue,
  labelForValue,
} from './format.ts';

/** Intl's French format uses a narrow no-break space between thousands; compare on plain spaces. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('formatValue', () => {
  it('tells a date as past or future, a delay as a length, an age or a seniority as the time since', () => {
    expect(formatValue(-1100, 'date', 'fr')).toBe('il y a 3 ans');
    expect(formatValue(-1100, 'date', 'en')).toBe('3 years ago');
    expect(formatValue(75, 'date', 'fr')).toBe('dans 2 mois');
    expect(formatValue(0, 'date', 'fr')).toBe('le jour même de la demande');
    expect(formatValue(-120, 'date', 'fr')).toBe('il y a 3 mois');
    expect(formatValue(12, 'days', 'fr')).toBe('12 jours');
    expect(formatValue(1, 'days', 'en')).toBe('1 day');
    expect(formatValue(0, 'days', 'fr')).toBe('0 jour');
    expect(formatValue(0, 'days', 'en')).toBe('0 days');
    expect(formatValue(-5, 'days', 'fr')).toBe('\u22125 jours');
    // Completed years, as an age is said: 44.9 years is 44.
    expect(formatValue(-16_400, 'elapsed', 'fr')).toBe('44 ans');
    expect(formatValue(-730, 'elapsed', 'en')).toBe('23 months');
    expect(formatValue(-731, 'elapsed', 'en')).toBe('2 years');
  });

  it('says a missing history aggregate is no history, any other missing value not provided', () => {
    expect(formatFeatureValue('INST_LATE_DAYS_MEAN', null, 'days', 'fr')).toBe('aucun historique');
    expect(formatFeatureValue('AMT_ANNUITY', null, 'currency', 'en')).toBe('not provided');
  });

  it('drops the unit from a label once the value says it', () => {
    expect(labelForValue('Âge (jours avant la demande)', 'elapsed')).toBe('Âge');
    expect(labelForValue('Décision (jours avant la demande) (maximum)', 'date')).toBe(
      'Décision (maximum)',
    );
    expect(labelForValue('Âge de la voiture (années)', 'years')).toBe('Âge de la voiture');
    expect(labelForValue('Revenu annuel', 'currency')).toBe('Revenu annuel');
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

  it('tells years under two as months, and under two months as days', () => {
    expect(formatValue(0.3, 'years', 'fr')).toBe('3 mois');
    expect(formatValue(1, 'years', 'en')).toBe('12 months');
    expect(formatValue(0, 'years', 'en')).toBe('0 days');
    expect(formatValue(0.055, 'years', 'fr')).toBe('20 jours');
    expect(formatValue(13.4, 'years', 'fr')).toBe('13 ans');
  });
});
