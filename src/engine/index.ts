/**
 * The gradient-boosting engine: pure TypeScript, no I/O, no imports from the rest of creditlens.
 * Train with `train`, score with `predict` / `predictMargin` (batch) or `predictRow` (one row),
 * explain with `ShapExplainer` / `shapRow` / `shapBatch`, store with `serializeModel` /
 * `parseModel`, import XGBoost JSON models with `parseXgboostModel` (or read either kind with
 * `parseAnyModel`). Parameters: `resolveParams`, documented in docs/params.md.
 */
export { type Dataset, type RoundProgress, type TrainOptions, train } from './boosting/train.ts';
export { EngineError } from './errors.ts';
export {
  type DenseMatrix,
  denseMatrix,
  fromColumns,
  isSharedMatrix,
  type Layout,
  sharedDenseMatrix,
} from './matrix.ts';
export {
  MODEL_FORMAT,
  MODEL_VERSION,
  type Model,
  parseModel,
  serializeModel,
  type TrainingMetadata,
} from './model.ts';
export {
  type EvalMetricName,
  type ObjectiveName,
  PARAM_TABLE,
  type ParamInput,
  type Params,
  renderParamsDoc,
  resolveParams,
} from './params.ts';
export {
  type PredictOptions,
  predict,
  predictMargin,
  predictMarginRow,
  predictRow,
} from './predict.ts';
export { Rng } from './random.ts';
export {
  type ShapBatch,
  ShapExplainer,
  type ShapExplainerOptions,
  type ShapRow,
  shapBatch,
  shapRow,
} from './shap/shap.ts';
export type { Tree } from './tree/tree.ts';
export { parseAnyModel } from './xgboost/any-model.ts';
export { parseXgboostModel, type XgboostImportOptions } from './xgboost/import-model.ts';
