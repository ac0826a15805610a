/**
 * The record of one training run: everything the registry stores beside the engine model, the
 * model card renders, and the API serves (`GET /api/model`). Plain JSON (no typed arrays) so it
 * is written as `run.json` unchanged. Produced by `src/model/training`, stored by
 * `src/model/registry`, evaluated by the functions of `src/model/evaluation`.
 */
import type { SentenceLevel } from './evaluation/sentence-check.ts';

/** Costs of the two errors, in any unit (only their ratio moves the threshold). */
export interface CostSpec {
  /** Granting a loan to a client who defaults (false negative). Default 10. */
  readonly falseNegative: number;
  /** Refusing a client who would have repaid (false positive). Default 1. */
  readonly falsePositive: number;
}

/** How a raw model probability becomes the served (calibrated) probability. */
export type CalibratorSpec =
  | { readonly kind: 'identity' }
  /** p = 1 / (1 + exp(-(a · logit(raw) + b))). */
  | { readonly kind: 'platt'; readonly a: number; readonly b: number }
  /** Piecewise-linear through (x[i], y[i]), x increasing, y non-decreasing; flat outside. */
  | { readonly kind: 'isotonic'; readonly x: number[]; readonly y: number[] };

/** Probability of default → points: points = offset + factor · ln(odds good:bad). */
export interface ScoreScaleSpec {
  /** Points at the reference odds. Default 600. */
  readonly basePoints: number;
  /** Reference odds good:bad. Default 50 (50:1). */
  readonly baseOdds: number;
  /** Points to double the odds. Default 20. */
  readonly pointsToDoubleOdds: number;
}

/** A plain-language band of points, e.g. { name: 'good', minPoints: 560 }. */
/** The plain bands, safest first: three granted, two refused (src/model/evaluation/score-scale.ts). */
export const BAND_NAMES = ['excellent', 'good', 'fair', 'high', 'poor'] as const;

export interface ScoreBand {
  readonly name: (typeof BAND_NAMES)[number];
  /** Lowest points of the band (inclusive); the poorest band has -Infinity written as null. */
  readonly minPoints: number | null;
  /**
   * The decision every client of the band gets: bands never straddle the threshold (its points
   * are a band edge), so a band is granted or refused, never both.
   */
  readonly decision: 'grant' | 'refuse';
}

/** Accept / refer to a human / decline by calibrated probability of default. */
export interface DecisionBands {
  /** PD below this: accept. */
  readonly acceptBelow: number;
  /** PD at or above this: decline. Between the two: refer. The threshold lies in [acceptBelow, declineFrom]. */
  readonly declineFrom: number;
}

export interface ConfusionCounts {
  readonly truePositive: number;
  readonly falsePositive: number;
  readonly trueNegative: number;
  readonly falseNegative: number;
}

/** Every metric of one set of predictions. Positive class = default (TARGET = 1). */
export interface BinaryMetrics {
  readonly rocAuc: number;
  readonly gini: number;
  readonly ks: number;
  readonly prAuc: number;
  readonly brier: number;
  readonly logLoss: number;
  /** Threshold at which the threshold-dependent metrics below were computed (refuse when p ≥ t). */
  readonly threshold: number;
  /** (C_FN · FN + C_FP · FP) / n: mean cost per application. */
  readonly cost: number;
  /** Cost divided by the cost of the better trivial policy (grant all or refuse all): < 1 beats it. */
  readonly normalisedCost: number;
  readonly recall: number;
  readonly precision: number;
  readonly fBeta: number;
  readonly beta: number;
  readonly confusion: ConfusionCounts;
}

export type MetricName = Exclude<keyof BinaryMetrics, 'confusion' | 'beta'>;

/** Mean and standard deviation over cross-validation folds, per metric. */
export interface MetricSpread {
  readonly mean: Record<MetricName, number>;
  readonly std: Record<MetricName, number>;
}

/** A curve as parallel arrays (columnar, as charts want it). */
export interface Curve {
  readonly x: number[];
  readonly y: number[];
}

export type CandidateName = 'baseline' | 'logistic' | 'gbdt' | 'gbdt-weighted';

