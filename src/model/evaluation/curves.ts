import type { Curve } from '../run-record.ts';
import { rankingCounts } from './ranking.ts';
import { checkInteger } from './validate.ts';

/**
 * ROC and precision–recall curves for plotting, as columnar arrays. Full curves have one point per
 * distinct score; they are thinned to at most `maxPoints` points spread evenly along the curve's
 * length (so steep and flat parts both keep their shape), always keeping both ends. Without both
 * classes (ROC) or without any defaulter (PR) there is no curve: both arrays are empty.
 */

/** x = false positive rate, y = true positive rate, from (0, 0) to (1, 1). */
export function rocCurve(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  maxPoints = 200,
): Curve {
  checkInteger(maxPoints, 'maxPoints', 2);
  const { truePositives, falsePositives, positives, negatives } = rankingCounts(labels, scores);
  if (positives === 0 || negatives === 0) return { x: [], y: [] };
  const x = [0];
  const y = [0];
  for (let i = 0; i < truePositives.length; i++) {
    x.push((falsePositives[i] as number) / negatives);
    y.push((truePositives[i] as number) / positives);
  }
  return thinCurve(x, y, maxPoints);
}

/**
 * x = recall, y = precision, as scikit-learn's `precision_recall_curve` read from the highest
 * threshold down: it starts at (0, 1) and stops where recall first reaches 1.
 */
export function precisionRecallCurve(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  maxPoints = 200,
): Curve {
  checkInteger(maxPoints, 'maxPoints', 2);
  const { truePositives, falsePositives, positives } = rankingCounts(labels, scores);
  if (positives === 0) return { x: [], y: [] };
  const x = [0];
  const y = [1];
  for (let i = 0; i < truePositives.length; i++) {
    const tp = truePositives[i] as number;
    x.push(tp / positives);
    y.push(tp / (tp + (falsePositives[i] as number)));
    if (tp === positives) break;
  }
  return thinCurve(x, y, maxPoints);
}

/** Keeps at most `maxPoints` points, evenly spaced along the polyline's length, ends included. */
export function thinCurve(x: number[], y: number[], maxPoints: number): Curve {
  const n = x.length;
  if (n <= maxPoints) return { x, y };
  const along = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    along[i] =
      (along[i - 1] as number) +
      Math.hypot((x[i] as number) - (x[i - 1] as number), (y[i] as number) - (y[i - 1] as number));
  }
  const total = along[n - 1] as number;
  const keptX: number[] = [x[0] as number];
  const keptY: number[] = [y[0] as number];
  let i = 1;
  for (let k = 1; k < maxPoints - 1; k++) {
    const target = (k * total) / (maxPoints - 1);
    while (i < n - 1 && (along[i] as number) < target) i++;
    if (i >= n - 1) break;
    keptX.push(x[i] as number);
    keptY.push(y[i] as number);
    i++; // each point at most once
  }
  keptX.push(x[n - 1] as number);
  keptY.push(y[n - 1] as number);
  return { x: keptX, y: keptY };
}
