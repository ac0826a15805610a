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
  it('has four bands, best first, at the points of their PD limits', () => {
    const bands = defaultScoreBands();
    expect(bands.map((b) => b.name)).toEqual(['excellent', 'good', 'fair', 'poor']);
    expect(bands[0]?.minPoints).toBe(Math.round(pointsOf(BAND_PD_LIMITS.excellent)));
    expect(bands[1]?.minPoints).toBe(Math.round(pointsOf(BAND_PD_LIMITS.good)));
    expect(bands[2]?.minPoints).toBe(Math.round(pointsOf(BAND_PD_LIMITS.fair)));
    expect(bands[3]?.minPoints).toBeNull();
  });

  it('puts points in the right band', () => {
    const bands = defaultScoreBands();
    const excellent = bands[0]?.minPoints as number;
    expect(bandOf(excellent, bands)).toBe('excellent');
    expect(bandOf(excellent - 0.01, bands)).toBe('good');
    expect(bandOf(pointsOf(0.03), bands)).toBe('good');
    expect(bandOf(pointsOf(0.08), bands)).toBe('fair');
    expect(bandOf(pointsOf(0.3), bands)).toBe('poor');
    expect(bandOf(-1e9, bands)).toBe('poor');
    // The order of the bands does not matter.
    expect(bandOf(pointsOf(0.03), [...bands].reverse())).toBe('good');
  });

  it('throws when no band covers the points', () => {
    expect(() => bandOf(100, [{ name: 'good', minPoints: 500 }])).toThrow(/no score band/);
  });
});
