import { describe, expect, it } from 'vitest';
import { clientFile } from '../../client/compare/test-fixtures.ts';
import { APPLICATION_FIELDS, type FormField } from './fields.ts';
import { apiValue, daysBefore, formFromFile, parseTypedNumber, yearsBefore } from './values.ts';

const byName = (name: string) => APPLICATION_FIELDS.find((f) => f.name === name) as FormField;

describe('parseTypedNumber', () => {
  it('reads French and English typing, and tells empty from not-a-number', () => {
    expect(parseTypedNumber('350 000')).toBe(350_000);
    expect(parseTypedNumber('350\u202f000,5')).toBe(350_000.5);
    expect(parseTypedNumber('12.25')).toBe(12.25);
    expect(parseTypedNumber('  ')).toBeNull();
    expect(parseTypedNumber('12a')).toBeNaN();
    expect(parseTypedNumber('1,2,3')).toBeNaN();
  });
});

describe('years and days', () => {
  it('turns years into days before the application, and back to one decimal', () => {
    expect(daysBefore(35)).toBe(-12784); // 35 × 365.25 = 12783.75
    expect(daysBefore(2.5)).toBe(-914); // 913.125, rounded up
    expect(Object.is(daysBefore(0), 0)).toBe(true);
    expect(yearsBefore(-12784)).toBe(35);
    expect(yearsBefore(-914)).toBe(2.5);
    // Whole years come back whole, as the features and the client list count them.
    for (let years = 1; years <= 100; years++) {
      expect(Math.floor(-daysBefore(years) / 365.25), String(years)).toBe(years);
    }
    expect(Object.is(yearsBefore(0), 0)).toBe(true);
  });
});

describe('apiValue', () => {
  it('gives each kind as the API takes it: numbers, days, raw categories, null when empty', () => {
    expect(apiValue(byName('AMT_CREDIT'), ' 450 000,5 ')).toBe(450_000.5);
    expect(apiValue(byName('CNT_CHILDREN'), '2')).toBe(2);
    expect(apiValue(byName('DAYS_BIRTH'), '40')).toBe(-14610);
    expect(apiValue(byName('NAME_CONTRACT_TYPE'), 'Cash loans')).toBe('Cash loans');
    expect(apiValue(byName('NAME_CONTRACT_TYPE'), '')).toBeNull();
    expect(apiValue(byName('AMT_CREDIT'), '')).toBeNull();
    expect(apiValue(byName('DAYS_EMPLOYED'), 'trois')).toBeNaN();
  });
});

describe('formFromFile', () => {
  it('prefills numbers and categories from the file, empty when the file lacks a field', () => {
    const form = formFromFile(clientFile);
    expect(form.AMT_CREDIT).toBe('406597.5');
    expect(form.NAME_CONTRACT_TYPE).toBe('Cash loans');
    expect(form.FLAG_OWN_CAR).toBe('N');
    expect(form.CNT_CHILDREN).toBe('0');
    expect(form.AMT_INCOME_TOTAL).toBe('');
  });

  it('gives a field typed in years in years', () => {
    const file = {
      ...clientFile,
      sections: [
        {
          key: 'profile',
          label_fr: 'Profil',
          label_en: 'Profile',
          values: [{ ...clientFile.sections[0]?.values[0], name: 'DAYS_BIRTH', value: -12784 }],
        },
      ],
    } as typeof clientFile;
    expect(formFromFile(file, [byName('DAYS_BIRTH')])).toEqual({ DAYS_BIRTH: '35' });
  });
});
