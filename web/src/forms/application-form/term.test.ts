import { describe, expect, it } from 'vitest';
import { annuityForTerm, annuityForTypedTerm, movesTerm, shownTerm, termOf } from './term.ts';

describe('term', () => {
  it('is credit / annuity, and a term gives back the annuity', () => {
    const form = { AMT_CREDIT: '120000', AMT_ANNUITY: '5000' };
    expect(termOf(form)).toBe(24);
    expect(annuityForTerm(form, 36)).toBe('3333.33');
    expect(termOf({ AMT_CREDIT: '1', AMT_ANNUITY: '' })).toBeNull();
  });

  it('reads a typed term as a number is typed, and gives nothing for a text that is not one', () => {
    const form = { AMT_CREDIT: '120 000' };
    expect(annuityForTypedTerm(form, '16,5')).toBe('7272.73');
    expect(annuityForTypedTerm(form, 'deux ans')).toBeNull();
    expect(annuityForTypedTerm(form, '')).toBeNull();
    expect(annuityForTypedTerm({ AMT_CREDIT: '' }, '24')).toBeNull();
  });

  it('follows the credit and the annuity only', () => {
    expect(movesTerm('AMT_CREDIT')).toBe(true);
    expect(movesTerm('AMT_ANNUITY')).toBe(true);
    expect(movesTerm('AMT_GOODS_PRICE')).toBe(false);
  });
});

describe('the term a what-if shows', () => {
  it("is the file's while only the amount changes (the loan rule keeps it), else the form's", () => {
    const file = { AMT_CREDIT: '120000', AMT_ANNUITY: '5000' };
    expect(shownTerm(file, { ...file, AMT_CREDIT: '60000' })).toBe(24);
    expect(shownTerm(file, { AMT_CREDIT: '60000', AMT_ANNUITY: '5000,5' })).toBeCloseTo(11.999, 3);
  });
});
