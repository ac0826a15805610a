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
  it('says ages in whole years, from days or from years', () => {
    expect(formatField('DAYS_BIRTH', -13880, 'days', 'fr')).toBe('38 ans');
    expect(formatField('AGE_YEARS', 49.7, 'years', 'fr')).toBe('49 ans');
    expect(formatField('AGE_YEARS', 21, 'years', 'en')).toBe('21 years');
  });

  it('reads a seniority as a length of time, not as a date in the past', () => {
    expect(formatField('DAYS_EMPLOYED', -5479, 'days', 'fr')).toBe('15 ans');
    expect(formatField('DAYS_EMPLOYED', -222, 'days', 'en')).toBe('7 months');
    expect(formatField('EMPLOYED_YEARS', 15.2, 'years', 'fr')).toBe('15 ans');
    expect(formatField('EMPLOYED_YEARS', 0.7, 'years', 'fr')).toBe('8 mois');
    expect(formatField('OWN_CAR_AGE', 0, 'years', 'fr')).toBe('0 an');
  });

  it('reads dates from the application as past or future, and delays as signed lengths', () => {
    expect(formatField('BUREAU_DAYS_CREDIT_MEAN', -800, 'days', 'fr')).toBe('il y a 2 ans');
    expect(formatField('BUREAU_DAYS_CREDIT_ENDDATE_MAX', 90, 'days', 'fr')).toBe('dans 3 mois');
    expect(formatField('BUREAU_DAYS_CREDIT_ENDDATE_MAX', 90, 'days', 'en')).toBe('in 3 months');
    expect(formatField('PREV_DAYS_DECISION_MAX', 0, 'days', 'fr')).toBe('le jour de la demande');
    expect(formatField('DAYS_LAST_PHONE_CHANGE', -1100, 'days', 'en')).toBe('3 years ago');
    expect(formatField('INST_PAYMENT_DELAY_MEAN', -5, 'days', 'fr')).toBe('−5 jours');
    expect(formatField('POS_SK_DPD_MAX', 12, 'days', 'fr')).toBe('12 jours');
    expect(formatField('BUREAU_PLANNED_DAYS_MEAN', 800, 'days', 'en')).toBe('2 years');
    expect(formatField('INST_LATE_DAYS_MAX', null, 'days', 'fr')).toBe('non renseigné');
  });

  it('drops the unit from labels once the value says it', () => {
    expect(fieldLabel('Âge (jours avant la demande)', 'days')).toBe('Âge');
    expect(fieldLabel("Ancienneté de la pièce d'identité (jours)", 'days')).toBe(
      "Ancienneté de la pièce d'identité",
    );
    expect(fieldLabel("Ancienneté dans l'emploi (années)", 'years')).toBe(
      "Ancienneté dans l'emploi",
    );
    expect(fieldLabel('Age of own car (years)', 'years')).toBe('Age of own car');
    expect(fieldLabel('Plus long retard sur les prêts (jours)', 'count')).toBe(
      'Plus long retard sur les prêts (jours)',
    );
  });
});
