import { describe, expect, it } from 'vitest';
import { clientFile } from '../compare/test-fixtures.ts';
import { annuityForTerm, changesOf, formFromFile, parseTypedNumber, termOf } from './fields.ts';

describe('formFromFile', () => {
  it('prefills numbers and categories from the file, empty when the file lacks a field', () => {
    const form = formFromFile(clientFile);
    expect(form.AMT_CREDIT).toBe('406597.5');
    expect(form.NAME_CONTRACT_TYPE).toBe('Cash loans');
    expect(form.FLAG_OWN_CAR).toBe('N');
    expect(form.CNT_CHILDREN).toBe('0');
    expect(form.AMT_INCOME_TOTAL).toBe('');
  });
});

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

describe('changesOf', () => {
  it('sends only what differs from the file, as numbers or categories', () => {
    const base = formFromFile(clientFile);
    expect(changesOf(base, base)).toEqual({ changes: {}, invalid: [] });
    const form = {
      ...base,
      AMT_CREDIT: '300 000',
      NAME_CONTRACT_TYPE: 'Revolving loans',
      CNT_CHILDREN: '',
    };
    expect(changesOf(base, form)).toEqual({
      changes: { AMT_CREDIT: 300_000, NAME_CONTRACT_TYPE: 'Revolving loans', CNT_CHILDREN: null },
      invalid: [],
    });
    // The same number written differently is no change.
    expect(changesOf(base, { ...base, AMT_CREDIT: '406 597,5' }).changes).toEqual({});
  });

  it('keeps a field that is not a number out of the request and names it', () => {
    const base = formFromFile(clientFile);
    expect(changesOf(base, { ...base, AMT_ANNUITY: 'abc', AMT_CREDIT: '1' })).toEqual({
      changes: { AMT_CREDIT: 1 },
      invalid: ['AMT_ANNUITY'],
    });
  });
});

describe('term', () => {
  it('is credit / annuity, and a term gives back the annuity', () => {
    const form = { AMT_CREDIT: '120000', AMT_ANNUITY: '5000' };
    expect(termOf(form)).toBe(24);
    expect(annuityForTerm(form, 36)).toBe('3333.33');
    expect(termOf({ AMT_CREDIT: '1', AMT_ANNUITY: '' })).toBeNull();
  });
});
