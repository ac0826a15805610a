/**
 * Test support: a fabricated but valid RunRecord (and a tiny engine model) so the registry, the
 * model card and the CLI can be tested without running the training pipeline. Seeded, so the
 * same call gives the same record.
 */
import { fromColumns, type Model, train } from '../../engine/index.ts';
import { scoreBandsAt } from '../evaluation/score-scale.ts';
import type {
  BinaryMetrics,
  CandidateName,
  CandidateReport,
  Curve,
  MetricName,
  MetricSpread,
  RunDraft,
  RunRecord,
  VariantMetrics,
} from '../run-record.ts';

/** Seeded uniform numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FEATURES = [
  'EXT_SOURCE_2',
  'EXT_SOURCE_3',
  'EXT_SOURCE_1',
  'AMT_CREDIT',
  'AMT_ANNUITY',
  'DAYS_EMPLOYED',
  'INST_LOANS_COUNT',
  'BUREAU_MORTGAGE_COUNT',
  'PREV_REFUSED_COUNT',
  'CNT_CHILDREN',
];

function metrics(auc: number, cost: number, threshold: number): BinaryMetrics {
  const tp = Math.round(800 * auc * 0.6);
  const fn = 320 - Math.min(320, Math.round(tp / 2));
  const fp = Math.round(1200 * cost);
  const tn = 4000 - tp - fn - fp;
  const recall = tp / (tp + fn);
  const precision = tp / (tp + fp);
  const beta = 10;
  const b2 = beta * beta;
  return {
    rocAuc: auc,
    gini: 2 * auc - 1,
    ks: (auc - 0.5) * 0.9,
    prAuc: 0.08 + (auc - 0.5) * 0.4,
    brier: 0.075 - (auc - 0.5) * 0.02,
    logLoss: 0.28 - (auc - 0.5) * 0.1,
    threshold,
    cost: cost * 0.8,
    normalisedCost: cost,
    recall,
    precision,
    fBeta: ((1 + b2) * precision * recall) / (b2 * precision + recall),
    beta,
    confusion: { truePositive: tp, falsePositive: fp, trueNegative: tn, falseNegative: fn },
  };
}

const METRIC_NAMES: MetricName[] = [
  'rocAuc',
  'gini',
  'ks',
  'prAuc',
  'brier',
  'logLoss',
  'threshold',
  'cost',
  'normalisedCost',
  'recall',
  'precision',
  'fBeta',
];

function spread(m: BinaryMetrics, relativeStd: number): MetricSpread {
  const mean = {} as Record<MetricName, number>;
  const std = {} as Record<MetricName, number>;
  for (const name of METRIC_NAMES) {
    mean[name] = m[name];
    std[name] = Math.abs(m[name]) * relativeStd;
  }
  return { mean, std };
}

function candidate(name: CandidateName, auc: number, cost: number): CandidateReport {
  const threshold = name === 'baseline' ? 0 : 0.0912;
  const params: Record<string, unknown> =
    name === 'logistic'
      ? { l2: 1 }
      : name === 'baseline'
        ? {}
        : { max_depth: 4, eta: 0.08, num_rounds: 180, subsample: 0.8 };
  return {
    name,
    params,
    cv: spread(metrics(auc - 0.004, cost + 0.01, threshold), 0.02),
    holdout: metrics(auc, cost, threshold),
  };
}

function variant(
  monotone: boolean,
  clientExplainableOnly: boolean,
  featureCount: number,
  auc: number,
  cost: number,
): VariantMetrics {
  return {
    monotone,
    clientExplainableOnly,
    featureCount,
    cvRocAuc: auc - 0.004,
    cvRocAucStd: 0.011,
    cvNormalisedCost: cost + 0.01,
    cvNormalisedCostStd: 0.02,
    holdoutRocAuc: auc,
    holdoutNormalisedCost: cost,
    threshold: 0.0912,
  };
}

/** A smooth increasing curve from (0, 0) to (1, 1) bending by `power` < 1. */
function rocLike(points: number, power: number): Curve {
  const x = Array.from({ length: points }, (_, i) => i / (points - 1));
  return { x, y: x.map((v) => v ** power) };
}

