import { describe, expect, it } from 'vitest';
import { formatFeatureValue } from './format-value.ts';

describe('formatFeatureValue', () => {
  it('words days before the application as the profile does, never as a raw negative', () => {
    expect(formatFeatureValue(-321.2, 'days', 'fr', 'DAYS_LAST_PHONE_CHANGE')).toBe(
      'il y a 11 mois',
    );
    expect(formatFeatureValue(-20, 'days', 'en', 'DAYS_LAST_PHONE_CHANGE')).toBe('20 days ago');
    expect(formatFeatureValue(-16000, 'days', 'fr', 'DAYS_BIRTH')).toMatch(/^43(,8)? ans$/); // the profile's wording of an age
  });

  it('writes other negatives with a true minus sign', () => {
    expect(formatFeatureValue(-2.5, null, 'fr')).toBe('\u22122,50');
    expect(formatFeatureValue(-1200, 'currency', 'en')).toBe('\u22121,200');
    expect(formatFeatureValue(0.25, 'ratio', 'fr')).toBe('0,25');
  });

  it('says a missing value with a dash', () => {
    expect(formatFeatureValue(null, 'days', 'fr')).toBe('—');
  });
});
