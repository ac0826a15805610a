import type { ConfusionCounts } from '../run-record.ts';
import { checkLabelledProbabilities } from './validate.ts';

/**
 * Confusion counts of the decision "refuse when p ≥ threshold": a refused defaulter is a true
 * positive, a refused repayer a false positive, a granted defaulter a false negative.
 */
export function confusionAt(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  threshold: number,
): ConfusionCounts {
  checkLabelledProbabilities(labels, probs);
  if (Number.isNaN(threshold)) throw new RangeError('threshold must be a number, got NaN');
  let truePositive = 0;
  let falsePositive = 0;
  let trueNegative = 0;
  let falseNegative = 0;
  for (let i = 0; i < labels.length; i++) {
    const refused = (probs[i] as number) >= threshold;
    if (labels[i] === 1) {
      if (refused) truePositive++;
      else falseNegative++;
    } else if (refused) falsePositive++;
    else trueNegative++;
  }
  return { truePositive, falsePositive, trueNegative, falseNegative };
}
