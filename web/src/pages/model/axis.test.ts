import { describe, expect, it } from 'vitest';
import { niceAxisMax } from './axis.ts';

describe('niceAxisMax', () => {
  it('rounds up with a margin, never landing just above a tick', () => {
    expect(niceAxisMax(0.71)).toBe(0.8);
    expect(niceAxisMax(0.18)).toBe(0.2);
    expect(niceAxisMax(0.041)).toBe(0.05);
    expect(niceAxisMax(0.3)).toBe(0.35);
  });

  it('leaves room above the largest value', () => {
    for (const v of [0.05, 0.123, 0.5, 0.76, 0.95]) {
      const max = niceAxisMax(v);
      expect(max).toBeGreaterThanOrEqual(v * 1.05);
      expect(max).toBeLessThanOrEqual(v * 2);
    }
  });

  it('falls back to the whole range without data', () => {
    expect(niceAxisMax(0)).toBe(1);
  });
});
