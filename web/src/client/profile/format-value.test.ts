import { describe, expect, it } from 'vitest';
import { fieldLabel, formatCategory, formatField, formatValue } from './format-value.ts';

// Intl puts a narrow no-break space in French numbers; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('formatValue', () => {
  it('reads days before the application as time ago, and delays as durations', () => {
    expect(formatValue(-222, 'days', 'fr')).toBe('il y a 7 mois');
    expect(formatValue(-12000, 'days', 'en')).toBe('33 years ago');
    expect(formatValue(5, 'days', 'fr')).toBe('5 jours');
  });

  it('writes amounts, ratios, flags and scores per language', () => {
    expect(plain(formatValue(522079, 'currency', 'fr'))).toBe('522 079 €');
    expect(formatValue(522079, 'currency', 'en')).toBe('€522,079');
    expect(plain(formatValue(0.862, 'ratio', 'fr'))).toBe('86 %');
    expect(formatValue(1, 'flag', 'fr')).toBe('oui');
    expect(formatValue(0.6464, 'score', 'fr')).toBe('0,65');
    expect(formatValue(9.24, 'months', 'en')).toBe('9 months');
  });

  it('says a missing value in words', () => {
    expect(formatValue(null, 'currency', 'fr')).toBe('non renseigné');
    expect(formatCategory(null, 'en')).toBe('not provided');
    expect(formatCategory('N', 'fr')).toBe('non');
    expect(formatCategory('Cash loans', 'fr')).toBe('Cash loans');
    const words = { fr: 'Prêt personnel', en: 'Cash loan' };
    expect(formatCategory('Cash loans', 'fr', words)).toBe('Prêt personnel');
    expect(formatCategory('Cash loans', 'en', words)).toBe('Cash loan');
    expect(formatCategory(null, 'fr', words)).toBe('non renseigné');
  });
});

describe('formatField and fieldLabel', () => {
  it('reads the birth date as an age and drops "days" from labels of values in days', () => {
    expect(formatField('DAYS_BIRTH', -13880, 'days', 'fr')).toBe('38 ans');
    expect(formatField('DAYS_EMPLOYED', -222, 'days', 'en')).toBe('7 months ago');
    expect(fieldLabel('Âge (jours avant la demande)', 'days')).toBe('Âge');
    expect(fieldLabel("Ancienneté de la pièce d'identité (jours)", 'days')).toBe(
      "Ancienneté de la pièce d'identité",
    );
    expect(fieldLabel('Plus long retard sur les prêts (jours)', 'count')).toBe(
      'Plus long retard sur les prêts (jours)',
    );
  });
});
