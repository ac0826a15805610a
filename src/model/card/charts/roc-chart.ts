/** The ROC curve (true-positive rate against false-positive rate) with the chance diagonal. */
import type { Curve } from '../../run-record.ts';
import { lineChart } from './line-chart.ts';
import { PALETTE } from './svg.ts';

export function rocChart(curve: Curve, auc: number): string {
  return lineChart({
    title: 'ROC curve on the holdout',
    description: `True-positive rate (defaulters refused) against false-positive rate (repayers refused); area ${auc.toFixed(3)}.`,
    xLabel: 'False-positive rate (repayers refused)',
    yLabel: 'True-positive rate',
    xDomain: [0, 1],
    yDomain: [0, 1],
    diagonal: { label: 'chance' },
    series: [
      { name: `model (AUC ${auc.toFixed(3)})`, x: curve.x, y: curve.y, colour: PALETTE.blue },
    ],
  });
}
