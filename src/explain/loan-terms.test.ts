import { describe, expect, it } from 'vitest';
import type { RawApplication } from '../data/features/application-input.ts';
import { instalmentFor, LoanOptionError, loanOf, withLoanRule } from './loan-terms.ts';
import type { Scorer } from './scorer.ts';
import { whatIfInMemory } from './what-if.ts';

/** Client 100003's loan as the issue tells it: 225,000 over 225,000 / 12,294 ≈ 18.3 instalments. */
const base: RawApplication = {
  SK_ID_CURR: 100003,
  NAME_CONTRACT_TYPE: 'Cash loans',
  AMT_INCOME_TOTAL: 270_000,
  AMT_CREDIT: 225_000,
  AMT_ANNUITY: 12_294,
  AMT_GOODS_PRICE: 225_000,
  CNT_FAM_MEMBERS: 2,
  DAYS_BIRTH: -16_765,
};

/** A scorer reading the loan's features, to see what the model would be shown. */
const LOAN_FEATURES = [
  'AMT_CREDIT',
  'AMT_ANNUITY',
  'AMT_GOODS_PRICE',
  'CREDIT_TERM_MONTHS',
  'GOODS_TO_CREDIT',
  'ANNUITY_TO_INCOME',
];
const scorer: Scorer = {
  featureNames: LOAN_FEATURES,
  predictRaw: () => 0.1,
  explain: () => ({ expectedValue: 0, values: new Float64Array(LOAN_FEATURES.length) }),
};
const feature = (row: Float64Array, name: string) => row[LOAN_FEATURES.indexOf(name)] as number;

describe('the loan rule', () => {
  it('takes the term as the data defines it, amount / instalment, at the rate that makes it so (0)', () => {
    expect(loanOf(base)).toEqual({
      amount: 225_000,
      instalment: 12_294,
      goodsPrice: 225_000,
      term: 225_000 / 12_294,
    });
    expect(loanOf({ AMT_CREDIT: 1000, AMT_ANNUITY: null }).term).toBeNull();
    expect(loanOf({ AMT_CREDIT: 1000, AMT_ANNUITY: 0 }).term).toBeNull();
    // Exact, not rounded to the cent (rounding would move the term the model splits on).
    expect(instalmentFor(120_000, 36)).toBe(120_000 / 36);
  });

  it('keeps the term when the amount changes: the instalment and the goods price follow', () => {
    const { changes, derived } = withLoanRule(base, { AMT_CREDIT: 20_000 });
    // A′ = A · C′ / C, G′ = G · C′ / C, to the cent.
    expect(changes).toEqual({ AMT_CREDIT: 20_000, AMT_ANNUITY: 1092.8, AMT_GOODS_PRICE: 20_000 });
    expect([...derived]).toEqual([
      ['AMT_ANNUITY', 'same-term'],
      ['AMT_GOODS_PRICE', 'follows-amount'],
    ]);
    const loan = loanOf({ ...base, ...changes });
    expect(loan.term).toBeCloseTo(loanOf(base).term as number, 4);
  });

  it('recomputes the instalment for a new term, the amount kept (or changed with it)', () => {
    expect(withLoanRule(base, {}, { term: 36 }).changes).toEqual({ AMT_ANNUITY: 6250 });
    const both = withLoanRule(base, { AMT_CREDIT: 180_000 }, { term: 24 });
    expect(both.changes).toEqual({
      AMT_CREDIT: 180_000,
      AMT_ANNUITY: 7500,
      AMT_GOODS_PRICE: 180_000,
    });
    expect(both.derived.get('AMT_ANNUITY')).toBe('new-term');
  });

  it('never overwrites a field the caller gives, and keeps an unlocked goods price', () => {
    const given = withLoanRule(base, { AMT_CREDIT: 100_000, AMT_ANNUITY: 5000 });
    expect(given.changes).toEqual({
      AMT_CREDIT: 100_000,
      AMT_ANNUITY: 5000,
      AMT_GOODS_PRICE: 100_000,
    });
    expect(given.derived.has('AMT_ANNUITY')).toBe(false);
    const price = withLoanRule(base, { AMT_CREDIT: 100_000, AMT_GOODS_PRICE: 150_000 });
    expect(price.changes.AMT_GOODS_PRICE).toBe(150_000);
    const unlocked = withLoanRule(base, { AMT_CREDIT: 100_000 }, { goodsPrice: 'keep' });
    expect(unlocked.changes).toEqual({ AMT_CREDIT: 100_000, AMT_ANNUITY: 5464 });
  });

  it('derives nothing when the amount does not move, and nothing it cannot', () => {
    expect(withLoanRule(base, { AMT_CREDIT: 225_000 }).derived.size).toBe(0);
    expect(withLoanRule(base, { AMT_INCOME_TOTAL: 1 }).changes).toEqual({ AMT_INCOME_TOTAL: 1 });
    // A wrong type is left to the field checks, which name it.
    expect(withLoanRule(base, { AMT_CREDIT: 'a lot' }).derived.size).toBe(0);
    // No stored instalment: no term to keep; no goods price: nothing to follow.
    const bare = { ...base, AMT_ANNUITY: null, AMT_GOODS_PRICE: null };
    expect(withLoanRule(bare, { AMT_CREDIT: 100_000 }).changes).toEqual({ AMT_CREDIT: 100_000 });
    expect(withLoanRule(bare, {}, { term: 10 }).changes).toEqual({ AMT_ANNUITY: 22_500 });
  });

  it('refuses a term with an instalment, or a term that is no positive number', () => {
    const conflict = () => withLoanRule(base, { AMT_ANNUITY: 5000 }, { term: 36 });
    expect(conflict).toThrow(LoanOptionError);
    expect(conflict).toThrow(/the term or the instalment/);
    for (const term of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => withLoanRule(base, {}, { term })).toThrow(LoanOptionError);
    }
  });
});

