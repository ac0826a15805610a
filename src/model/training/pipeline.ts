/**
 * The training pipeline (docs/training.md): holdout first, then on the rest stratified K-fold
 * cross-validation of every candidate (baseline, logistic regression, trees, class-weighted trees),
 * a hyper-parameter search for the trees, calibration and the cost-minimising threshold chosen
 * out-of-fold, a final refit of the better trees candidate, and the report of that model on the
 * holdout (metrics, curves, calibration, global explanation, fairness).
 */
import {
  LEFT_FREE,
  LEFT_OUT_WHEN_MONOTONE,
  MONOTONE_CONSTRAINTS,
  monotoneDirection,
} from '../../data/features/monotone.ts';
import { type Model, type ParamInput, predict, train } from '../../engine/index.ts';
import { ModelError } from '../errors.ts';
import {
  ageBand,
  applyCalibratorAll,
  brierScore,
  chooseCalibrator,
  costCurve,
  decisionBands,
  fairnessSummary,
  precisionRecallCurve,
  reliabilityCurve,
  rocCurve,
  scoreBandsAt,
  sentenceCheck,
} from '../evaluation/index.ts';
import type {
  CalibratorSpec,
  CandidateName,
  FairnessSummary,
  ModelComparison,
  RunDraft,
} from '../run-record.ts';
import { fitBaseline } from './baseline.ts';
import { type ScoredCandidate, scoreCandidate } from './candidate-report.ts';
import { alternativePolicies, compareSettings, withConstraints } from './comparison.ts';
import { type CsvSourceOptions, loadTrainingCsv } from './csv-source.ts';
import { applyPolicy, isClientExplainable, takeColumns } from './feature-policy.ts';
import { loadFeatureTable } from './feature-table.ts';
import { dataFingerprint } from './fingerprint.ts';
import { cutFolds } from './fold-data.ts';
import { globalImportance } from './importance.ts';
import { predictLogisticAverage, selectLogistic } from './logistic/index.ts';
import {
  type ResolvedOptions,
  resolveOptions,
  type TrainingOptions,
  type TrainingOutcome,
} from './options.ts';
import { takeItems, takeRows, takeValues } from './rows.ts';
import { searchTrees } from './search.ts';
import { stratifiedFolds, stratifiedHoldout } from './split.ts';
import type { TrainingData } from './training-data.ts';
import { crossValidateTrees, meanRounds, predictFoldAverage, type TreesCv } from './trees-cv.ts';

/** Trains on the `features` table's train split of a DuckDB database (opened read-only). */
export async function trainFromFeatureTable(
  dbPath: string,
  options: TrainingOptions = {},
): Promise<TrainingOutcome> {
  const started = performance.now();
  const data = await loadFeatureTable(dbPath, {
    includeProtected: options.includeProtected ?? false,
    ...(options.progress ? { progress: options.progress } : {}),
  });
  return trainOnData(data, options, started);
}

/** Trains on a tabular CSV (see csv-source.ts for the accepted shapes). */
export async function trainFromCsv(
  file: string,
  csv: CsvSourceOptions,
  options: TrainingOptions = {},
): Promise<TrainingOutcome> {
  const started = performance.now();
  const data = await loadTrainingCsv(file, csv, {
    includeProtected: options.includeProtected ?? false,
    ...(options.progress ? { progress: options.progress } : {}),
  });
  return trainOnData(data, options, started);
}

interface TreesCandidate {
  readonly name: CandidateName;
  readonly params: ParamInput;
  readonly cv: TreesCv;
  readonly calibrator: CalibratorSpec;
  readonly cvBrier: Record<string, number>;
  readonly method: CalibratorSpec['kind'];
  readonly oofCalibrated: Float64Array;
  scored?: ScoredCandidate;
}

/** Engine parameters as the record shows them: the constraints are listed on their own. */
function reported(params: ParamInput): Record<string, unknown> {
  const { monotoneConstraints: _listed, ...rest } = params as ParamInput & {
    monotoneConstraints?: unknown;
  };
  return rest;
}

