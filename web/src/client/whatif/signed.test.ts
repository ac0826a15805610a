import { describe, expect, it } from 'vitest';
import { signedChange } from './signed.ts';

describe('signedChange', () => {
  it('keeps one decimal below one unit, so a small move is not "+0"', () => {
    expect(signedChange(0.37, 'fr')).toBe('+0,4');
    expect(signedChange(-0.37, 'en')).toBe('\u22120.4');
    expect(signedChange(12.6, 'fr')).toBe('+13');
  });

  it('writes a true minus sign and no sign for a change that rounds to zero', () => {
    expect(signedChange(-3.2, 'fr')).toBe('\u22123');
    expect(signedChange(-0.1, 'fr', 1)).toBe('\u22120,1');
    expect(signedChange(0.01, 'fr')).toBe('0,0');
    expect(signedChange(-0.04, 'en', 1)).toBe('0.0');
  });
});
