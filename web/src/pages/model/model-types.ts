/** GET /api/model, mirroring src/api/scoring/routes.ts and src/model/run-record.ts. */

export interface ConfusionCounts {
  truePositive: number;
  falsePositive: number;
  trueNegative: number;
  falseNegative: number;
}

/** Positive class = default. Threshold-dependent metrics at `threshold` (refuse when PD ≥ it). */
export interface BinaryMetrics {
  rocAuc: number;
  gini: number;
  ks: number;
  prAuc: number;
  brier: number;
  logLoss: number;
  threshold: number;
  cost: number;
  normalisedCost: number;
  recall: number;
  precision: number;
  fBeta: number;
  beta: number;
  confusion: ConfusionCounts;
}

export type MetricName = Exclude<keyof BinaryMetrics, 'confusion' | 'beta'>;

export interface Curve {
  x: number[];
  y: number[];
}

export interface ReliabilityCurve {
  predicted: number[];
  observed: number[];
  count: number[];
}

export interface ModelCard {
  id: string;
  createdAt: string;
  codeVersion: string;
  chosen: string;
  rows: { train: number; holdout: number; positiveRate: number };
  featureCount: number;
  excludedFeatures: { name: string; reason: string }[];
  costs: { falseNegative: number; falsePositive: number };
  threshold: number;
  decisionBands: { acceptBelow: number; declineFrom: number } | null;
  holdout: BinaryMetrics;
  /** Cross-validation mean and standard deviation per metric (empty when absent). */
  cv: { mean?: Partial<Record<MetricName, number>>; std?: Partial<Record<MetricName, number>> };
  candidates: { name: string; holdout: BinaryMetrics }[];
  /** Normalised cost (y) against threshold (x), out-of-fold. */
  curves: { roc: Curve; precisionRecall: Curve; cost: Curve };
  calibration: {
    method: string;
    brierBefore: number;
    brierAfter: number;
    reliabilityBefore: ReliabilityCurve;
    reliabilityAfter: ReliabilityCurve;
  };
  /** Mean |SHAP| per feature; labels when the server adds them. */
  importance: {
    features: { name: string; meanAbsShap: number; labelFr?: string; labelEn?: string }[];
    themes: { theme: string; meanAbsShap: number }[];
  };
}
