import type { EChartsOption } from '../../charts/echarts.ts';
import { bandColours } from '../../charts/palette.ts';
import { formatPercent } from '../../i18n/format.ts';
import type { Language } from '../../i18n/language.tsx';
import type { BandRange } from './score-bands.ts';
import type { BandName } from './score-types.ts';

/** Safest to riskiest along the sequential palette; yellow is skipped (too faint on white). */
export const BAND_COLOURS: Record<BandName, string> = {
  excellent: bandColours[0],
  good: bandColours[1],
  fair: bandColours[3],
  poor: bandColours[4],
};

const THRESHOLD_COLOUR = '#000000';
/** Half the width of the threshold's notch on the dial, as a share of the dial. */
const NOTCH = 0.006;

/**
 * ECharts' gauge colours its arc by stops [[end share, colour], …]; the bands become stops, and
 * the threshold a thin black notch cut into them.
 */
export function dialStops(ranges: readonly BandRange[], threshold: number, max: number) {
  const stops: [number, string][] = [];
  const t = threshold / max;
  const push = (end: number, colour: string) => {
    const last = stops[stops.length - 1]?.[0] ?? 0;
    if (end > last) stops.push([Math.min(end, 1), colour]);
  };
  for (const range of ranges) {
    const end = range.to / max;
    const colour = BAND_COLOURS[range.name];
    if (t > 0 && t < 1 && t - NOTCH < end && (stops[stops.length - 1]?.[0] ?? 0) <= t - NOTCH) {
      push(t - NOTCH, colour);
      push(t + NOTCH, THRESHOLD_COLOUR);
    }
    push(end, colour);
    if (end >= 1) break;
  }
  return stops;
}

/** The gauge of the probability of default, 0 → max, bands coloured, threshold notched. */
export function gaugeOption(input: {
  probability: number;
  threshold: number;
  ranges: readonly BandRange[];
  max: number;
  language: Language;
}): EChartsOption {
  const { probability, threshold, ranges, max, language } = input;
  return {
    animation: false,
    series: [
      {
        type: 'gauge',
        min: 0,
        max,
        startAngle: 200,
        endAngle: -20,
        radius: '95%',
        center: ['50%', '62%'],
        splitNumber: Math.round(max * 10),
        axisLine: { lineStyle: { width: 18, color: dialStops(ranges, threshold, max) } },
        axisTick: { distance: -18, length: 5, lineStyle: { color: '#ffffff', width: 1 } },
        splitLine: { distance: -18, length: 18, lineStyle: { color: '#ffffff', width: 2 } },
        axisLabel: {
          distance: 24,
          color: '#4a5360',
          fontSize: 12,
          formatter: (value: number) => formatPercent(value, language, 0),
        },
        pointer: { length: '72%', width: 6, itemStyle: { color: '#000000' } },
        anchor: { show: true, size: 12, itemStyle: { color: '#000000' } },
        title: { show: false },
        detail: {
          offsetCenter: [0, '32%'],
          fontSize: 22,
          fontWeight: 'bold',
          color: '#1b1f24',
          formatter: () => formatPercent(probability, language, 1),
        },
        data: [{ value: Math.min(probability, max) }],
      },
    ],
  };
}
