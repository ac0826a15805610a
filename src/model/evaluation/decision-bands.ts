import type { CostSpec, DecisionBands } from '../run-record.ts';
import { checkCosts, GRANT_ALL_THRESHOLD } from './cost.ts';
import { rankingCounts } from './ranking.ts';
import { checkLabelledProbabilities } from './validate.ts';

export interface DecisionBandOptions {
  /** Thresholds whose cost is within this share above the minimum count as equally good. 0.05. */
  readonly tolerance?: number;
  /** At most this share of applications is referred to a human. 0.15. */
  readonly maxReferShare?: number;
}

/**
 * Accept / refer / decline bands around the decision threshold.
 *
 * The rule: every threshold t defines a policy "refuse when p ≥ t" with a business cost. Near the
 * optimum the cost curve is flat, so several thresholds are practically as good (within 5% of the
 * minimum cost) and the decision for the clients between them is a coin toss for the business.
 * Those clients are referred to a human. The band grows from the given threshold one distinct
 * predicted value at a time, taking whichever neighbour (lower or higher threshold) is cheaper,
 * while that neighbour's cost stays within the tolerance and the referred clients stay at most 15%
 * of the applications; it stops at the first neighbour that fails (the band is contiguous).
 *
 * PD < acceptBelow: accept; PD ≥ declineFrom: decline; in between: refer; always
 * acceptBelow ≤ threshold ≤ declineFrom. If the given threshold itself is not within the
 * tolerance of the minimum, nobody is referred (acceptBelow = declineFrom = threshold).
 * declineFrom may be GRANT_ALL_THRESHOLD (nobody declined) when granting everyone is near-optimal.
 */
export function decisionBands(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  costs: CostSpec,
  threshold: number,
  { tolerance = 0.05, maxReferShare = 0.15 }: DecisionBandOptions = {},
): DecisionBands {
  checkLabelledProbabilities(labels, probs);
  checkCosts(costs);
  if (!(threshold >= 0 && threshold <= GRANT_ALL_THRESHOLD)) {
    throw new RangeError(`threshold must lie in [0, 1 + ε], got ${String(threshold)}`);
  }
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be ≥ 0, got ${String(tolerance)}`);
  if (!(maxReferShare >= 0 && maxReferShare <= 1)) {
    throw new RangeError(`maxReferShare must lie in [0, 1], got ${String(maxReferShare)}`);
  }
  const { thresholds, truePositives, falsePositives, positives } = rankingCounts(labels, probs);
  const distinct = thresholds.length;
  // Policy i refuses p ≥ thresholds[i] (decreasing); policy −1 grants everyone.
  const refused = (i: number) =>
    i < 0 ? 0 : (truePositives[i] as number) + (falsePositives[i] as number);
  const cost = (i: number) =>
    i < 0
      ? costs.falseNegative * positives
      : costs.falseNegative * (positives - (truePositives[i] as number)) +
        costs.falsePositive * (falsePositives[i] as number);
  let minimum = cost(-1);
  for (let i = 0; i < distinct; i++) minimum = Math.min(minimum, cost(i));
  const limit = minimum * (1 + tolerance);
  const maxReferred = maxReferShare * labels.length;

  // The policy equal to the given threshold: the last distinct value ≥ threshold.
  let at = -1;
  while (at + 1 < distinct && (thresholds[at + 1] as number) >= threshold) at++;
  let lower = at; // accept-below policy: a larger index, a lower threshold
  let upper = at; // decline-from policy: a smaller index, a higher threshold
  if (cost(at) <= limit) {
    for (;;) {
      const canLower =
        lower + 1 < distinct &&
        cost(lower + 1) <= limit &&
        refused(lower + 1) - refused(upper) <= maxReferred;
      const canUpper =
        upper - 1 >= -1 &&
        cost(upper - 1) <= limit &&
        refused(lower) - refused(upper - 1) <= maxReferred;
      if (!canLower && !canUpper) break;
      if (canLower && (!canUpper || cost(lower + 1) <= cost(upper - 1))) lower++;
      else upper--;
    }
  }
  return {
    acceptBelow: lower === at ? threshold : (thresholds[lower] as number),
    declineFrom:
      upper === at ? threshold : upper < 0 ? GRANT_ALL_THRESHOLD : (thresholds[upper] as number),
  };
}
