import { checkLabelledScores } from './validate.ts';

/**
 * Cumulative counts of a score ranking, one entry per distinct score from the highest down (the
 * same walk as scikit-learn's `_binary_clf_curve`): at `thresholds[i]`, `truePositives[i]`
 * defaulters and `falsePositives[i]` repayers have a score ≥ that threshold. Every ranking metric
 * and curve is a sweep over these arrays, so ties are handled once, here.
 */
export interface RankingCounts {
  /** Distinct scores, decreasing. */
  readonly thresholds: Float64Array;
  readonly truePositives: Float64Array;
  readonly falsePositives: Float64Array;
  /** Number of defaulters (label 1) and of repayers (label 0). */
  readonly positives: number;
  readonly negatives: number;
}

/** Validates labels (0/1) and finite scores, then counts. O(n log n). */
export function rankingCounts(labels: ArrayLike<number>, scores: ArrayLike<number>): RankingCounts {
  checkLabelledScores(labels, scores);
  // Sort the scores of each class natively (no comparator, several times faster than sorting row
  // indices), then merge the two from the top, one distinct score at a time.
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] as number;
  const negatives = labels.length - positives;
  const bad = new Float64Array(positives);
  const good = new Float64Array(negatives);
  for (let i = 0, b = 0, g = 0; i < labels.length; i++) {
    if (labels[i] === 1) bad[b++] = scores[i] as number;
    else good[g++] = scores[i] as number;
  }
  bad.sort();
  good.sort();
  const capacity = labels.length;
  const thresholds = new Float64Array(capacity);
  const truePositives = new Float64Array(capacity);
  const falsePositives = new Float64Array(capacity);
  let b = positives - 1;
  let g = negatives - 1;
  let distinct = 0;
  while (b >= 0 || g >= 0) {
    const top =
      b < 0
        ? (good[g] as number)
        : g < 0
          ? (bad[b] as number)
          : Math.max(bad[b] as number, good[g] as number);
    // === also joins −0 and +0 into one tie group.
    while (b >= 0 && bad[b] === top) b--;
    while (g >= 0 && good[g] === top) g--;
    thresholds[distinct] = top;
    truePositives[distinct] = positives - 1 - b;
    falsePositives[distinct] = negatives - 1 - g;
    distinct++;
  }
  return {
    thresholds: thresholds.slice(0, distinct),
    truePositives: truePositives.slice(0, distinct),
    falsePositives: falsePositives.slice(0, distinct),
    positives,
    negatives,
  };
}
