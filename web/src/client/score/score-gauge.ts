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

/** The dial's geometry, shared by the bands and the threshold marker so they line up. */
const DIAL = {
  min: 0,
  startAngle: 200,
  endAngle: -20,
  radius: '95%',
  center: ['50%', '62%'],
} as const;
/** Width of the coloured arc in px, and its outer radius as the chart usually draws it (250 px high). */
const ARC_WIDTH = 18;
const ASSUMED_RADIUS = 0.95 * 125;

/** ECharts' gauge colours its arc by stops [[end share, colour], …]: one stop per band. */
export function dialStops(ranges: readonly BandRange[], max: number) {
  const stops: [number, string][] = [];
  for (const range of ranges) {
    const end = Math.min(range.to / max, 1);
    const last = stops[stops.length - 1]?.[0] ?? 0;
    if (end > last) stops.push([end, BAND_COLOURS[range.name]]);
    if (end >= 1) break;
  }
  return stops;
}

/** The angle (degrees, counter-clockwise from 3 o'clock) at which the dial shows a value. */
function dialAngle(value: number, max: number): number {
  const share = Math.min(Math.max(value / max, 0), 1);
  return DIAL.startAngle + (DIAL.endAngle - DIAL.startAngle) * share;
}

/**
 * Where to centre the threshold's label, as offsets from the dial's centre in % of its radius:
 * just inside the arc at the threshold's angle, far enough in that the text box clears the arc
 * whatever the angle (ECharts centres gauge texts on their anchor).
 */
export function thresholdLabelOffset(
  threshold: number,
  max: number,
  text: { width: number; height: number },
): [string, string] {
  const angle = (dialAngle(threshold, max) * Math.PI) / 180;
  const dx = Math.cos(angle);
  const dy = -Math.sin(angle);
  const halfExtent = (Math.abs(dx) * text.width + Math.abs(dy) * text.height) / 2;
  const inner = ASSUMED_RADIUS - ARC_WIDTH - 6;
  const share = ((inner - halfExtent) / ASSUMED_RADIUS) * 100;
  return [`${(dx * share).toFixed(1)}%`, `${(dy * share).toFixed(1)}%`];
}

const THRESHOLD_WORD = { fr: 'seuil', en: 'threshold' } as const;

/**
 * The threshold as a second gauge drawn over the first: a thick black bar with a white outline
 * across the arc (visible on every band colour) and its value in words just inside it.
 */
function thresholdSeries(threshold: number, max: number, language: Language) {
  const lines = [THRESHOLD_WORD[language], formatPercent(threshold, language, 1)];
  // Bold 11 px text: about 6.5 px a character, 14 px a line.
  const size = { width: Math.max(...lines.map((l) => l.length)) * 6.5, height: lines.length * 14 };
  return {
    type: 'gauge' as const,
    ...DIAL,
    max,
    axisLine: { show: false },
    axisTick: { show: false },
    splitLine: { show: false },
    axisLabel: { show: false },
    anchor: { show: false },
    title: { show: false },
    // A short bar from 6 px inside the arc to 6 px beyond it (the pointer's offset moves it out).
    pointer: {
      icon: 'rect',
      width: 5,
      length: `${((ARC_WIDTH + 12) / ASSUMED_RADIUS) * 100}%`,
      offsetCenter: [0, `${-((ASSUMED_RADIUS - ARC_WIDTH - 6) / ASSUMED_RADIUS) * 100}%`],
      itemStyle: { color: THRESHOLD_COLOUR, borderColor: '#ffffff', borderWidth: 1.5 },
    },
    detail: {
      offsetCenter: thresholdLabelOffset(threshold, max, size),
      fontSize: 11,
      fontWeight: 'bold' as const,
      lineHeight: 14,
      color: '#1b1f24',
      // A white halo, not a box: the gauge's detail box defaults to 100 × 40 px and would veil the arc.
      textBorderColor: '#ffffff',
      textBorderWidth: 3,
      formatter: () => lines.join('\n'),
    },
    data: [{ value: threshold }],
  };
}

/** Axis labels this close to the threshold (share of the dial) would collide with its label. */
const LABEL_CLEARANCE = 0.07;

/** The gauge of the probability of default, 0 → max, bands coloured, threshold marked and labelled. */
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
        ...DIAL,
        max,
        splitNumber: Math.round(max * 10),
        axisLine: { lineStyle: { width: ARC_WIDTH, color: dialStops(ranges, max) } },
        axisTick: { distance: -18, length: 5, lineStyle: { color: '#ffffff', width: 1 } },
        splitLine: { distance: -18, length: 18, lineStyle: { color: '#ffffff', width: 2 } },
        axisLabel: {
          distance: 24,
          color: '#4a5360',
          fontSize: 12,
          formatter: (value: number) =>
            Math.abs(value - threshold) / max < LABEL_CLEARANCE
              ? ''
              : formatPercent(value, language, 0),
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
      thresholdSeries(threshold, max, language),
    ],
  };
}
