import { describe, expect, it } from 'vitest';
import { comparableSentence, outOf100 } from './score-sentence.ts';

describe('comparableSentence', () => {
  it('says how many of 100 comparable clients default, plural', () => {
    expect(comparableSentence(0.123, 'fr')).toBe(
      'Sur 100 clients comparables, environ 12 ne remboursent pas leur crédit.',
    );
    expect(comparableSentence(0.123, 'en')).toBe(
      'Out of 100 comparable clients, about 12 do not repay their loan.',
    );
  });

  it('uses the singular for one client', () => {
    expect(comparableSentence(0.012, 'fr')).toBe(
      'Sur 100 clients comparables, environ 1 ne rembourse pas son crédit.',
    );
    expect(comparableSentence(0.0149, 'en')).toBe(
      'Out of 100 comparable clients, about 1 does not repay their loan.',
    );
  });

  it('says "moins d\'un" rather than "environ 0" below half a client', () => {
    expect(comparableSentence(0.004, 'fr')).toBe(
      "Sur 100 clients comparables, moins d'un ne rembourse pas son crédit.",
    );
    expect(comparableSentence(0, 'en')).toBe(
      'Out of 100 comparable clients, fewer than one fails to repay their loan.',
    );
    expect(outOf100(0.005)).toBe(1);
  });

  it('addresses the applicant about their own file', () => {
    expect(comparableSentence(0.389, 'fr', 'customer')).toBe(
      'Sur 100 clients dont le dossier ressemble au vôtre, environ 39 ne remboursent pas leur crédit.',
    );
  });
});
