import { describe, expect, it } from 'vitest';
import { binOf, histogramOf } from './histogram.ts';
import { distribution } from './test-fixtures.ts';

describe('histogramOf', () => {
  it('turns counts into shares of each outcome so groups of any size compare', () => {
    const h = histogramOf(distribution());
    expect(h.totals).toEqual({ repaid: 80, defaulted: 10, unknown: 10 });
    expect(h.bins.map((b) => b.repaidShare)).toEqual([30 / 80, 40 / 80, 10 / 80]);
    expect(h.bins.map((b) => b.defaultedShare)).toEqual([0.2, 0.3, 0.5]);
    expect(h.bins[2]?.defaultRate).toBeCloseTo(5 / 15, 12);
    expect(h.bins[1]).toMatchObject({ from: 100_000, to: 200_000 });
  });

  it('gives zero shares, not NaN, for an empty group, and places the client in their bin', () => {
    const empty = histogramOf(
      distribution({
        size: 0,
        counts: { repaid: [0, 0, 0], defaulted: [0, 0, 0], unknown: [0, 0, 0] },
        client: null,
      }),
    );
    expect(empty.bins.every((b) => b.repaidShare === 0 && b.defaultRate === null)).toBe(true);
    expect(empty.clientBin).toBeNull();
    expect(histogramOf(distribution()).clientBin).toBe(2);
  });
});

describe('binOf', () => {
  it('counts values beyond the edges in the end bins, as the API does', () => {
    const edges = [0, 10, 20, 30];
    expect(binOf(edges, -5)).toBe(0);
    expect(binOf(edges, 10)).toBe(1);
    expect(binOf(edges, 29.9)).toBe(2);
    expect(binOf(edges, 1e9)).toBe(2);
    expect(binOf(edges, Number.NaN)).toBeNull();
  });

  it("places the client on a customer's merged bins, whose widths differ", () => {
    const merged = [0, 10, 40, 50];
    expect(binOf(merged, 5)).toBe(0);
    expect(binOf(merged, 10)).toBe(1);
    expect(binOf(merged, 39.9)).toBe(1);
    expect(binOf(merged, 45)).toBe(2);
    expect(binOf(merged, -1)).toBe(0);
    expect(binOf(merged, 99)).toBe(2);
  });
});
