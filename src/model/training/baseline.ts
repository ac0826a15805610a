/**
 * The majority-class baseline: predicts the training default rate for everyone. Any model worth
 * serving must beat it; its ROC-AUC is 0.5 and its cost that of the better trivial policy.
 */
export interface BaselineModel {
  readonly kind: 'baseline';
  /** Default rate of the training rows. */
  readonly prior: number;
}

export function fitBaseline(labels: ArrayLike<number>): BaselineModel {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] === 1 ? 1 : 0;
  return { kind: 'baseline', prior: labels.length === 0 ? 0 : positives / labels.length };
}

/** The prior for each of `numRows` rows. */
export function predictBaseline(model: BaselineModel, numRows: number): Float64Array {
  return new Float64Array(numRows).fill(model.prior);
}
