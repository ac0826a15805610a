import { describe, expect, it } from 'vitest';
import { formatWeight } from './weights.ts';

describe('formatWeight', () => {
  it('signs every weight but a nil one and writes the unit', () => {
    expect(formatWeight(7.9006, 'pp', 'fr')).toBe('+7,9 pp');
    expect(formatWeight(-15.69, 'points', 'en')).toBe('−15.7 pts');
    expect(formatWeight(0.01, 'pp', 'en')).toBe('0.0 pp');
  });
});