export interface CandidateReport {
  readonly name: CandidateName;
  /** Hyper-parameters used (engine parameters for trees, { l2 } for logistic). */
  readonly params: Record<string, unknown>;
  /** Cross-validation (out-of-fold) metrics, each fold thresholded at its own cost optimum. */
  readonly cv: MetricSpread;
  /** Holdout metrics at the threshold chosen on out-of-fold predictions. */
  readonly holdout: BinaryMetrics;
}

export interface SearchTrial {
  readonly trial: number;
  readonly params: Record<string, unknown>;
  /** Mean out-of-fold score used to rank trials (log-loss: lower is better). */
  readonly score: number;
  readonly bestIteration: number;
  readonly seconds: number;
}

export interface ReliabilityCurve {
  /** Mean predicted probability per bin. */
  readonly predicted: number[];
  /** Observed default rate per bin. */
  readonly observed: number[];
  readonly count: number[];
}

export interface CalibrationReport {
  readonly method: 'identity' | 'platt' | 'isotonic';
  /** Cross-validated Brier score of each method tried, by method name. */
  readonly cvBrier: Record<string, number>;
  /** Holdout Brier score before and after calibration. */
  readonly brierBefore: number;
  readonly brierAfter: number;
  readonly reliabilityBefore: ReliabilityCurve;
  readonly reliabilityAfter: ReliabilityCurve;
  /**
   * The score sentence ("sur 100 clients au même niveau de risque, environ N ne remboursent pas")
   * against the holdout: for each N, the clients within ±1 point of N % and their observed
   * default rate (src/model/evaluation/sentence-check.ts). Absent from records written before.
   */
  readonly sentence?: SentenceLevel[];
}

export interface FeatureImportance {
  readonly name: string;
  /** Mean |SHAP| over the holdout, in log-odds. */
  readonly meanAbsShap: number;
}

export interface ThemeImportance {
  readonly theme: string;
  readonly meanAbsShap: number;
}

/** Sampled (value, contribution) pairs of one feature for a dependence / beeswarm plot. */
export interface ShapSummary {
  readonly name: string;
  /** Feature values (null = missing). */
  readonly values: (number | null)[];
  /** SHAP contributions in log-odds, same order. */
  readonly contributions: number[];
}

export interface GroupFairness {
  readonly group: string;
  readonly count: number;
  readonly approvalRate: number;
  readonly defaultRate: number;
  /** Approval rate / approval rate of the reference group; < 0.8 is flagged (four-fifths rule). */
  readonly adverseImpactRatio: number;
  /** Approval rate among the group's clients who repaid (equal opportunity). */
  readonly approvalRateOfRepayers: number;
  readonly flagged: boolean;
}

export interface FairnessSummary {
  readonly attribute: 'gender' | 'age band';
  readonly referenceGroup: string;
  readonly groups: GroupFairness[];
}

/** The direction a model learned for a feature, read from its SHAP dependence on the holdout. */
export interface LearnedDirection {
  readonly feature: string;
  /** Declared in src/data/features/monotone.ts: 1 (more → riskier), −1 (more → safer), 0 none. */
  readonly declared: -1 | 0 | 1;
  /** Spearman correlation of the feature's values with its SHAP contributions; null when unused. */
  readonly correlation: number | null;
  /** riskier: higher values raise the probability of default; mixed: no single direction. */
  readonly direction: 'riskier' | 'safer' | 'mixed' | 'unused';
}

/** The monotone constraints a model was trained under, and the directions it learned. */
export interface MonotoneReport {
  /** Trained with the declared directions (the default; `train --no-monotone` turns them off). */
  readonly enabled: boolean;
  /** The constraints imposed, one per constrained feature of the model (empty when not enabled). */
  readonly constraints: { readonly feature: string; readonly direction: 1 | -1 }[];
  /** Features with a declared direction, or left free on purpose, that the model uses. */
  readonly learned: LearnedDirection[];
}

/** A model's figures in a comparison: cross-validation on the same folds, the same holdout. */
export interface VariantMetrics {
  readonly monotone: boolean;
  readonly clientExplainableOnly: boolean;
  readonly featureCount: number;
  /** Out-of-fold, mean and standard deviation over folds (each at its own cost-optimal threshold). */
  readonly cvRocAuc: number;
  readonly cvRocAucStd: number;
  readonly cvNormalisedCost: number;
  readonly cvNormalisedCostStd: number;
  /** Holdout, at the threshold chosen on the model's own out-of-fold predictions. */
  readonly holdoutRocAuc: number;
  readonly holdoutNormalisedCost: number;
  readonly threshold: number;
}

