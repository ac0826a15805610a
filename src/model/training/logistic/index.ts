/** Logistic regression candidate: preprocessing, L-BFGS fit, C chosen by cross-validation. */
export { fitLogisticDesign, type LogisticFit, predictDesign, sigmoid } from './fit.ts';
export { type LbfgsOptions, type LbfgsResult, minimizeLbfgs } from './lbfgs.ts';
export {
  fitLogistic,
  type LogisticModel,
  predictLogistic,
  predictLogisticAverage,
} from './model.ts';
export { type DesignColumn, fitPreprocessor, type Preprocessor, transform } from './preprocess.ts';
export { LOGISTIC_C_GRID, type LogisticSelection, selectLogistic } from './select.ts';
