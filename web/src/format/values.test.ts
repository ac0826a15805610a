import { describe, expect, it } from 'vitest';
import { formatCategory, formatFeatureValue, formatValue, labelForValue } from './values.ts';

// Intl puts a narrow no-break space in French numbers; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('formatValue', () => {
  it('reads a date from the application as past or future, a delay as a signed length', () => {
    expect(formatValue(-222, 'date', 'fr')).toBe('il y a 7 mois');
    expect(formatValue(-12000, 'date', 'en')).toBe('32 years ago');
    expect(formatValue(90, 'date', 'fr')).toBe('dans 2 mois');
    expect(formatValue(90, 'date', 'en')).toBe('in 2 months');
    expect(formatValue(0, 'date', 'fr')).toBe('le jour même de la demande');
    expect(formatValue(5, 'days', 'fr')).toBe('5 jours');
    expect(formatValue(-5, 'days', 'fr')).toBe('\u22125 jours');
    expect(formatValue(800, 'days', 'en')).toBe('2 years');
  });

  it('reads an age or a seniority as the time since, in completed years', () => {
    expect(formatValue(-13880, 'elapsed', 'fr')).toBe('38 ans');
    expect(formatValue(-5479, 'elapsed', 'fr')).toBe('15 ans');
    expect(formatValue(-222, 'elapsed', 'en')).toBe('7 months');
    expect(formatValue(49.7, 'years', 'fr')).toBe('49 ans');
    expect(formatValue(0.7, 'years', 'fr')).toBe('8 mois');
    expect(formatValue(0.055, 'years', 'fr')).toBe('20 jours');
    expect(formatValue(0, 'years', 'fr')).toBe('0 jour');
  });

  it('writes amounts, ratios, flags and scores per language', () => {
    expect(plain(formatValue(522079, 'currency', 'fr'))).toBe('522 079 €');
    expect(formatValue(522079, 'currency', 'en')).toBe('€522,079');
    expect(formatValue(-1200, 'currency', 'en')).toBe('\u2212€1,200');
    expect(plain(formatValue(0.862, 'ratio', 'fr'))).toBe('86 %');
    expect(plain(formatValue(1, 'ratio', 'fr'))).toBe('100 %');
    expect(formatValue(1, 'flag', 'fr')).toBe('oui');
    expect(plain(formatValue(0.3, 'flag', 'fr'))).toBe('30 %');
    expect(formatValue(0.6464, 'score', 'fr')).toBe('0,65');
    expect(formatValue(9.24, 'months', 'en')).toBe('9 months');
    expect(formatValue(-2.5, 'count', 'fr')).toBe('\u22122,5');
  });

  it('says a missing value in words, a missing history as no history', () => {
    expect(formatValue(null, 'currency', 'fr')).toBe('non renseigné');
    expect(formatFeatureValue('INST_LATE_DAYS_MAX', null, 'days', 'fr')).toBe('aucun historique');
    expect(formatFeatureValue('AMT_ANNUITY', null, 'currency', 'en')).toBe('not provided');
  });
});

describe('formatCategory', () => {
  it("uses the API's words, yes / no for Y / N, and says a missing one", () => {
    expect(formatCategory(null, 'en')).toBe('not provided');
    expect(formatCategory('N', 'fr')).toBe('non');
    expect(formatCategory('Cash loans', 'fr')).toBe('Cash loans');
    const words = { fr: 'Prêt personnel', en: 'Cash loan' };
    expect(formatCategory('Cash loans', 'fr', words)).toBe('Prêt personnel');
    expect(formatCategory('Cash loans', 'en', words)).toBe('Cash loan');
    expect(formatCategory('FRIDAY', 'fr', 'Vendredi')).toBe('Vendredi');
    expect(formatCategory(null, 'fr', words)).toBe('non renseigné');
  });
});

describe('labelForValue', () => {
  it('drops the unit from labels once the value says it', () => {
    expect(labelForValue('Âge (jours avant la demande)', 'elapsed')).toBe('Âge');
    expect(labelForValue("Ancienneté de la pièce d'identité (jours)", 'elapsed')).toBe(
      "Ancienneté de la pièce d'identité",
    );
    expect(labelForValue('Dernier changement de téléphone (jours)', 'date')).toBe(
      'Dernier changement de téléphone',
    );
    expect(labelForValue("Ancienneté dans l'emploi (années)", 'years')).toBe(
      "Ancienneté dans l'emploi",
    );
    expect(labelForValue('Plus long retard sur les prêts (jours)', 'count')).toBe(
      'Plus long retard sur les prêts (jours)',
    );
  });
});
