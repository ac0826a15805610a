import { describe, expect, it } from 'vitest';
import {
  BAND_COLOURS,
  bandRanges,
  DEFAULT_BAND_RANGES,
  gaugeBands,
  gaugeMax,
  pdOfPoints,
} from './score-bands.ts';

const scale = { basePoints: 600, baseOdds: 50, pointsToDoubleOdds: 20 };

describe('pdOfPoints', () => {
  it('gives odds 50:1 at the base points and doubles the odds every 20 points', () => {
    expect(pdOfPoints(600, scale)).toBeCloseTo(1 / 51, 12);
    expect(pdOfPoints(620, scale)).toBeCloseTo(1 / 101, 12);
  });
});

describe('bandRanges', () => {
  it('turns minimum points into consecutive probability ranges, safest first', () => {
    const ranges = bandRanges({
      scoreScale: scale,
      scoreBands: [
        { name: 'poor', minPoints: null, decision: 'refuse' },
        { name: 'good', minPoints: 580, decision: 'grant' },
        { name: 'excellent', minPoints: 620, decision: 'grant' },
        { name: 'fair', minPoints: 540, decision: 'grant' },
      ],
    });
    expect(ranges.map((r) => r.name)).toEqual(['excellent', 'good', 'fair', 'poor']);
    expect(ranges[0]?.from).toBe(0);
    expect(ranges[0]?.to).toBeCloseTo(1 / 101, 12);
    expect(ranges[1]?.from).toBe(ranges[0]?.to);
    // 540 points: odds 50 / 8 = 6.25:1, so PD 1 / 7.25.
    expect(ranges[2]?.to).toBeCloseTo(1 / 7.25, 12);
    expect(ranges[3]?.to).toBe(1);
  });

  it('falls back to the training defaults without the model', () => {
    expect(bandRanges(null)).toBe(DEFAULT_BAND_RANGES);
  });
});

describe('gaugeMax', () => {
  it('keeps 40 % unless the needle or the threshold would leave the dial', () => {
    expect(gaugeMax(0.12, 0.09)).toBe(0.4);
    expect(gaugeMax(0.39, 0.09)).toBe(0.6);
    expect(gaugeMax(0.97, 0.5)).toBe(1);
  });
});

describe('gaugeBands', () => {
  it('gives each band its range and its colour, safest first, distinct colours', () => {
    const bands = gaugeBands(DEFAULT_BAND_RANGES);
    expect(bands).toEqual([
      [0, 0.02, BAND_COLOURS.excellent],
      [0.02, 0.05, BAND_COLOURS.good],
      [0.05, 1 / 11, BAND_COLOURS.fair],
      [1 / 11, 0.12, BAND_COLOURS.high],
      [0.12, 1, BAND_COLOURS.poor],
    ]);
    expect(new Set(bands.map(([, , colour]) => colour)).size).toBe(5);
  });
});
