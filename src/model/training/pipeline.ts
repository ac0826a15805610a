/**
 * The training pipeline (docs/training.md): holdout first, then on the rest stratified K-fold
 * cross-validation of every candidate (baseline, logistic regression, trees, class-weighted trees),
 * a hyper-parameter search for the trees, calibration and the cost-minimising threshold chosen
 * out-of-fold, a final refit of the candidate with the lowest out-of-fold cost (logistic regression
 * included), and the report of that model on the holdout (metrics, curves, calibration, global
 * explanation, fairness).
 */
import {
  LEFT_FREE,
  LEFT_OUT_WHEN_MONOTONE,
  MONOTONE_CONSTRAINTS,
  monotoneDirection,
} from '../../data/features/monotone.ts';
import { type ParamInput, train } from '../../engine/index.ts';
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
import {
  logisticScoringModel,
  type ScoringModel,
  treesScoringModel,
} from '../scoring-model/index.ts';
import { fitBaseline } from './baseline.ts';
import { type ScoredCandidate, scoreCandidate } from './candidate-report.ts';
import { alternativePolicies, compareSettings, withConstraints } from './comparison.ts';
import { type CsvSourceOptions, loadTrainingCsv } from './csv-source.ts';
import { applyPolicy, isClientExplainable, takeColumns } from './feature-policy.ts';
import { loadFeatureTable } from './feature-table.ts';
import { dataFingerprint } from './fingerprint.ts';
import { cutFolds } from './fold-data.ts';
import { globalImportance } from './importance.ts';
import { fitLogistic, predictLogisticAverage, selectLogistic } from './logistic/index.ts';
import {
  type ResolvedOptions,
  resolveOptions,
  type TrainingOptions,
  type TrainingOutcome,
} from './options.ts';
import { takeItems, takeRows, takeValues } from './rows.ts';
import { searchTrees } from './search.ts';
import {
  logisticPartsOf,
  monotoneViolations,
  rankByOofCost,
  selectionReport,
} from './served-choice.ts';
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

/** A servable candidate after cross-validation: calibrated, thresholded and scored. */
interface Contender {
  readonly name: CandidateName;
  readonly calibrator: CalibratorSpec;
  readonly cvBrier: Record<string, number>;
  readonly method: CalibratorSpec['kind'];
  readonly oofCalibrated: Float64Array;
  scored?: ScoredCandidate;
}

interface TreesCandidate extends Contender {
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
  // Calibrated and thresholded as the trees are, so the three compete on the same footing.
  const logisticChoice = chooseCalibrator(logistic.oof, y, foldOf);
  const logisticParams = {
    C: logistic.C,
    l2: 1 / (logistic.C * y.length),
    cvLogLoss: logistic.cvLogLoss,
    designColumns: logistic.foldModels[0]?.preprocessor.columns.length ?? 0,
    calibration: logisticChoice.method,
  };
  const lr: Contender = {
    name: 'logistic',
    calibrator: logisticChoice.spec,
    cvBrier: { ...logisticChoice.cvBrier },
    method: logisticChoice.method,
    oofCalibrated: applyCalibratorAll(logisticChoice.spec, logistic.oof),
  };
  lr.scored = scoreOf({
    name: 'logistic',
    params: logisticParams,
    oof: lr.oofCalibrated,
    holdout: applyCalibratorAll(lr.calibrator, predictLogisticAverage(logistic.foldModels, Xh)),
  });
  const logisticScored = lr.scored;
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
  // The lowest out-of-fold cost is served; logistic regression first on a tie (the simpler model).
  const ranking = rankByOofCost(
    [lr, gbdt, weighted].map((c) => ({
      contender: c,
      name: c.name,
      oofNormalisedCost: (c.scored as ScoredCandidate).oofNormalisedCost,
    })),
  );
  const notes = new Map<CandidateName, string>();
  let served: {
    contender: Contender;
    model: ScoringModel;
    params: Record<string, unknown>;
    /** The trees' engine parameters (the comparisons retrain with them); {} for LR. */
    engineParams: ParamInput;
  } | null = null;
  for (const { contender } of ranking) {
    if (contender === lr) {
      // Refitted on every non-holdout row with the C chosen out-of-fold.
      const fitted = fitLogistic(X, y, { C: logistic.C, tolerance: 1e-5, maxIterations: 300 });
      const parts = logisticPartsOf(fitted, featureNames, data.encoding);
      const against = monotoneViolations(parts, applied.constraints);
      if (against.length > 0) {
        notes.set(
          'logistic',
          `not served: its coefficients go against the declared monotone direction of ${against.length} feature${against.length === 1 ? '' : 's'} (${against.slice(0, 5).join(', ')}${against.length > 5 ? ', …' : ''})`,
        );
        stage(`logistic ${notes.get('logistic')}`);
        continue;
      }
      served = {
        contender,
        model: logisticScoringModel(parts),
        params: { ...logisticParams, iterations: fitted.iterations, converged: fitted.converged },
        engineParams: {},
      };
      stage(`final logistic: C = ${logistic.C}, ${fitted.iterations} iterations`);
    } else {
      // Final refit of the trees on every non-holdout row, as many rounds as its folds needed.
      const t = contender as TreesCandidate;
      const rounds = meanRounds(t.cv);
      const finalParams: ParamInput = { ...t.params, numRounds: rounds, earlyStoppingRounds: 0 };
      const trained = train({ features: X, labels: y }, { params: finalParams, featureNames });
      served = {
        contender,
        model: treesScoringModel(
          data.encoding === undefined ? trained : { ...trained, encoding: data.encoding },
        ),
        params: { ...reported(finalParams), calibration: t.method },
        engineParams: finalParams,
      };
      stage(`final ${t.name}: ${rounds} rounds`);
    }
    break;
  }
  if (served === null) throw new Error('no servable candidate'); // trees are always servable
  const { contender: chosen, model } = served;
  const threshold = (chosen.scored as ScoredCandidate).threshold;
  const holdoutRaw = model.predict(Xh);
  const holdoutCalibrated = applyCalibratorAll(chosen.calibrator, holdoutRaw);
  const finalScored = scoreOf({
    name: chosen.name,
    params: served.params,
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
  // The comparisons vary the served trees' settings with their parameters: none when LR is served.
  if (chosen.name === 'logistic') log('comparisons skipped: logistic regression is served');
  const comparisons = compare(chosen.name === 'logistic' ? { ...o, compare: false } : o, options, {
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
    params: served.engineParams,
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
    selection: selectionReport(ranking, notes, chosen.name),
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
export function fairnessOf(
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