describe('the what-if applies the loan rule', () => {
  it('lists every field changed, given then derived, and shows the model the same term', () => {
    const result = whatIfInMemory(scorer, base, { AMT_CREDIT: 20_000 }, () => null);
    expect(result.changed).toEqual([
      { field: 'AMT_CREDIT', before: 225_000, after: 20_000, derived: null },
      { field: 'AMT_ANNUITY', before: 12_294, after: 1092.8, derived: 'same-term' },
      { field: 'AMT_GOODS_PRICE', before: 225_000, after: 20_000, derived: 'follows-amount' },
    ]);
    // The "goods price / credit 1,125 %" and term of 2 are gone.
    expect(feature(result.row, 'GOODS_TO_CREDIT')).toBe(1);
    expect(feature(result.row, 'CREDIT_TERM_MONTHS')).toBeCloseTo(225_000 / 12_294, 4);
    expect(feature(result.row, 'ANNUITY_TO_INCOME')).toBeCloseTo(1092.8 / 270_000, 12);
  });

  it('recomputes the instalment for a term, and keeps an unlocked goods price', () => {
    const term = whatIfInMemory(scorer, base, {}, () => null, { term: 36 });
    expect(term.changed).toEqual([
      { field: 'AMT_ANNUITY', before: 12_294, after: 6250, derived: 'new-term' },
    ]);
    expect(feature(term.row, 'CREDIT_TERM_MONTHS')).toBe(36);
    const unlocked = whatIfInMemory(scorer, base, { AMT_CREDIT: 150_000 }, () => null, {
      goodsPrice: 'keep',
    });
    expect(unlocked.changed.map((c) => c.field)).toEqual(['AMT_CREDIT', 'AMT_ANNUITY']);
    expect(feature(unlocked.row, 'GOODS_TO_CREDIT')).toBe(1.5);
  });

  it('checks the derived values as any change (a range error names the field)', () => {
    // Goods twice the credit: a credit of 60,000,000 asks for goods beyond the 100,000,000 ceiling.
    const dear = { ...base, AMT_GOODS_PRICE: 450_000 };
    expect(() => whatIfInMemory(scorer, dear, { AMT_CREDIT: 60_000_000 }, () => null)).toThrow(
      /AMT_GOODS_PRICE/,
    );
    const kept = whatIfInMemory(scorer, dear, { AMT_CREDIT: 60_000_000 }, () => null, {
      goodsPrice: 'keep',
    });
    expect(kept.changed.map((c) => c.field)).toEqual(['AMT_CREDIT', 'AMT_ANNUITY']);
  });
});
