import { describe, expect, it } from 'vitest';
import { DEFAULT_BAND_RANGES } from './score-bands.ts';
import { BAND_COLOURS, dialStops } from './score-gauge.ts';

describe('dialStops', () => {
  it('colours each band up to its edge and notches the threshold in black', () => {
    const stops = dialStops(DEFAULT_BAND_RANGES, 0.1, 0.4);
    const ends = stops.map(([end]) => Number(end.toFixed(3)));
    expect(ends).toEqual([0.05, 0.125, 0.244, 0.256, 0.3, 1]);
    expect(stops.map(([, colour]) => colour)).toEqual([
      BAND_COLOURS.excellent,
      BAND_COLOURS.good,
      BAND_COLOURS.fair,
      '#000000',
      BAND_COLOURS.fair,
      BAND_COLOURS.poor,
    ]);
  });

  it('keeps the stops increasing when the threshold sits on a band edge', () => {
    const stops = dialStops(DEFAULT_BAND_RANGES, 0.12, 0.4);
    for (let i = 1; i < stops.length; i++)
      expect(stops[i]?.[0]).toBeGreaterThan(stops[i - 1]?.[0] ?? 0);
    expect(stops.some(([, c]) => c === '#000000')).toBe(true);
    expect(stops[stops.length - 1]?.[0]).toBe(1);
  });
});
