/** Reliability diagram: observed default rate against predicted probability, per bin. */
import type { ReliabilityCurve } from '../../run-record.ts';
import { lineChart } from './line-chart.ts';
import { PALETTE } from './svg.ts';

export function reliabilityChart(before: ReliabilityCurve, after: ReliabilityCurve): string {
  const values = [...before.predicted, ...before.observed, ...after.predicted, ...after.observed];
  const top = Math.min(1, Math.max(0.01, ...values.filter(Number.isFinite)) * 1.05);
  return lineChart({
    title: 'Reliability diagram on the holdout',
    description:
      'Observed default rate against mean predicted probability per bin, before and after calibration; points on the diagonal are perfectly calibrated.',
    xLabel: 'Mean predicted probability',
    yLabel: 'Observed default rate',
    xDomain: [0, top],
    yDomain: [0, top],
    diagonal: { label: 'perfect calibration' },
    series: [
      {
        name: 'before',
        x: before.predicted,
        y: before.observed,
        colour: PALETTE.orange,
        dashed: true,
        dots: true,
      },
      { name: 'after', x: after.predicted, y: after.observed, colour: PALETTE.blue, dots: true },
    ],
  });
}
