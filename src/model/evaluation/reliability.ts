import type { ReliabilityCurve } from '../run-record.ts';
import { checkInteger, checkLabelledProbabilities } from './validate.ts';

/**
 * Reliability (calibration) curve on quantile bins: rows sorted by probability are cut into `bins`
 * groups of about equal size, each reporting its mean predicted probability, its observed default
 * rate and its size. Rows with equal probability always share a bin (a bin boundary moves past
 * ties), so there may be fewer than `bins` bins when probabilities take few values.
 */
export function reliabilityCurve(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  bins = 10,
): ReliabilityCurve {
  checkLabelledProbabilities(labels, probs);
  checkInteger(bins, 'bins', 1);
  const n = labels.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (probs[a] as number) - (probs[b] as number));
  const predicted: number[] = [];
  const observed: number[] = [];
  const count: number[] = [];
  let start = 0;
  for (let b = 1; b <= bins && start < n; b++) {
    let end = Math.max(start + 1, Math.round((b * n) / bins));
    if (b === bins) end = n;
    // Keep ties together: extend the bin past rows equal to its last probability.
    while (end < n && probs[order[end] as number] === probs[order[end - 1] as number]) end++;
    let sumP = 0;
    let sumY = 0;
    for (let k = start; k < end; k++) {
      const row = order[k] as number;
      sumP += probs[row] as number;
      sumY += labels[row] as number;
    }
    predicted.push(sumP / (end - start));
    observed.push(sumY / (end - start));
    count.push(end - start);
    start = end;
  }
  return { predicted, observed, count };
}
