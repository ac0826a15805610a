import { describe, expect, it } from 'vitest';
import { DEFAULT_BAND_RANGES } from './score-bands.ts';
import { BAND_COLOURS, dialStops, gaugeOption, thresholdLabelOffset } from './score-gauge.ts';

interface GaugeSeries {
  axisLabel: { formatter?: (v: number) => string };
  pointer: { icon?: string; width: number };
  detail: { formatter: () => string; offsetCenter: [string, string] };
  data: { value: number }[];
}

function series(threshold: number, language: 'fr' | 'en' = 'fr') {
  const option = gaugeOption({
    probability: 0.159,
    threshold,
    ranges: DEFAULT_BAND_RANGES,
    max: 0.4,
    language,
  });
  return option.series as GaugeSeries[];
}

describe('dialStops', () => {
  it('colours each band up to its edge', () => {
    const stops = dialStops(DEFAULT_BAND_RANGES, 0.4);
    expect(stops.map(([end]) => Number(end.toFixed(3)))).toEqual([0.05, 0.125, 0.3, 1]);
    expect(stops.map(([, colour]) => colour)).toEqual([
      BAND_COLOURS.excellent,
      BAND_COLOURS.good,
      BAND_COLOURS.fair,
      BAND_COLOURS.poor,
    ]);
  });
});

describe('gaugeOption threshold', () => {
  it('marks the threshold with a thick bar and labels it in words', () => {
    const [, marker] = series(0.082);
    expect(marker?.data[0]?.value).toBe(0.082);
    expect(marker?.pointer.icon).toBe('rect');
    expect(marker?.pointer.width).toBeGreaterThanOrEqual(4);
    expect(marker?.detail.formatter()).toMatch(/^seuil\n8,2\s%$/);
    expect(series(0.082, 'en')[1]?.detail.formatter()).toBe('threshold\n8.2%');
  });

  it('hides the dial labels the threshold label would overlap, and only those', () => {
    const format = series(0.082)[0]?.axisLabel.formatter;
    expect(format?.(0.1)).toBe('');
    expect(format?.(0)).toMatch(/^0\s%$/);
    expect(format?.(0.2)).toMatch(/^20\s%$/);
  });

  it('puts the label inside the arc on the side of the threshold', () => {
    const box = { width: 40, height: 28 };
    const [lowX, lowY] = thresholdLabelOffset(0.02, 0.4, box).map(parseFloat);
    const [highX] = thresholdLabelOffset(0.38, 0.4, box).map(parseFloat);
    const [topX, topY] = thresholdLabelOffset(0.2, 0.4, box).map(parseFloat);
    expect(lowX).toBeLessThan(0);
    expect(lowY).toBeGreaterThan(0); // below the centre: the dial starts under the horizontal
    expect(highX).toBeGreaterThan(0);
    expect(Math.abs(topX ?? 1)).toBeLessThan(1);
    expect(topY).toBeLessThan(0);
    // Clear of the arc: the box's farthest corner stays inside the arc's inner edge.
    for (const t of [0.02, 0.1, 0.2, 0.3, 0.38]) {
      const r = 118.75;
      const [x, y] = thresholdLabelOffset(t, 0.4, box).map((v) => (parseFloat(v) / 100) * r);
      const corner = Math.hypot(
        Math.abs(x ?? 0) + box.width / 2,
        Math.abs(y ?? 0) + box.height / 2,
      );
      expect(corner).toBeLessThan(r - 18);
    }
  });
});
