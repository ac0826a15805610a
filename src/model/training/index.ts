/**
 * Training: data loading (feature table or CSV), holdout and folds, candidates (baseline,
 * logistic regression, trees with and without class weights), hyper-parameter search, and the
 * pipeline producing the served engine model and its run record draft. See docs/training.md.
 */
export { type BaselineModel, fitBaseline, predictBaseline } from './baseline.ts';
export { type CsvSourceOptions, loadTrainingCsv } from './csv-source.ts';
export { DEFAULT_TRAINING_SEED } from './defaults.ts';
export { FEATURE_TABLE, loadFeatureTable, PROTECTED_PREFIXES } from './feature-table.ts';
export { dataFingerprint } from './fingerprint.ts';
export { globalImportance } from './importance.ts';
export {
  fitLogistic,
  LOGISTIC_C_GRID,
  type LogisticModel,
  predictLogistic,
  selectLogistic,
} from './logistic/index.ts';
export {
  BUDGET_TRIAL_CAP,
  DEFAULT_TRIALS,
  type TrainingOptions,
  type TrainingOutcome,
} from './options.ts';
export { trainFromCsv, trainFromFeatureTable, trainOnData } from './pipeline.ts';
export type { SearchStrategy } from './sampler.ts';
export { type SearchOptions, type SearchResult, searchTrees } from './search.ts';
export { SEARCH_SPACE } from './search-space.ts';
export { foldRows, stratifiedFolds, stratifiedHoldout } from './split.ts';
export type { TrainingData } from './training-data.ts';
