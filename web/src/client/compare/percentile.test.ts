import { describe, expect, it } from 'vitest';
import { percentileSentence } from './percentile.ts';
import { distribution } from './test-fixtures.ts';

describe('percentileSentence', () => {
  it('says where the client stands in plain French, rounded down', () => {
    expect(percentileSentence(distribution(), 'fr')).toBe(
      'Ce client se situe au-dessus de 73\u00a0% des clients du groupe.',
    );
    expect(percentileSentence(distribution({ client: { value: 1, percentile: 99.6 } }), 'en')).toBe(
      'This client is above 99% of the clients in the group.',
    );
  });

  it('explains an empty group and a missing value instead of a number', () => {
    expect(percentileSentence(distribution({ size: 0, client: null }), 'fr')).toContain(
      'Aucun client',
    );
    expect(percentileSentence(distribution({ client: null }), 'en')).toContain('no value');
  });

  it('speaks to the customer reading their own file, in French and English', () => {
    expect(percentileSentence(distribution(), 'fr', true)).toBe(
      'Vous vous situez au-dessus de 73\u00a0% des clients du groupe.',
    );
    expect(percentileSentence(distribution(), 'en', true)).toBe(
      'You are above 73% of the clients in the group.',
    );
    expect(percentileSentence(distribution({ client: null }), 'fr', true)).toBe(
      "Votre dossier n'a pas de valeur pour cette caractéristique.",
    );
    expect(percentileSentence(distribution({ client: null }), 'en', true)).toBe(
      'Your file has no value for this characteristic.',
    );
    // The adviser's sentence for the same file stays about "this client".
    expect(percentileSentence(distribution({ client: null }), 'fr')).toBe(
      "Ce client n'a pas de valeur pour cette caractéristique.",
    );
  });
});
