/**
 * What a setting costs: the served model beside a model trained like it but for one setting
 * (monotone constraints, client-explainable features only). The alternative reuses the served
 * hyper-parameters — no search of its own, so it costs about one search trial and one refit — the
 * same folds and holdout, and is calibrated, thresholded and refitted as the served model is. The
 * parameters were tuned for the served setting, which favours it slightly; a search per setting
 * is two `creditlens train` runs (BENCHMARKS.md has both figures).
 */
import { type DenseMatrix, type ParamInput, predict, train } from '../../engine/index.ts';
import { applyCalibratorAll, chooseCalibrator } from '../evaluation/index.ts';
import type {
  CandidateName,
  CandidateReport,
  CostSpec,
  ModelComparison,
  VariantMetrics,
} from '../run-record.ts';
import { scoreCandidate } from './candidate-report.ts';
import {
  type AppliedPolicy,
  applyPolicy,
  type FeaturePolicy,
  takeColumns,
} from './feature-policy.ts';
import { cutFolds } from './fold-data.ts';
import { takeRows } from './rows.ts';
import { crossValidateTrees, meanRounds } from './trees-cv.ts';

export interface ComparisonContext {
  /** Every candidate column of the data, before any policy. */
  readonly features: DenseMatrix;
  readonly featureNames: readonly string[];
  readonly clientExplainable: (feature: string) => boolean;
  readonly trainRows: Int32Array;
  readonly holdoutRows: Int32Array;
  readonly labels: Float64Array;
  readonly holdoutLabels: Float64Array;
  readonly foldOf: Int32Array;
  readonly folds: number;
  readonly costs: CostSpec;
  readonly beta: number;
  /** The served trees candidate's name and engine parameters (its constraints are replaced). */
  readonly chosen: CandidateName;
  readonly params: ParamInput;
  readonly onModel?: () => void;
  readonly log?: (line: string) => void;
}

/** The engine parameters with the policy's constraints (none when it has no constrained feature). */
export function withConstraints(params: ParamInput, applied: AppliedPolicy): ParamInput {
  const { monotoneConstraints: _dropped, ...rest } = params as ParamInput & {
    monotoneConstraints?: unknown;
  };
  return applied.constraints.length === 0
    ? rest
    : { ...rest, monotoneConstraints: applied.monotoneConstraints };
}

export function variantMetrics(
  applied: AppliedPolicy,
  report: Pick<CandidateReport, 'cv' | 'holdout'>,
): VariantMetrics {
  return {
    monotone: applied.policy.monotone,
    clientExplainableOnly: applied.policy.clientExplainableOnly,
    featureCount: applied.featureNames.length,
    cvRocAuc: report.cv.mean.rocAuc,
    cvRocAucStd: report.cv.std.rocAuc,
    cvNormalisedCost: report.cv.mean.normalisedCost,
    cvNormalisedCostStd: report.cv.std.normalisedCost,
    holdoutRocAuc: report.holdout.rocAuc,
    holdoutNormalisedCost: report.holdout.normalisedCost,
    threshold: report.holdout.threshold,
  };
}

/** Cross-validates, calibrates, thresholds and refits the served setup under another policy. */
function trainAlternative(applied: AppliedPolicy, ctx: ComparisonContext): VariantMetrics {
  const all = takeColumns(ctx.features, applied.keep);
  const X = takeRows(all, ctx.trainRows);
  const Xh = takeRows(all, ctx.holdoutRows);
  const y = ctx.labels;
  const params = withConstraints(ctx.params, applied);
  const folds = cutFolds(X, y, ctx.foldOf, ctx.folds);
  const cv = crossValidateTrees(folds, params, applied.featureNames, () => ctx.onModel?.());
  const calibration = chooseCalibrator(cv.oof, y, ctx.foldOf);
  const refit = train(
    { features: X, labels: y },
    {
      params: { ...params, numRounds: meanRounds(cv), earlyStoppingRounds: 0 },
      featureNames: applied.featureNames,
    },
  );
  ctx.onModel?.();
  const scored = scoreCandidate(
    {
      name: ctx.chosen,
      params: {},
      oof: applyCalibratorAll(calibration.spec, cv.oof),
      holdout: applyCalibratorAll(calibration.spec, predict(refit, Xh)),
    },
    y,
    ctx.foldOf,
    ctx.folds,
    ctx.holdoutLabels,
    ctx.costs,
    ctx.beta,
  );
  return variantMetrics(applied, scored.report);
}

/** The policies worth comparing with the served one: each setting toggled, when that changes the model. */
export function alternativePolicies(
  served: AppliedPolicy,
  featureNames: readonly string[],
  clientExplainable: (feature: string) => boolean,
): { setting: ModelComparison['setting']; applied: AppliedPolicy }[] {
  const toggles: { setting: ModelComparison['setting']; policy: FeaturePolicy }[] = [
    { setting: 'monotone', policy: { ...served.policy, monotone: !served.policy.monotone } },
    {
      setting: 'client-explainable-only',
      policy: { ...served.policy, clientExplainableOnly: !served.policy.clientExplainableOnly },
    },
  ];
  const same = (a: AppliedPolicy, b: AppliedPolicy) =>
    a.featureNames.join('\n') === b.featureNames.join('\n') &&
    a.monotoneConstraints.join() === b.monotoneConstraints.join();
  return toggles.flatMap(({ setting, policy }) => {
    const applied = applyPolicy(featureNames, policy, clientExplainable);
    return applied.featureNames.length === 0 || same(applied, served) ? [] : [{ setting, applied }];
  });
}

/** The served model beside each alternative (see alternativePolicies). */
export function compareSettings(
  served: { applied: AppliedPolicy; report: Pick<CandidateReport, 'cv' | 'holdout'> },
  alternatives: readonly { setting: ModelComparison['setting']; applied: AppliedPolicy }[],
  ctx: ComparisonContext,
): ModelComparison[] {
  const servedMetrics = variantMetrics(served.applied, served.report);
  return alternatives.map(({ setting, applied }) => {
    const started = performance.now();
    const alternative = trainAlternative(applied, ctx);
    ctx.log?.(
      `comparison ${setting}: served AUC ${servedMetrics.holdoutRocAuc.toFixed(4)}, alternative ${alternative.holdoutRocAuc.toFixed(4)} (holdout) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return { setting, served: servedMetrics, alternative };
  });
}
