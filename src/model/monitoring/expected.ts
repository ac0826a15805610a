/**
 * The performance the calibrated probabilities imply, before any outcome is known: if each
 * applicant i defaults with their probability p_i, independently, then
 * - the expected default rate is mean(p_i);
 * - the expected AUC is Σ_{i≠j} p_i (1 − p_j) [s_i > s_j] / Σ_{i≠j} p_i (1 − p_j) (ties count ½),
 *   the ratio of the expected concordant weight to the expected number of (default, repaid) pairs,
 *   which approximates E[AUC] to O(1/n). With s = p it measures how spread the probabilities are:
 *   a window whose probabilities crowd together implies a lower AUC before losses show it.
 * Computed in O(n log n): rows sorted by score, each row's "repaid" weight below it accumulated.
 */

export interface ExpectedPerformance {
  readonly count: number;
  readonly expectedDefaultRate: number;
  readonly expectedAuc: number;
}

/** Expected default rate and AUC of probabilities `probs` ranked by `scores` (default: probs). */
export function expectedPerformance(
  probs: ArrayLike<number>,
  scores: ArrayLike<number> = probs,
): ExpectedPerformance {
  const n = probs.length;
  if (n === 0) return { count: 0, expectedDefaultRate: Number.NaN, expectedAuc: Number.NaN };
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let sumP = 0;
  let sumQ = 0;
  let sumPQ = 0;
  let concordant = 0;
  let repaidBelow = 0;
  let i = 0;
  while (i < n) {
    // A group of tied scores.
    let j = i;
    while (j + 1 < n && scores[order[j + 1] as number] === scores[order[i] as number]) j++;
    let groupP = 0;
    let groupQ = 0;
    let groupPQ = 0;
    for (let k = i; k <= j; k++) {
      const p = probs[order[k] as number] as number;
      groupP += p;
      groupQ += 1 - p;
      groupPQ += p * (1 - p);
    }
    // Pairs inside the group are ties (½), excluding each row with itself.
    concordant += groupP * repaidBelow + 0.5 * (groupP * groupQ - groupPQ);
    repaidBelow += groupQ;
    sumP += groupP;
    sumQ += groupQ;
    sumPQ += groupPQ;
    i = j + 1;
  }
  const pairs = sumP * sumQ - sumPQ;
  return {
    count: n,
    expectedDefaultRate: sumP / n,
    expectedAuc: pairs > 0 ? concordant / pairs : Number.NaN,
  };
}
