/**
 * DeLong's test of two correlated AUCs — two models scoring the same clients, such as a champion
 * and its challenger (DeLong, DeLong & Clarke-Pearson 1988): the variance of AUC_A − AUC_B from
 * the covariance of the two models' placement values (./auc-interval.ts),
 *   Var = (S10_AA + S10_BB − 2·S10_AB) / m + (S01_AA + S01_BB − 2·S01_AB) / n,
 * z = (AUC_A − AUC_B) / √Var, two-sided p = 2·(1 − Φ(|z|)), as pROC's roc.test(method="delong").
 */
import { placementValues } from './auc-interval.ts';
import { normalCdf } from './beta.ts';

export interface PairedAucTest {
  readonly aucA: number;
  readonly aucB: number;
  /** AUC_A − AUC_B. */
  readonly difference: number;
  readonly standardError: number;
  readonly statistic: number;
  /** Two-sided: small when the two AUCs differ. 1 when the scores rank every pair alike. */
  readonly pValue: number;
}

function covariance(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  if (n < 2) return 0;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i] as number;
    meanB += b[i] as number;
  }
  meanA /= n;
  meanB /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += ((a[i] as number) - meanA) * ((b[i] as number) - meanB);
  return s / (n - 1);
}

/** DeLong's paired test of scores A and B of the same rows (higher = more likely positive). */
export function pairedAucTest(
  labels: ArrayLike<number>,
  scoresA: ArrayLike<number>,
  scoresB: ArrayLike<number>,
): PairedAucTest {
  if (scoresB.length !== scoresA.length) {
    throw new RangeError('pairedAucTest: the two models scored different numbers of rows');
  }
  const a = placementValues(labels, scoresA);
  const b = placementValues(labels, scoresB);
  const m = a.v10.length;
  const n = a.v01.length;
  const variance =
    (covariance(a.v10, a.v10) + covariance(b.v10, b.v10) - 2 * covariance(a.v10, b.v10)) / m +
    (covariance(a.v01, a.v01) + covariance(b.v01, b.v01) - 2 * covariance(a.v01, b.v01)) / n;
  const standardError = Math.sqrt(Math.max(0, variance));
  const difference = a.auc - b.auc;
  const statistic = standardError > 0 ? difference / standardError : 0;
  return {
    aucA: a.auc,
    aucB: b.auc,
    difference,
    standardError,
    statistic,
    pValue: standardError > 0 ? 2 * (1 - normalCdf(Math.abs(statistic))) : 1,
  };
}
