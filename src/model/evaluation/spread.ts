import type { BinaryMetrics, MetricName, MetricSpread } from '../run-record.ts';

/** Every metric summarised over folds; the Record type makes the compiler check the list. */
const SUMMARISED: Record<MetricName, true> = {
  rocAuc: true,
  gini: true,
  ks: true,
  prAuc: true,
  brier: true,
  logLoss: true,
  threshold: true,
  cost: true,
  normalisedCost: true,
  recall: true,
  precision: true,
  fBeta: true,
};

export const METRIC_NAMES = Object.keys(SUMMARISED) as readonly MetricName[];

/**
 * Mean and sample standard deviation (n − 1 denominator, the honest spread for 5 folds; 0 for a
 * single fold) of every metric over cross-validation folds. A NaN in any fold makes that metric's
 * mean and deviation NaN, so a degenerate fold is never hidden.
 */
export function metricSpread(folds: readonly BinaryMetrics[]): MetricSpread {
  if (folds.length === 0) throw new RangeError('folds must hold at least one BinaryMetrics');
  const mean = {} as Record<MetricName, number>;
  const std = {} as Record<MetricName, number>;
  for (const name of METRIC_NAMES) {
    let sum = 0;
    for (const fold of folds) sum += fold[name];
    const m = sum / folds.length;
    let squares = 0;
    for (const fold of folds) squares += (fold[name] - m) ** 2;
    mean[name] = m;
    std[name] = folds.length > 1 ? Math.sqrt(squares / (folds.length - 1)) : 0;
  }
  return { mean, std };
}
