import { describe, expect, it } from 'vitest';
import {
  BAND_PD_LIMITS,
  bandOf,
  DEFAULT_SCORE_SCALE,
  defaultScoreBands,
  pdOfPoints,
  pointsOf,
  pointsOfContribution,
  scaleFactor,
  scaleOffset,
  scoreBandsAt,
} from './score-scale.ts';

describe('score scale', () => {
  it('puts 600 points at odds 50:1 and adds 20 points per doubling of the odds', () => {
    // Odds good:bad 50:1 ↔ PD 1/51; 100:1 ↔ PD 1/101; 25:1 ↔ PD 1/26.
    expect(pointsOf(1 / 51)).toBeCloseTo(600, 10);
    expect(pointsOf(1 / 101)).toBeCloseTo(620, 10);
    expect(pointsOf(1 / 26)).toBeCloseTo(580, 10);
    // factor = 20 / ln 2 ≈ 28.854, offset = 600 − factor · ln 50 ≈ 487.123 (the points at 1:1).
    expect(scaleFactor(DEFAULT_SCORE_SCALE)).toBeCloseTo(28.8539, 4);
    expect(scaleOffset(DEFAULT_SCORE_SCALE)).toBeCloseTo(487.1229, 4);
    expect(pointsOf(0.5)).toBeCloseTo(scaleOffset(DEFAULT_SCORE_SCALE), 10);
  });

  it('follows a configured scale', () => {
    const scale = { basePoints: 500, baseOdds: 20, pointsToDoubleOdds: 40 };
    expect(pointsOf(1 / 21, scale)).toBeCloseTo(500, 10);
    expect(pointsOf(1 / 41, scale)).toBeCloseTo(540, 10);
  });

  it('round-trips: pdOfPoints(pointsOf(p)) = p', () => {
    for (const p of [1e-6, 0.001, 0.02, 0.0909, 0.3, 0.5, 0.77, 0.999, 1 - 1e-6]) {
      expect(pdOfPoints(pointsOf(p))).toBeCloseTo(p, 12);
      expect(Math.abs(pdOfPoints(pointsOf(p)) - p) / p).toBeLessThan(1e-9);
    }
  });

  it('clips PD 0 and 1 to finite points', () => {
    expect(pointsOf(0)).toBeCloseTo(pointsOf(1e-6), 10);
    expect(pointsOf(1)).toBeCloseTo(pointsOf(1 - 1e-6), 10);
    expect(() => pointsOf(1.2)).toThrow(/pd must be a probability/);
  });

  it('turns a log-odds contribution into points', () => {
    // Doubling the odds of default (+ln 2) costs 20 points.
    expect(pointsOfContribution(Math.LN2)).toBeCloseTo(-20, 12);
    expect(pointsOfContribution(-0.5)).toBeCloseTo(0.5 * scaleFactor(DEFAULT_SCORE_SCALE), 12);
    // Consistent with pointsOf: shifting the log-odds of default by φ moves the points by −factor·φ.
    const pd = 0.1;
    const shifted = 1 / (1 + Math.exp(-(Math.log(pd / (1 - pd)) + 0.3)));
    expect(pointsOf(shifted) - pointsOf(pd)).toBeCloseTo(pointsOfContribution(0.3), 9);
  });
});

describe('score bands', () => {
  it('cuts the plain bands at the threshold: three granted, two refused, best first', () => {
    const threshold = 1 / 11;
    const bands = scoreBandsAt(threshold);
    expect(bands.map((b) => [b.name, b.decision])).toEqual([
      ['excellent', 'grant'],
      ['good', 'grant'],
      ['fair', 'grant'],
      ['high', 'refuse'],
      ['poor', 'refuse'],
    ]);
    expect(bands[0]?.minPoints).toBe(Math.round(pointsOf(BAND_PD_LIMITS.excellent)));
    expect(bands[1]?.minPoints).toBe(Math.round(pointsOf(BAND_PD_LIMITS.good)));
    // The threshold's own points, not rounded: the edge between granted and refused.
    expect(bands[2]?.minPoints).toBe(pointsOf(threshold));
    expect(bands[3]?.minPoints).toBe(Math.round(pointsOf(BAND_PD_LIMITS.high)));
    expect(bands[4]?.minPoints).toBeNull();
    expect(defaultScoreBands()).toEqual(bands);
  });

  it('never holds granted and refused clients in one band, whatever the threshold', () => {
    const next = (x: number, ulps: number) => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, x);
      view.setBigInt64(0, view.getBigInt64(0) + BigInt(ulps));
      return view.getFloat64(0);
    };
    for (const threshold of [
      0, 0.005, 0.02, 0.0201, 0.03, 0.0499, 0.05, 0.0501, 0.0912, 0.1199, 0.12, 0.2, 0.6, 1,
    ]) {
      const bands = scoreBandsAt(threshold);
      expect(bands.filter((b) => b.minPoints === null)).toHaveLength(1);
      const sides = new Map<string, Set<string>>();
      const probabilities = [
        ...Array.from({ length: 2001 }, (_, i) => i / 2000),
        ...[-3, -2, -1, 0, 1, 2, 3].map((u) => next(threshold, u)),
      ].filter((p) => p >= 0 && p <= 1);
      for (const p of probabilities) {
        const decision = p >= threshold ? 'refuse' : 'grant';
        const band = bandOf(pointsOf(p), bands, decision);
        expect(bands.find((b) => b.name === band)?.decision, `${p} at ${threshold}`).toBe(decision);
        sides.set(band, (sides.get(band) ?? new Set()).add(decision));
      }
      for (const [band, decisions] of sides)
        expect(decisions.size, `${band} at ${threshold}`).toBe(1);
    }
  });

  it('names the refused bands high and poor, the granted ones excellent, good and fair', () => {
    expect(scoreBandsAt(0.03).map((b) => b.name)).toEqual(['excellent', 'good', 'high', 'poor']);
    expect(scoreBandsAt(0.2).map((b) => b.name)).toEqual(['excellent', 'good', 'fair', 'poor']);
    expect(scoreBandsAt(0).map((b) => b.name)).toEqual(['high', 'poor']);
  });

  it('puts points in the right band', () => {
    const bands = defaultScoreBands();
    const excellent = bands[0]?.minPoints as number;
    expect(bandOf(excellent, bands)).toBe('excellent');
    expect(bandOf(excellent - 0.01, bands)).toBe('good');
    expect(bandOf(pointsOf(0.03), bands)).toBe('good');
    expect(bandOf(pointsOf(0.08), bands)).toBe('fair');
    expect(bandOf(pointsOf(0.1), bands)).toBe('high');
    expect(bandOf(pointsOf(0.3), bands)).toBe('poor');
    expect(bandOf(-1e9, bands)).toBe('poor');
    // The order of the bands does not matter.
    expect(bandOf(pointsOf(0.03), [...bands].reverse())).toBe('good');
  });

  it('throws when no band covers the points', () => {
    expect(() => bandOf(100, [{ name: 'good', minPoints: 500, decision: 'grant' }])).toThrow(
      /no score band/,
    );
  });
});
