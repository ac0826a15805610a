import { describe, expect, it } from 'vitest';
import { outOf100, riskLevelSentence } from './score-sentence.ts';

describe('riskLevelSentence', () => {
  it('says how many of 100 clients at the same level of risk default, the verb agreeing', () => {
    expect(riskLevelSentence(0.123, 'fr')).toBe(
      'Sur 100 clients au même niveau de risque, environ 12 ne remboursent pas leur crédit.',
    );
    expect(riskLevelSentence(0.123, 'en')).toBe(
      'Out of 100 clients at the same level of risk, about 12 do not repay their loan.',
    );
  });

  it('uses the singular for one client', () => {
    expect(riskLevelSentence(0.012, 'fr')).toBe(
      'Sur 100 clients au même niveau de risque, environ 1 ne rembourse pas son crédit.',
    );
    expect(riskLevelSentence(0.0149, 'en')).toBe(
      'Out of 100 clients at the same level of risk, about 1 does not repay their loan.',
    );
  });

  it('says "moins d\'un" rather than "environ 0" below half a client', () => {
    expect(riskLevelSentence(0.004, 'fr')).toBe(
      "Sur 100 clients au même niveau de risque, moins d'un ne rembourse pas son crédit.",
    );
    expect(riskLevelSentence(0, 'en')).toBe(
      'Out of 100 clients at the same level of risk, fewer than one fails to repay their loan.',
    );
    expect(outOf100(0.005)).toBe(1);
  });

  it('addresses the applicant about their own file', () => {
    expect(riskLevelSentence(0.389, 'fr', 'customer')).toBe(
      'Sur 100 clients au même niveau de risque que vous, environ 39 ne remboursent pas leur crédit.',
    );
  });
});
