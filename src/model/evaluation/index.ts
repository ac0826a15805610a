/** Evaluation of scoring models: metrics, curves, business cost and threshold, calibration, points, fairness. */

export {
  type BaselineVerdict,
  baselineVerdict,
  noBetterThanBaselineSentence,
} from './baseline-verdict.ts';
export { type BinaryMetricsOptions, binaryMetrics } from './binary-metrics.ts';
export {
  applyCalibrator,
  applyCalibratorAll,
  CALIBRATION_METHODS,
  type CalibrationMethod,
  type CalibratorChoice,
  chooseCalibrator,
  fitCalibrator,
} from './calibrator.ts';
export { confusionAt } from './confusion.ts';
export { bestThreshold, costCurve, DEFAULT_COSTS, GRANT_ALL_THRESHOLD } from './cost.ts';
export { precisionRecallCurve, rocCurve } from './curves.ts';
export { type DecisionBandOptions, decisionBands } from './decision-bands.ts';
export {
  ADVERSE_IMPACT_LIMIT,
  AGE_BANDS,
  ageBand,
  fairnessSummary,
  MIN_FLAGGED_GROUP_SIZE,
} from './fairness.ts';
export { fitIsotonic, MAX_ISOTONIC_KNOTS } from './isotonic.ts';
export { brierScore, ksStatistic, LOG_LOSS_EPSILON, logLoss, prAuc, rocAuc } from './metrics.ts';
export { fitPlatt, PLATT_CLIP } from './platt.ts';
export { reliabilityCurve } from './reliability.ts';
export {
  BAND_PD_LIMITS,
  bandOf,
  DEFAULT_SCORE_SCALE,
  defaultScoreBands,
  PD_CLIP,
  pdOfPoints,
  pointsOf,
  pointsOfContribution,
  scaleFactor,
  scaleOffset,
  scoreBandsAt,
} from './score-scale.ts';
export { type SentenceLevel, sentenceCheck } from './sentence-check.ts';
export { METRIC_NAMES, metricSpread } from './spread.ts';