/**
 * The served model beside one trained like it but for one setting, to show what the setting
 * costs: the alternative reuses the served hyper-parameters (no search of its own), the same folds
 * and holdout, and is calibrated, thresholded and refitted the same way.
 */
export interface ModelComparison {
  /** The setting the two models differ in. */
  readonly setting: 'monotone' | 'client-explainable-only';
  readonly served: VariantMetrics;
  readonly alternative: VariantMetrics;
}

/** How the served candidate was chosen (src/model/training/served-choice.ts). */
export interface SelectionReport {
  /** The lowest out-of-fold normalised cost among logistic regression and the trees candidates. */
  readonly criterion: 'oof-normalised-cost';
  readonly served: CandidateName;
  /** The servable candidates, best out-of-fold first; a note says why one was passed over. */
  readonly ranking: {
    readonly name: CandidateName;
    readonly oofNormalisedCost: number;
    readonly note: string | null;
  }[];
}

/** Where the training data came from. */
export type DataSource =
  | { readonly kind: 'feature-table'; readonly database: string; readonly table: string }
  | {
      readonly kind: 'csv';
      readonly file: string;
      readonly target: string;
      readonly id?: string;
      readonly positive?: string;
    };

export interface RunRecord {
  readonly format: 'creditlens-run';
  readonly version: 1;
  /** Registry identifier, e.g. "m-20261128-031500-ab12". */
  readonly id: string;
  readonly createdAt: string;
  readonly durationSeconds: number;
  readonly seed: number;
  /** `git describe --always --dirty` when available, else the package version. */
  readonly codeVersion: string;
  readonly source: DataSource;
  /** SHA-256 over the training rows actually used (ids, labels, feature values). */
  readonly dataFingerprint: string;
  readonly rows: {
    readonly train: number;
    readonly holdout: number;
    readonly positiveRate: number;
  };
  readonly folds: number;
  readonly featureNames: string[];
  /** Features left out on purpose (e.g. protected attributes) and why. */
  readonly excludedFeatures: { readonly name: string; readonly reason: string }[];
  /** Monotone constraints imposed and directions learned. */
  readonly monotone: MonotoneReport;
  /** Trained on the client-explainable features only (`train --client-explainable-only`). */
  readonly clientExplainableOnly: boolean;
  /** The served model beside models differing in one setting (empty when not asked for). */
  readonly comparisons: ModelComparison[];
  readonly costs: CostSpec;
  readonly beta: number;
  /** The served model's threshold on the calibrated probability (refuse when PD ≥ threshold). */
  readonly threshold: number;
  readonly decisionBands: DecisionBands | null;
  readonly scoreScale: ScoreScaleSpec;
  readonly scoreBands: ScoreBand[];
  readonly calibrator: CalibratorSpec;
  readonly calibration: CalibrationReport;
  /**
   * The candidate served: logistic regression or a trees candidate, the best out-of-fold (see
   * `selection`). Never the baseline.
   */
  readonly chosen: CandidateName;
  /** How it was chosen; absent from records written before logistic regression could be served. */
  readonly selection?: SelectionReport;
  readonly candidates: CandidateReport[];
  readonly search: { readonly strategy: 'random' | 'tpe'; readonly trials: SearchTrial[] };
  /** Of the chosen model, calibrated, on the holdout. */
  readonly curves: {
    readonly roc: Curve;
    readonly precisionRecall: Curve;
    /** Normalised cost (y) against threshold (x), out-of-fold. */
    readonly cost: Curve;
  };
  readonly importance: {
    readonly features: FeatureImportance[];
    readonly themes: ThemeImportance[];
  };
  readonly shapSummaries: ShapSummary[];
  readonly fairness: FairnessSummary[];
}

/** What the training pipeline produces; the registry adds the identifier and the code version. */
export type RunDraft = Omit<RunRecord, 'id' | 'codeVersion'>;