export interface FabricateOptions {
  readonly id?: string;
  readonly createdAt?: string;
  readonly seed?: number;
  /** 'csv' fabricates a bring-your-own-table run. */
  readonly source?: 'feature-table' | 'csv';
}

/** A fabricated RunDraft: plausible numbers for every field, deterministic for a given seed. */
export function fabricateDraft(options: FabricateOptions = {}): RunDraft {
  const random = seededRandom(options.seed ?? 1);
  const importance = FEATURES.map((name, i) => ({
    name,
    meanAbsShap: Number((0.4 / (i + 1) + random() * 0.01).toFixed(6)),
  }));
  const threshold = 0.0912;
  const bins = 10;
  const predicted = Array.from({ length: bins }, (_, i) => 0.01 + i * 0.03);
  return {
    format: 'creditlens-run',
    version: 1,
    createdAt: options.createdAt ?? '2026-11-28T03:15:00.000Z',
    durationSeconds: 42.5,
    seed: 42,
    source:
      options.source === 'csv'
        ? { kind: 'csv', file: '/tmp/bank.csv', target: 'DEFAULTED', id: 'CLIENT', positive: 'yes' }
        : { kind: 'feature-table', database: 'data/creditlens.duckdb', table: 'features' },
    dataFingerprint: 'a3f1c2d4e5b6978877665544332211009988aabbccddeeff0011223344556677',
    rows: { train: 16000, holdout: 4000, positiveRate: 0.0805 },
    folds: 5,
    featureNames: [...FEATURES],
    excludedFeatures: [
      { name: 'CODE_GENDER__F', reason: 'protected attribute (gender)' },
      { name: 'NAME_FAMILY_STATUS__MARRIED', reason: 'protected attribute (family status)' },
    ],
    monotone: {
      enabled: true,
      constraints: [
        { feature: 'EXT_SOURCE_2', direction: -1 },
        { feature: 'EXT_SOURCE_3', direction: -1 },
        { feature: 'EXT_SOURCE_1', direction: -1 },
        { feature: 'AMT_CREDIT', direction: 1 },
        { feature: 'AMT_ANNUITY', direction: 1 },
      ],
      learned: [
        { feature: 'AMT_CREDIT', declared: 1, correlation: 0.61, direction: 'riskier' },
        { feature: 'EXT_SOURCE_2', declared: -1, correlation: -0.93, direction: 'safer' },
        { feature: 'CREDIT_TERM_MONTHS', declared: 0, correlation: -0.12, direction: 'mixed' },
      ],
    },
    clientExplainableOnly: false,
    comparisons: [
      {
        setting: 'monotone',
        served: variant(true, false, 10, 0.754, 0.737),
        alternative: variant(false, false, 12, 0.758, 0.731),
      },
      {
        setting: 'client-explainable-only',
        served: variant(true, false, 10, 0.754, 0.737),
        alternative: variant(true, true, 7, 0.741, 0.755),
      },
    ],
    costs: { falseNegative: 10, falsePositive: 1 },
    beta: 10,
    threshold,
    decisionBands: { acceptBelow: 0.05, declineFrom: 0.2 },
    scoreScale: { basePoints: 600, baseOdds: 50, pointsToDoubleOdds: 20 },
    scoreBands: scoreBandsAt(threshold),
    calibrator: { kind: 'isotonic', x: [0.01, 0.1, 0.3, 0.9], y: [0.02, 0.08, 0.25, 0.6] },
    calibration: {
      method: 'isotonic',
      cvBrier: { identity: 0.0712, platt: 0.0698, isotonic: 0.0691 },
      brierBefore: 0.0731,
      brierAfter: 0.0689,
      reliabilityBefore: {
        predicted,
        observed: predicted.map((p) => p * 0.7 + random() * 0.01),
        count: predicted.map(() => 400),
      },
      reliabilityAfter: {
        predicted,
        observed: predicted.map((p) => p + (random() - 0.5) * 0.01),
        count: predicted.map(() => 400),
      },
    },
    chosen: 'gbdt',
    candidates: [
      candidate('baseline', 0.5, 1),
      candidate('logistic', 0.712, 0.803),
      candidate('gbdt', 0.758, 0.741),
      candidate('gbdt-weighted', 0.752, 0.748),
    ],
    search: {
      strategy: 'random',
      trials: Array.from({ length: 4 }, (_, i) => ({
        trial: i + 1,
        params: { max_depth: 3 + i, eta: 0.05 + 0.01 * i },
        score: Number((0.26 - 0.002 * i + random() * 0.001).toFixed(6)),
        bestIteration: 100 + 20 * i,
        seconds: 5 + i,
      })),
    },
    curves: {
      roc: rocLike(21, 0.45),
      precisionRecall: { x: rocLike(11, 1).x, y: rocLike(11, 1).x.map((r) => 0.4 - 0.3 * r) },
      cost: {
        x: Array.from({ length: 21 }, (_, i) => i / 20),
        y: Array.from({ length: 21 }, (_, i) => 0.74 + 2.5 * (i / 20 - threshold) ** 2),
      },
    },
    importance: {
      features: importance,
      themes: [
        { theme: 'external scores', meanAbsShap: 0.71 },
        { theme: 'requested loan', meanAbsShap: 0.18 },
        { theme: 'employment', meanAbsShap: 0.07 },
        { theme: 'repayment history', meanAbsShap: 0.05 },
      ],
    },
    shapSummaries: [
      { name: 'EXT_SOURCE_2', values: [0.1, null, 0.7], contributions: [0.5, 0.1, -0.4] },
    ],
    fairness: [
      {
        attribute: 'gender',
        referenceGroup: 'M',
        groups: [
          {
            group: 'M',
            count: 1400,
            approvalRate: 0.62,
            defaultRate: 0.1,
            adverseImpactRatio: 1,
            approvalRateOfRepayers: 0.66,
            flagged: false,
          },
          {
            group: 'F',
            count: 2600,
            approvalRate: 0.71,
            defaultRate: 0.07,
            adverseImpactRatio: 1.145,
            approvalRateOfRepayers: 0.74,
            flagged: false,
          },
        ],
      },
      {
        attribute: 'age band',
        referenceGroup: '40–49',
        groups: [
          {
            group: '< 30',
            count: 600,
            approvalRate: 0.48,
            defaultRate: 0.12,
            adverseImpactRatio: 0.676,
            approvalRateOfRepayers: 0.52,
            flagged: true,
          },
          {
            group: '40–49',
            count: 1000,
            approvalRate: 0.71,
            defaultRate: 0.07,
            adverseImpactRatio: 1,
            approvalRateOfRepayers: 0.74,
            flagged: false,
          },
        ],
      },
    ],
  };
}

/** A fabricated RunRecord (a draft plus registry fields). */
export function fabricateRecord(options: FabricateOptions = {}): RunRecord {
  return {
    ...fabricateDraft(options),
    id: options.id ?? 'm-20261128-031500-ab12',
    codeVersion: 'v0.1.0-test',
  };
}

/** A tiny real engine model over the fabricated record's features (trained in milliseconds). */
export function tinyModel(seed = 3): Model {
  const random = seededRandom(seed);
  const rows = 200;
  const columns = FEATURES.map(() => new Float64Array(rows));
  const labels = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    for (const column of columns) column[r] = random() * 2 - 1;
    const logit = 2 * (columns[0]?.[r] ?? 0) - (columns[3]?.[r] ?? 0);
    labels[r] = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return train(
    { features: fromColumns(columns), labels },
    {
      params: { objective: 'binary:logistic', num_rounds: 5, max_depth: 2, seed },
      featureNames: FEATURES,
    },
  );
}