/** Features whose learned direction the record states: declared, left out or left free. */
const DIRECTION_FEATURES = [
  ...MONOTONE_CONSTRAINTS.map((e) => e.feature),
  ...LEFT_OUT_WHEN_MONOTONE.map((e) => e.feature),
  ...LEFT_FREE.map((e) => e.feature),
].map((feature) => ({ feature, declared: monotoneDirection(feature) }));

/** The whole pipeline on loaded data; `started` is when loading began (for durationSeconds). */
export function trainOnData(
  data: TrainingData,
  options: TrainingOptions = {},
  started = performance.now(),
): TrainingOutcome {
  const o: ResolvedOptions = resolveOptions(options);
  const log = options.log ?? (() => {});
  const clientExplainable = options.clientExplainable ?? isClientExplainable;
  const applied = applyPolicy(
    data.featureNames,
    { monotone: o.monotone, clientExplainableOnly: o.clientExplainableOnly },
    clientExplainable,
  );
  if (applied.featureNames.length === 0) {
    throw new ModelError('NO_EXPLAINABLE_FEATURES', { count: data.featureNames.length });
  }
  const features = takeColumns(data.features, applied.keep);
  const featureNames = applied.featureNames;
  const themes = Array.from(applied.keep, (c) => data.themes[c] ?? 'other');
  const stage = (text: string) =>
    log(`${text} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const n = data.features.numRows;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += data.labels[i] as number;
  const { train: trainRows, holdout: holdoutRows } = stratifiedHoldout(
    data.labels,
    o.holdoutShare,
    o.seed,
  );
  const X = takeRows(features, trainRows);
  const y = takeValues(data.labels, trainRows);
  const Xh = takeRows(features, holdoutRows);
  const yh = takeValues(data.labels, holdoutRows);
  let trainPositives = 0;
  for (let i = 0; i < y.length; i++) trainPositives += y[i] as number;
  if (trainPositives < o.folds || y.length - trainPositives < o.folds) {
    throw new ModelError('TOO_FEW_ROWS', {
      positives: trainPositives,
      negatives: y.length - trainPositives,
      folds: o.folds,
    });
  }
  const foldOf = stratifiedFolds(y, o.folds, o.seed);
  const folds = cutFolds(X, y, foldOf, o.folds);
  stage(
    `data: ${n} rows × ${featureNames.length} features (${applied.constraints.length} monotone), holdout ${holdoutRows.length}, ${o.folds} folds`,
  );

  // Trees: the search's best trial is the unweighted candidate; the weighted one reuses its params.
  const search = searchTrees(folds, featureNames, {
    strategy: o.strategy,
    fixed: withConstraints({}, applied),
    trials: o.trials,
    ...(o.timeBudgetSeconds === undefined ? {} : { timeBudgetSeconds: o.timeBudgetSeconds }),
    numRounds: o.numRounds,
    seed: o.seed,
    ...(options.progress ? { progress: options.progress } : {}),
    log,
  });
  stage(`search: ${search.trials.length} trials`);
  const bar = (options.progress ?? (() => null))('cross-validate candidates', 2 * o.folds, 'folds');
  const weightedParams: ParamInput = {
    ...search.bestParams,
    scalePosWeight: (y.length - trainPositives) / trainPositives,
    // Weighted probabilities are shifted upwards, so log-loss would stop them early: rank by AUC.
    evalMetric: 'auc',
  };
  const weightedCv = crossValidateTrees(folds, weightedParams, featureNames, () => bar?.tick());
  stage('gbdt-weighted cross-validated');
  const trees: TreesCandidate[] = (
    [
      ['gbdt', search.bestParams, search.best],
      ['gbdt-weighted', weightedParams, weightedCv],
    ] as const
  ).map(([name, params, cv]) => {
    const choice = chooseCalibrator(cv.oof, y, foldOf);
    return {
      name,
      params,
      cv,
      calibrator: choice.spec,
      cvBrier: { ...choice.cvBrier },
      method: choice.method,
      oofCalibrated: applyCalibratorAll(choice.spec, cv.oof),
    };
  });

  // Logistic regression: C chosen by cross-validation; its fold models score the holdout.
  const logistic = selectLogistic(X, y, foldOf, o.folds, { onFold: () => bar?.tick() });
  bar?.finish();
  stage(`logistic: C = ${logistic.C}`);

  const baselineOof = new Float64Array(y.length);
  for (const fold of folds.folds) {
    const prior = fitBaseline(fold.fit.labels).prior;
    for (const r of fold.validRows) baselineOof[r] = prior;
  }
  const scoreOf = (input: Parameters<typeof scoreCandidate>[0]) =>
    scoreCandidate(input, y, foldOf, o.folds, yh, o.costs, o.beta);
  const baselineScored = scoreOf({
    name: 'baseline',
    params: { prior: fitBaseline(y).prior },
    oof: baselineOof,
    holdout: new Float64Array(yh.length).fill(fitBaseline(y).prior),
  });
  const logisticScored = scoreOf({
    name: 'logistic',
    params: {
      C: logistic.C,
      l2: 1 / (logistic.C * y.length),
      cvLogLoss: logistic.cvLogLoss,
      designColumns: logistic.foldModels[0]?.preprocessor.columns.length ?? 0,
    },
    oof: logistic.oof,
    holdout: predictLogisticAverage(logistic.foldModels, Xh),
  });
  for (const candidate of trees) {
    candidate.scored = scoreOf({
      name: candidate.name,
      params: {
        ...reported(candidate.params),
        numRounds: meanRounds(candidate.cv),
        calibration: candidate.method,
      },
      oof: candidate.oofCalibrated,
      holdout: applyCalibratorAll(
        candidate.calibrator,
        predictFoldAverage(candidate.cv.models, Xh),
      ),
    });
  }
  const [gbdt, weighted] = trees as [TreesCandidate, TreesCandidate];
  const chosen =
    (weighted.scored as ScoredCandidate).oofNormalisedCost <
    (gbdt.scored as ScoredCandidate).oofNormalisedCost
      ? weighted
      : gbdt;
  const threshold = (chosen.scored as ScoredCandidate).threshold;

  // Final refit of the chosen trees on every non-holdout row, as many rounds as its folds needed.
  const rounds = meanRounds(chosen.cv);
  const finalParams: ParamInput = { ...chosen.params, numRounds: rounds, earlyStoppingRounds: 0 };
  const trained = train({ features: X, labels: y }, { params: finalParams, featureNames });
  const model: Model =
    data.encoding === undefined ? trained : { ...trained, encoding: data.encoding };
  const holdoutRaw = predict(model, Xh);
  const holdoutCalibrated = applyCalibratorAll(chosen.calibrator, holdoutRaw);
  stage(`final ${chosen.name}: ${rounds} rounds`);
  const finalScored = scoreOf({
    name: chosen.name,
    params: { ...reported(finalParams), calibration: chosen.method },
    oof: chosen.oofCalibrated,
    holdout: holdoutCalibrated,
  });
  const candidates = [baselineScored, logisticScored, gbdt.scored, weighted.scored].map((s) =>
    (s as ScoredCandidate).report.name === chosen.name
      ? finalScored.report
      : (s as ScoredCandidate).report,
  );

  const importance = globalImportance(model, Xh, themes, {
    seed: o.seed,
    directionsOf: DIRECTION_FEATURES,
  });
  stage('importance');
  const comparisons = compare(o, options, {
    applied,
    report: finalScored.report,
    clientExplainable,
    data,
    trainRows,
    holdoutRows,
    y,
    yh,
    foldOf,
    chosen: chosen.name,
    params: finalParams,
    log,
  });
  if (comparisons.length > 0) stage(`comparisons: ${comparisons.map((c) => c.setting).join(', ')}`);
  const fairness = fairnessOf(data, holdoutRows, holdoutCalibrated, threshold, yh);

  const draft: RunDraft = {
    format: 'creditlens-run',
    version: 1,
    createdAt: new Date().toISOString(),
    durationSeconds: 0,
    seed: o.seed,
    source: data.source,
    dataFingerprint: dataFingerprint(data),
    rows: { train: trainRows.length, holdout: holdoutRows.length, positiveRate: positives / n },
    folds: o.folds,
    featureNames: [...featureNames],
    excludedFeatures: [...data.excludedFeatures, ...applied.excluded],
    monotone: {
      enabled: o.monotone,
      constraints: applied.constraints,
      learned: importance.directions,
    },
    clientExplainableOnly: o.clientExplainableOnly,
    comparisons,
    costs: o.costs,
    beta: o.beta,
    threshold,
    decisionBands: decisionBands(y, chosen.oofCalibrated, o.costs, threshold),
    scoreScale: o.scoreScale,
    scoreBands: scoreBandsAt(threshold, o.scoreScale),
    calibrator: chosen.calibrator,
    calibration: {
      method: chosen.method,
      cvBrier: chosen.cvBrier,
      brierBefore: brierScore(yh, holdoutRaw),
      brierAfter: brierScore(yh, holdoutCalibrated),
      reliabilityBefore: reliabilityCurve(yh, holdoutRaw),
      reliabilityAfter: reliabilityCurve(yh, holdoutCalibrated),
      sentence: sentenceCheck(yh, holdoutCalibrated),
    },
    chosen: chosen.name,
    candidates,
    search: { strategy: search.strategy, trials: search.trials },
    curves: {
      roc: rocCurve(yh, holdoutCalibrated),
      precisionRecall: precisionRecallCurve(yh, holdoutCalibrated),
      cost: costCurve(y, chosen.oofCalibrated, o.costs),
    },
    importance: { features: importance.features, themes: importance.themes },
    shapSummaries: importance.shapSummaries,
    fairness,
  };
  const durationSeconds = (performance.now() - started) / 1000;
  stage(`done: ${chosen.name} chosen`);
  return { model, draft: { ...draft, durationSeconds } };
}

/** The comparisons asked for (options.compare), with one progress bar over their models. */
function compare(
  o: ResolvedOptions,
  options: TrainingOptions,
  run: {
    applied: ReturnType<typeof applyPolicy>;
    report: ScoredCandidate['report'];
    clientExplainable: (feature: string) => boolean;
    data: TrainingData;
    trainRows: Int32Array;
    holdoutRows: Int32Array;
    y: Float64Array;
    yh: Float64Array;
    foldOf: Int32Array;
    chosen: CandidateName;
    params: ParamInput;
    log: (line: string) => void;
  },
): ModelComparison[] {
  if (!o.compare) return [];
  const alternatives = alternativePolicies(
    run.applied,
    run.data.featureNames,
    run.clientExplainable,
  );
  if (alternatives.length === 0) return [];
  const bar = (options.progress ?? (() => null))(
    'compare settings',
    alternatives.length * (o.folds + 1),
    'models',
  );
  const comparisons = compareSettings({ applied: run.applied, report: run.report }, alternatives, {
    features: run.data.features,
    featureNames: run.data.featureNames,
    clientExplainable: run.clientExplainable,
    trainRows: run.trainRows,
    holdoutRows: run.holdoutRows,
    labels: run.y,
    holdoutLabels: run.yh,
    foldOf: run.foldOf,
    folds: o.folds,
    costs: o.costs,
    beta: o.beta,
    chosen: run.chosen,
    params: run.params,
    onModel: () => bar?.tick(),
    log: run.log,
  });
  bar?.finish();
  return comparisons;
}

/** Approval (PD below the threshold) by gender and by age band on the holdout. */
function fairnessOf(
  data: TrainingData,
  holdoutRows: Int32Array,
  pd: Float64Array,
  threshold: number,
  labels: Float64Array,
): FairnessSummary[] {
  const approved = Uint8Array.from(pd, (p) => (p < threshold ? 1 : 0));
  const out: FairnessSummary[] = [];
  if (data.gender !== null)
    out.push(fairnessSummary('gender', takeItems(data.gender, holdoutRows), approved, labels));
  if (data.ageYears !== null) {
    const bands = Array.from(takeValues(data.ageYears, holdoutRows), ageBand);
    out.push(fairnessSummary('age band', bands, approved, labels));
  }
  return out;
}
