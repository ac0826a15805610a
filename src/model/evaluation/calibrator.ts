import type { CalibratorSpec } from '../run-record.ts';
import { fitIsotonic, interpolateKnots } from './isotonic.ts';
import { brierScore } from './metrics.ts';
import { clippedLogit, fitPlatt, sigmoid } from './platt.ts';
import { checkLabelledProbabilities } from './validate.ts';

export type CalibrationMethod = CalibratorSpec['kind'];

/** Methods tried by chooseCalibrator, simplest first (the simpler one wins a tie). */
export const CALIBRATION_METHODS: readonly CalibrationMethod[] = ['identity', 'platt', 'isotonic'];

/** The served probability for a raw model probability p in [0, 1]. */
export function applyCalibrator(spec: CalibratorSpec, p: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`p must be a probability in [0, 1], got ${String(p)}`);
  }
  switch (spec.kind) {
    case 'identity':
      return p;
    case 'platt':
      return sigmoid(spec.a * clippedLogit(p) + spec.b);
    case 'isotonic':
      return interpolateKnots(spec.x, spec.y, p);
    default:
      throw new TypeError(`unknown calibrator kind ${String((spec as { kind: unknown }).kind)}`);
  }
}

export function applyCalibratorAll(spec: CalibratorSpec, probs: ArrayLike<number>): Float64Array {
  const out = new Float64Array(probs.length);
  for (let i = 0; i < probs.length; i++) out[i] = applyCalibrator(spec, probs[i] as number);
  return out;
}

export function fitCalibrator(
  method: CalibrationMethod,
  probs: ArrayLike<number>,
  labels: ArrayLike<number>,
): CalibratorSpec {
  switch (method) {
    case 'identity':
      return { kind: 'identity' };
    case 'platt':
      return fitPlatt(probs, labels);
    case 'isotonic':
      return fitIsotonic(probs, labels);
  }
}

export interface CalibratorChoice {
  /** The chosen method fitted on all rows. */
  readonly spec: CalibratorSpec;
  /** Mean over folds of the held-out Brier score, by method. */
  readonly cvBrier: Record<CalibrationMethod, number>;
  readonly method: CalibrationMethod;
}

/**
 * Chooses the calibration by cross-fitting: for each fold k of `foldOf` (non-negative fold numbers,
 * at least two distinct), each method is fitted on the rows of the other folds and scored by the
 * Brier score on fold k. The method with the lowest mean Brier over folds wins (ties go to the
 * simpler method), and is then fitted on all rows. `probs` should be out-of-fold predictions.
 */
export function chooseCalibrator(
  probs: ArrayLike<number>,
  labels: ArrayLike<number>,
  foldOf: Int32Array,
): CalibratorChoice {
  checkLabelledProbabilities(labels, probs);
  if (foldOf.length !== labels.length) {
    throw new RangeError(
      `foldOf must have one entry per row (${labels.length}), got ${foldOf.length}`,
    );
  }
  const folds = [...new Set(foldOf)].sort((a, b) => a - b);
  if ((folds[0] as number) < 0) throw new RangeError('foldOf must hold fold numbers ≥ 0');
  if (folds.length < 2) throw new RangeError('foldOf must hold at least two distinct folds');

  const totals: Record<CalibrationMethod, number> = { identity: 0, platt: 0, isotonic: 0 };
  for (const fold of folds) {
    const fitRows: number[] = [];
    const heldRows: number[] = [];
    for (let i = 0; i < foldOf.length; i++) (foldOf[i] === fold ? heldRows : fitRows).push(i);
    const pick = (rows: number[], from: ArrayLike<number>) =>
      Float64Array.from(rows, (r) => from[r] as number);
    const fitProbs = pick(fitRows, probs);
    const fitLabels = pick(fitRows, labels);
    const heldProbs = pick(heldRows, probs);
    const heldLabels = pick(heldRows, labels);
    for (const method of CALIBRATION_METHODS) {
      const spec = fitCalibrator(method, fitProbs, fitLabels);
      totals[method] += brierScore(heldLabels, applyCalibratorAll(spec, heldProbs));
    }
  }
  const cvBrier: Record<CalibrationMethod, number> = { identity: 0, platt: 0, isotonic: 0 };
  let method: CalibrationMethod = 'identity';
  for (const m of CALIBRATION_METHODS) {
    cvBrier[m] = totals[m] / folds.length;
    if (cvBrier[m] < cvBrier[method]) method = m;
  }
  return { spec: fitCalibrator(method, probs, labels), cvBrier, method };
}
