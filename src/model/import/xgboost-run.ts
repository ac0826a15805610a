/**
 * A model trained elsewhere (XGBoost's JSON model, e.g. from a distributed XGBoost over the
 * Parquet export) made into a run of our registry: scored on OUR holdout — the same stratified
 * split, share and seed as `creditlens train`, so its card compares with ours — with its
 * calibrator and cost-optimal threshold chosen on the other training rows, exactly as a trained
 * candidate's are (K folds over them). Those rows may be the ones it learnt from (train it on the
 * rows outside `holdout.csv` of the export to keep the holdout unseen): the calibration and the
 * threshold are then fitted in-sample, which the candidate's params say.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DataError } from '../../data/errors.ts';
import { type DenseMatrix, type Model, parseXgboostModel, predict } from '../../engine/index.ts';
import { ModelError } from '../errors.ts';
import {
  applyCalibratorAll,
  brierScore,
  chooseCalibrator,
  costCurve,
  decisionBands,
  precisionRecallCurve,
  reliabilityCurve,
  rocCurve,
  scoreBandsAt,
  sentenceCheck,
} from '../evaluation/index.ts';
import type { RunDraft } from '../run-record.ts';
import { treesScoringModel } from '../scoring-model/index.ts';
import { fitBaseline } from '../training/baseline.ts';
import { scoreCandidate } from '../training/candidate-report.ts';
import { takeColumns } from '../training/feature-policy.ts';
import { loadFeatureTable } from '../training/feature-table.ts';
import { dataFingerprint } from '../training/fingerprint.ts';
import { globalImportance } from '../training/importance.ts';
import { resolveOptions, type TrainingOptions } from '../training/options.ts';
import { fairnessOf } from '../training/pipeline.ts';
import { takeRows, takeValues } from '../training/rows.ts';
import { stratifiedFolds, stratifiedHoldout } from '../training/split.ts';
import type { TrainingData } from '../training/training-data.ts';

export interface ImportOptions
  extends Pick<TrainingOptions, 'folds' | 'holdoutShare' | 'seed' | 'costs' | 'beta'> {
  /** The XGBoost JSON model file (save_model("model.json")). */
  readonly file: string;
  /** The DuckDB database whose feature table holds our holdout. */
  readonly dbPath: string;
}

/** Reads, checks against the feature table and evaluates an XGBoost model: what saveRun takes. */
export async function importXgboostRun(
  options: ImportOptions,
): Promise<{ model: Model; draft: RunDraft }> {
  const started = performance.now();
  const text = await readFile(options.file, 'utf8').catch((error: Error) => {
    throw new ModelError('MISSING_FILE', { file: options.file, reason: error.message });
  });
  let model: Model;
  try {
    model = parseXgboostModel(text);
  } catch (error) {
    throw new ModelError(
      'BAD_MODEL_FILE',
      { file: options.file, detail: (error as Error).message },
      { cause: error },
    );
  }
  if (model.objective !== 'binary:logistic') {
    throw new ModelError('BAD_MODEL_FILE', {
      file: options.file,
      detail: `objective ${model.objective}: a scoring model must be binary:logistic (a probability of default)`,
    });
  }
  const data = await loadFeatureTable(options.dbPath);
  const column = new Map(data.featureNames.map((name, c) => [name, c]));
  const missing = model.featureNames.filter((name) => !column.has(name));
  if (missing.length > 0) {
    throw new DataError('MISSING_FEATURE', { count: missing.length, names: missing.join(', ') });
  }
  const features = takeColumns(
    data.features,
    Int32Array.from(model.featureNames, (name) => column.get(name) as number),
  );
  return { model, draft: evaluate(model, features, data, options, started) };
}

