import { describe, expect, it } from 'vitest';
import { dictionaryEntry } from './dictionary.ts';
import {
  LEFT_FREE,
  LEFT_OUT_WHEN_MONOTONE,
  MONOTONE_CONSTRAINTS,
  monotoneDirection,
  undeclaredMonotoneFeatures,
} from './monotone.ts';

describe('declared monotone directions', () => {
  it('name features of the dictionary, each once, in one list only', () => {
    expect(undeclaredMonotoneFeatures()).toEqual([]);
    const names = [
      ...MONOTONE_CONSTRAINTS.map((e) => e.feature),
      ...LEFT_OUT_WHEN_MONOTONE.map((e) => e.feature),
      ...LEFT_FREE.map((e) => e.feature),
    ];
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('never constrain a protected attribute', () => {
    for (const e of MONOTONE_CONSTRAINTS) expect(dictionaryEntry(e.feature)?.sensitive).toBe(false);
  });

  it('give every feature a loan or income change moves a direction that keeps the guarantee', () => {
    // Less money over the same term: these go down, so they must not lower the risk when they rise.
    for (const f of [
      'AMT_CREDIT',
      'AMT_ANNUITY',
      'CREDIT_TO_INCOME',
      'ANNUITY_TO_INCOME',
      'ANNUITY_TO_INCOME_PER_MEMBER',
    ]) {
      expect(monotoneDirection(f), f).toBe(1);
    }
    // ...and these go up (GOODS_TO_CREDIT when the goods price stays).
    for (const f of ['INCOME_AFTER_ANNUITY', 'GOODS_TO_CREDIT'])
      expect(monotoneDirection(f), f).toBe(-1);
    // More income: up for these, down for the ratios above.
    for (const f of ['AMT_INCOME_TOTAL', 'INCOME_PER_FAMILY_MEMBER', 'INCOME_AFTER_ANNUITY']) {
      expect(monotoneDirection(f), f).toBe(-1);
    }
    expect(monotoneDirection('CREDIT_TERM_MONTHS')).toBe(0);
    expect(monotoneDirection('OWN_CAR_AGE')).toBe(0);
  });

  it('declares every external score safer when higher', () => {
    for (const f of ['EXT_SOURCE_1', 'EXT_SOURCE_2', 'EXT_SOURCE_3']) {
      expect(monotoneDirection(f)).toBe(-1);
    }
  });
});
