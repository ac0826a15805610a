/**
 * A vertical line with a label at its top, drawn as a two-point line series: what ECharts'
 * markLine does, without its component (≈6 kB gzipped the JavaScript budget cannot spare). The
 * line is silent (no tooltip, no hover); an axis tooltip lists it unless its formatter skips the
 * series (its name is VERTICAL_LINE).
 */

/** The series name a tooltip formatter can skip. */
export const VERTICAL_LINE = '\u200bvertical-line';

export function verticalLine(props: {
  /** Where on the x axis: a value, or a category's name. */
  x: number | string;
  /** From and to on the y axis. */
  from: number;
  to: number;
  label: string;
  color: string;
  dashed?: boolean;
  /** The label's side of the line's top: 'right' reads away from a y axis on the left. */
  align?: 'left' | 'right';
}) {
  const { x, from, to, label, color, dashed = false, align = 'left' } = props;
  return {
    name: VERTICAL_LINE,
    type: 'line' as const,
    silent: true,
    tooltip: { show: false },
    symbol: 'circle',
    symbolSize: 1,
    z: 5,
    lineStyle: { color, width: 2, type: dashed ? ('dashed' as const) : ('solid' as const) },
    itemStyle: { color },
    data: [
      { value: [x, from], label: { show: false } },
      {
        value: [x, to],
        label: {
          show: true,
          formatter: label,
          position: 'top' as const,
          align,
          distance: 6,
          color: '#1b1f24',
          fontWeight: 'bold' as const,
        },
      },
    ],
  };
}
