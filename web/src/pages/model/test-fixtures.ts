/** A GET /api/model answer shaped like the real one, small. */
import type { BinaryMetrics, ModelCard } from './model-types.ts';

export const holdout: BinaryMetrics = {
  rocAuc: 0.764,
  gini: 0.528,
  ks: 0.41,
  prAuc: 0.25,
  brier: 0.067,
  logLoss: 0.24,
  threshold: 0.091,
  cost: 0.52,
  normalisedCost: 0.64,
  recall: 0.68,
  precision: 0.17,
  fBeta: 0.5,
  beta: 2,
  // 1,000 holdout files: 80 defaults, 68 caught; 400 refused.
  confusion: { truePositive: 68, falsePositive: 332, trueNegative: 588, falseNegative: 12 },
};

export const modelCard: ModelCard = {
  id: 'm-20261201-101500-ab12',
  createdAt: '2026-12-01T10:15:00.000Z',
  codeVersion: 'v0.1.0',
  chosen: 'gbdt',
  rows: { train: 4000, holdout: 1000, positiveRate: 0.08 },
  featureCount: 312,
  excludedFeatures: [{ name: 'CODE_GENDER', reason: 'protected attribute' }],
  costs: { falseNegative: 10, falsePositive: 1 },
  threshold: 0.091,
  decisionBands: null,
  holdout,
  cv: { mean: { rocAuc: 0.758 }, std: { rocAuc: 0.012 } },
  candidates: [
    { name: 'logistic', holdout: { ...holdout, rocAuc: 0.73, normalisedCost: 0.7 } },
    { name: 'gbdt', holdout },
  ],
  curves: {
    roc: { x: [0, 1], y: [0, 1] },
    precisionRecall: { x: [0, 1], y: [1, 0] },
    cost: { x: [0.02, 0.05, 0.091, 0.2, 0.5], y: [0.95, 0.75, 0.64, 0.8, 0.98] },
  },
  calibration: {
    method: 'isotonic',
    brierBefore: 0.07,
    brierAfter: 0.067,
    reliabilityBefore: { predicted: [0.05, 0.2], observed: [0.03, 0.3], count: [800, 200] },
    reliabilityAfter: { predicted: [0.04, 0.25], observed: [0.04, 0.24], count: [800, 200] },
  },
  importance: {
    features: [
      {
        name: 'EXT_SOURCE_2',
        meanAbsShap: 0.31,
        labelFr: 'Score externe 2',
        labelEn: 'External score 2',
      },
      { name: 'AMT_CREDIT', meanAbsShap: 0.12 },
    ],
    themes: [
      { theme: 'credit bureau', meanAbsShap: 0.2 },
      { theme: 'external scores', meanAbsShap: 0.5 },
      { theme: 'region', meanAbsShap: 0.05 },
      { theme: 'profile', meanAbsShap: 0.25 },
    ],
  },
};