function evaluate(
  model: Model,
  features: DenseMatrix,
  data: TrainingData,
  options: ImportOptions,
  started: number,
): RunDraft {
  const o = resolveOptions(options);
  const { train: trainRows, holdout: holdoutRows } = stratifiedHoldout(
    data.labels,
    o.holdoutShare,
    o.seed,
  );
  const X = takeRows(features, trainRows);
  const y = takeValues(data.labels, trainRows);
  const Xh = takeRows(features, holdoutRows);
  const yh = takeValues(data.labels, holdoutRows);
  const foldOf = stratifiedFolds(y, o.folds, o.seed);

  const raw = predict(model, X);
  const holdoutRaw = predict(model, Xh);
  const choice = chooseCalibrator(raw, y, foldOf);
  const calibrated = applyCalibratorAll(choice.spec, raw);
  const holdoutCalibrated = applyCalibratorAll(choice.spec, holdoutRaw);
  const scoreOf = (input: Parameters<typeof scoreCandidate>[0]) =>
    scoreCandidate(input, y, foldOf, o.folds, yh, o.costs, o.beta);
  const prior = fitBaseline(y).prior;
  const baseline = scoreOf({
    name: 'baseline',
    params: { prior },
    oof: new Float64Array(y.length).fill(prior),
    holdout: new Float64Array(yh.length).fill(prior),
  });
  const imported = scoreOf({
    name: 'gbdt',
    params: {
      importedFrom: basename(options.file),
      format: 'xgboost-json',
      trees: model.trees.length,
      calibration: choice.method,
      note: 'trained elsewhere; calibration, threshold and the cross-validation figures come from our training rows, which it may have learnt from (in-sample); the holdout is ours',
    },
    oof: calibrated,
    holdout: holdoutCalibrated,
  });
  const { threshold } = imported;
  // Mean |SHAP| per feature and theme, as training computes it (no dependence samples here).
  const shap = globalImportance(
    treesScoringModel(model),
    Xh,
    model.featureNames.map(themeOf(data)),
    {
      seed: o.seed,
      topFeatures: 0,
    },
  );
  const importance = { features: shap.features, themes: shap.themes };
  let positives = 0;
  for (const label of data.labels) positives += label;
  return {
    format: 'creditlens-run',
    version: 1,
    createdAt: new Date().toISOString(),
    durationSeconds: (performance.now() - started) / 1000,
    seed: o.seed,
    source: data.source,
    dataFingerprint: dataFingerprint(data),
    rows: {
      train: trainRows.length,
      holdout: holdoutRows.length,
      positiveRate: positives / data.labels.length,
    },
    folds: o.folds,
    featureNames: [...model.featureNames],
    excludedFeatures: data.excludedFeatures,
    monotone: { enabled: false, constraints: [], learned: [] },
    clientExplainableOnly: false,
    comparisons: [],
    costs: o.costs,
    beta: o.beta,
    threshold,
    decisionBands: decisionBands(y, calibrated, o.costs, threshold),
    scoreScale: o.scoreScale,
    scoreBands: scoreBandsAt(threshold, o.scoreScale),
    calibrator: choice.spec,
    calibration: {
      method: choice.method,
      cvBrier: { ...choice.cvBrier },
      brierBefore: brierScore(yh, holdoutRaw),
      brierAfter: brierScore(yh, holdoutCalibrated),
      reliabilityBefore: reliabilityCurve(yh, holdoutRaw),
      reliabilityAfter: reliabilityCurve(yh, holdoutCalibrated),
      sentence: sentenceCheck(yh, holdoutCalibrated),
    },
    chosen: 'gbdt',
    candidates: [baseline.report, imported.report],
    search: { strategy: 'random', trials: [] },
    curves: {
      roc: rocCurve(yh, holdoutCalibrated),
      precisionRecall: precisionRecallCurve(yh, holdoutCalibrated),
      cost: costCurve(y, calibrated, o.costs),
    },
    importance,
    shapSummaries: [],
    fairness: fairnessOf(data, holdoutRows, holdoutCalibrated, threshold, yh),
  };
}

/** The theme of a feature of the table ('other' when unknown). */
function themeOf(data: TrainingData): (name: string) => string {
  const themes = new Map(data.featureNames.map((name, c) => [name, data.themes[c] ?? 'other']));
  return (name) => themes.get(name) ?? 'other';
}
