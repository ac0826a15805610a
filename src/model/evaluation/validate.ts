/**
 * Argument checks shared by the evaluation functions. These are programming inputs (arrays built
 * by the pipeline), not user data, so they throw RangeError / TypeError naming the argument.
 */

/** Throws unless `labels` holds only 0 and 1. */
export function checkLabels(labels: ArrayLike<number>, name = 'labels'): void {
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) {
      throw new RangeError(`${name}[${i}] must be 0 or 1, got ${String(y)}`);
    }
  }
}

/** Throws unless every entry of `probs` is a number in [0, 1]. */
export function checkProbabilities(probs: ArrayLike<number>, name = 'probs'): void {
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i] as number;
    // `!(p >= 0 && p <= 1)` also rejects NaN.
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`${name}[${i}] must be a probability in [0, 1], got ${String(p)}`);
    }
  }
}

/** Throws unless every entry of `scores` is finite (scores may be margins, not probabilities). */
export function checkFinite(scores: ArrayLike<number>, name = 'scores'): void {
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) {
      throw new RangeError(`${name}[${i}] must be a finite number, got ${String(scores[i])}`);
    }
  }
}

/** Throws unless both arrays have the same, non-zero length. */
export function checkPaired(
  labels: ArrayLike<number>,
  values: ArrayLike<number>,
  valuesName = 'probs',
): void {
  if (labels.length !== values.length) {
    throw new RangeError(
      `labels and ${valuesName} must have the same length, got ${labels.length} and ${values.length}`,
    );
  }
  if (labels.length === 0) throw new RangeError('labels must not be empty');
}

/** Labels 0/1 paired with probabilities in [0, 1]. */
export function checkLabelledProbabilities(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
): void {
  checkPaired(labels, probs, 'probs');
  checkLabels(labels);
  checkProbabilities(probs);
}

/** Labels 0/1 paired with finite scores. */
export function checkLabelledScores(labels: ArrayLike<number>, scores: ArrayLike<number>): void {
  checkPaired(labels, scores, 'scores');
  checkLabels(labels);
  checkFinite(scores);
}

/** Throws unless `value` is a finite number > 0. */
export function checkPositive(value: number, name: string): void {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number > 0, got ${String(value)}`);
  }
}

/** Throws unless `value` is an integer ≥ `min`. */
export function checkInteger(value: number, name: string, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${String(value)}`);
  }
}
