/**
 * The ROC AUC of a window with its DeLong standard error (DeLong, DeLong & Clarke-Pearson 1988:
 * the variance from the structural components, computed from mid-ranks in O(n log n) as in Sun &
 * Xu 2014), a Wald 95 % interval (as pROC's ci.auc), and the test of the window's AUC against the
 * development AUC taken as known: S = (AUC_dev − AUC) / SE, one-sided p = 1 − Φ(S) (the ECB's
 * validation reporting: is the current discriminatory power lower than at development?).
 */
import { normalCdf, normalQuantile } from './beta.ts';

/** The AUC with its DeLong standard error and interval. */
export interface AucInterval {
  readonly auc: number;
  readonly standardError: number;
  /** Wald interval AUC ± z·SE, clipped to [0, 1]. */
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly gini: number;
  readonly giniLower: number;
  readonly giniUpper: number;
  readonly positives: number;
  readonly negatives: number;
}

/** Mid-ranks (1-based; ties share the mean of their ranks) of `values`. */
function midRanks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1] as number] === values[order[i] as number]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k] as number] = rank;
    i = j + 1;
  }
  return ranks;
}

function sampleVariance(values: Float64Array): number {
  const n = values.length;
  if (n < 2) return 0;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return ss / (n - 1);
}

/**
 * The AUC and the DeLong placement values of each positive (V10: the share of negatives scored
 * below it, ties half) and each negative (V01: the share of positives scored above it). Throws
 * when either class is empty.
 */
export function placementValues(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
): { auc: number; v10: Float64Array; v01: Float64Array } {
  const n = labels.length;
  if (scores.length !== n)
    throw new RangeError('aucWithInterval: labels and scores differ in length');
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < n; i++) ((labels[i] as number) === 1 ? pos : neg).push(scores[i] as number);
  const m = pos.length;
  const k = neg.length;
  if (m === 0 || k === 0) {
    throw new RangeError(`aucWithInterval: needs both classes (${m} positives, ${k} negatives)`);
  }
  const x = Float64Array.from(pos);
  const y = Float64Array.from(neg);
  const all = new Float64Array(m + k);
  all.set(x, 0);
  all.set(y, m);
  const rAll = midRanks(all);
  const rX = midRanks(x);
  const rY = midRanks(y);
  // Placement values: V10(x_i) = P(score of a negative < x_i) (+ half ties), V01(y_j) = P(positive > y_j).
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(k);
  let sumX = 0;
  for (let i = 0; i < m; i++) {
    v10[i] = ((rAll[i] as number) - (rX[i] as number)) / k;
    sumX += rAll[i] as number;
  }
  for (let j = 0; j < k; j++) v01[j] = 1 - ((rAll[m + j] as number) - (rY[j] as number)) / m;
  return { auc: (sumX - (m * (m + 1)) / 2) / (m * k), v10, v01 };
}

/**
 * AUC (higher score = more likely positive) with its DeLong interval at `level` (0.95). Throws when
 * either class is empty.
 */
export function aucWithInterval(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  level = 0.95,
): AucInterval {
  const { auc, v10, v01 } = placementValues(labels, scores);
  const m = v10.length;
  const k = v01.length;
  const variance = sampleVariance(v10) / m + sampleVariance(v01) / k;
  const standardError = Math.sqrt(variance);
  const z = normalQuantile(1 - (1 - level) / 2);
  const lower = Math.max(0, auc - z * standardError);
  const upper = Math.min(1, auc + z * standardError);
  return {
    auc,
    standardError,
    lower,
    upper,
    level,
    gini: 2 * auc - 1,
    giniLower: 2 * lower - 1,
    giniUpper: 2 * upper - 1,
    positives: m,
    negatives: k,
  };
}

/** The test of a window's AUC against the development AUC (one-sided: has it dropped?). */
export interface AucDropTest {
  readonly developmentAuc: number;
  /** S = (AUC_dev − AUC) / SE. */
  readonly statistic: number;
  /** 1 − Φ(S): small when the window's AUC is significantly below the development AUC. */
  readonly pValue: number;
}

export function aucDropTest(window: AucInterval, developmentAuc: number): AucDropTest {
  const se = window.standardError;
  const statistic =
    se > 0 ? (developmentAuc - window.auc) / se : developmentAuc > window.auc ? Infinity : 0;
  return { developmentAuc, statistic, pValue: 1 - normalCdf(statistic) };
}
