/** Normalised business cost against the decision threshold, with the chosen threshold marked. */
import type { Curve } from '../../run-record.ts';
import { lineChart } from './line-chart.ts';
import { PALETTE } from './svg.ts';

export function costChart(curve: Curve, threshold: number): string {
  const finite = curve.y.filter(Number.isFinite);
  const top = Math.max(1, ...finite);
  return lineChart({
    title: 'Business cost against the threshold',
    description: `Normalised cost (1 = the better of granting all or refusing all) for each threshold on the probability of default; the chosen threshold is ${threshold.toFixed(3)}.`,
    xLabel: 'Threshold on the probability of default',
    yLabel: 'Normalised cost',
    xDomain: [0, 1],
    yDomain: [0, top],
    series: [{ name: 'out-of-fold cost', x: curve.x, y: curve.y, colour: PALETTE.blue }],
    marker: { x: threshold, label: `threshold ${threshold.toFixed(3)}` },
  });
}
