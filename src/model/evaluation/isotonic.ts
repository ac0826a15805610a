import type { CalibratorSpec } from '../run-record.ts';
import { checkInteger, checkLabelledProbabilities } from './validate.ts';

/** Knots kept at most in an isotonic calibrator, so run.json stays small. */
export const MAX_ISOTONIC_KNOTS = 400;

/**
 * Isotonic calibration: the non-decreasing step function of the raw probability that best fits the
 * labels in squared error, by pool-adjacent-violators. Rows with equal raw probability are merged
 * first (their mean label, weighted by their count), as scikit-learn's IsotonicRegression does.
 *
 * The result is stored as knots of a piecewise-linear function: each pooled block contributes its
 * first and last raw probability at the block's mean label, and applying interpolates linearly
 * between blocks (scikit-learn's `predict` exactly, for inputs inside the training range; flat
 * outside it). When there would be more than `maxKnots` knots, knots are kept at evenly spaced
 * shares of the rows (both ends always kept): a subset of a non-decreasing sequence of knots is
 * still non-decreasing, so the calibrator stays monotone.
 */
export function fitIsotonic(
  probs: ArrayLike<number>,
  labels: ArrayLike<number>,
  maxKnots = MAX_ISOTONIC_KNOTS,
): CalibratorSpec & { kind: 'isotonic' } {
  checkLabelledProbabilities(labels, probs);
  checkInteger(maxKnots, 'maxKnots', 2);
  const n = labels.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (probs[a] as number) - (probs[b] as number));

  // Distinct x with the count and label sum of their rows.
  const xs = new Float64Array(n);
  const weights = new Float64Array(n);
  const sums = new Float64Array(n);
  let unique = -1;
  for (let k = 0; k < n; k++) {
    const row = order[k] as number;
    const x = probs[row] as number;
    if (unique < 0 || x !== xs[unique]) {
      unique++;
      xs[unique] = x;
    }
    weights[unique] = (weights[unique] as number) + 1;
    sums[unique] = (sums[unique] as number) + (labels[row] as number);
  }
  const distinct = unique + 1;

  // PAVA on a stack of blocks: merge backwards while the previous block's mean is not below.
  const blockWeight = new Float64Array(distinct);
  const blockSum = new Float64Array(distinct);
  const blockFirst = new Int32Array(distinct); // first distinct-x index of the block
  let top = -1;
  for (let u = 0; u < distinct; u++) {
    top++;
    blockWeight[top] = weights[u] as number;
    blockSum[top] = sums[u] as number;
    blockFirst[top] = u;
    while (
      top > 0 &&
      (blockSum[top - 1] as number) / (blockWeight[top - 1] as number) >=
        (blockSum[top] as number) / (blockWeight[top] as number)
    ) {
      blockWeight[top - 1] = (blockWeight[top - 1] as number) + (blockWeight[top] as number);
      blockSum[top - 1] = (blockSum[top - 1] as number) + (blockSum[top] as number);
      top--;
    }
  }

  const x: number[] = [];
  const y: number[] = [];
  const rowsBefore: number[] = []; // rows left of each knot, to thin by share of rows
  let seen = 0;
  for (let b = 0; b <= top; b++) {
    const first = blockFirst[b] as number;
    const last = b < top ? (blockFirst[b + 1] as number) - 1 : distinct - 1;
    const value = (blockSum[b] as number) / (blockWeight[b] as number);
    x.push(xs[first] as number);
    y.push(value);
    rowsBefore.push(seen);
    seen += blockWeight[b] as number;
    if (last > first) {
      x.push(xs[last] as number);
      y.push(value);
      rowsBefore.push(seen - (weights[last] as number));
    }
  }
  if (x.length <= maxKnots) return { kind: 'isotonic', x, y };

  const keptX: number[] = [x[0] as number];
  const keptY: number[] = [y[0] as number];
  let k = 1;
  for (let j = 1; j < maxKnots - 1; j++) {
    const target = (j * n) / (maxKnots - 1);
    while (k < x.length - 1 && (rowsBefore[k] as number) < target) k++;
    if (k >= x.length - 1) break;
    keptX.push(x[k] as number);
    keptY.push(y[k] as number);
    k++;
  }
  keptX.push(x[x.length - 1] as number);
  keptY.push(y[y.length - 1] as number);
  return { kind: 'isotonic', x: keptX, y: keptY };
}

/** Piecewise-linear interpolation through the knots, flat outside them. */
export function interpolateKnots(x: readonly number[], y: readonly number[], p: number): number {
  const last = x.length - 1;
  if (last < 0) throw new RangeError('an isotonic calibrator needs at least one knot');
  if (p <= (x[0] as number)) return y[0] as number;
  if (p >= (x[last] as number)) return y[last] as number;
  // Largest i with x[i] ≤ p; then x[i] ≤ p < x[i + 1].
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((x[mid] as number) <= p) lo = mid;
    else hi = mid;
  }
  const x0 = x[lo] as number;
  const y0 = y[lo] as number;
  return y0 + (((y[hi] as number) - y0) * (p - x0)) / ((x[hi] as number) - x0);
}
