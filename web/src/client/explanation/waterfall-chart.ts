import type { EChartsOption } from '../../charts/echarts.ts';
import { palette } from '../../charts/palette.ts';
import type { WaterfallStep } from './waterfall-steps.ts';
import type { WeightUnit } from './weights.ts';

/** Whether a step raises the risk: up in probability, down in points. */
export function isAdverse(step: WaterfallStep, unit: WeightUnit): boolean {
  return unit === 'pp' ? step.delta > 0 : step.delta < 0;
}

const TRANSPARENT = 'rgba(0,0,0,0)';

/**
 * A horizontal waterfall: a transparent base bar stacked under the visible one makes each step
 * float from where the previous ended. Start and end bars are grey and black, adverse steps
 * orange, favourable blue (and signed in their labels, so colour is never alone).
 */
export function waterfallOption(input: {
  steps: readonly WaterfallStep[];
  labels: readonly string[];
  unit: WeightUnit;
  /** The label drawn at each bar's end (signed change, or the value for start and end). */
  valueLabel: (step: WaterfallStep) => string;
}): EChartsOption {
  const { steps, labels, unit, valueLabel } = input;
  const colourOf = (s: WaterfallStep) =>
    s.kind === 'start'
      ? palette.neutral
      : s.kind === 'end'
        ? palette.client
        : s.kind === 'adjustment'
          ? palette.neutral
          : isAdverse(s, unit)
            ? palette.bad
            : palette.good;
  const lows = steps.map((s) => Math.min(s.from, s.to));
  const highs = steps.map((s) => Math.max(s.from, s.to));
  const floating = steps.filter((s) => s.kind !== 'start' && s.kind !== 'end');
  // Points sit far from 0 (≈ 500): start the axis just below the lowest step instead.
  const axisMin =
    unit === 'pp'
      ? 0
      : Math.floor((Math.min(...floating.map((s) => Math.min(s.from, s.to)), ...highs) - 10) / 10) *
        10;
  return {
    animation: false,
    grid: { left: 8, right: 72, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', min: axisMin, axisLabel: { color: '#4a5360' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...labels],
      axisLabel: { color: '#1b1f24', width: 180, overflow: 'break' },
    },
    tooltip: { show: false },
    series: [
      {
        type: 'bar',
        stack: 'waterfall',
        silent: true,
        itemStyle: { color: TRANSPARENT },
        data: steps.map((s, i) => (s.kind === 'start' || s.kind === 'end' ? 0 : lows[i])),
      },
      {
        type: 'bar',
        stack: 'waterfall',
        barMaxWidth: 22,
        data: steps.map((s, i) => ({
          value:
            s.kind === 'start' || s.kind === 'end'
              ? s.to
              : Math.max((highs[i] ?? 0) - (lows[i] ?? 0), 1e-9),
          itemStyle: { color: colourOf(s) },
          label: {
            show: true,
            position: 'right',
            color: '#1b1f24',
            formatter: () => valueLabel(s),
          },
        })),
      },
    ],
  };
}
