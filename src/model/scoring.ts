import { applyCalibrator } from './evaluation/calibrator.ts';
import { bandOf, pointsOf } from './evaluation/score-scale.ts';
import type { RunRecord, ScoreBand } from './run-record.ts';

/** What the API serves for one applicant. */
export interface ApplicantScore {
  /** Calibrated probability of default: the one decisions use. */
  readonly probability: number;
  /** The model's raw probability before calibration. */
  readonly rawProbability: number;
  /** Points of the calibrated probability on the run's scale (not rounded; higher is safer). */
  readonly points: number;
  readonly band: ScoreBand['name'];
  /** Refuse when the calibrated probability ≥ the run's threshold. */
  readonly decision: 'grant' | 'refuse';
  /** From the run's accept / refer / decline bands; null when the run has none. */
  readonly recommendation: 'accept' | 'refer' | 'decline' | null;
}

/** Scores one applicant from the raw model probability and the run record that serves it. */
export function scoreApplicant(
  rawProbability: number,
  run: Pick<RunRecord, 'calibrator' | 'threshold' | 'decisionBands' | 'scoreScale' | 'scoreBands'>,
): ApplicantScore {
  if (!(rawProbability >= 0 && rawProbability <= 1)) {
    throw new RangeError(`rawProbability must lie in [0, 1], got ${String(rawProbability)}`);
  }
  const probability = applyCalibrator(run.calibrator, rawProbability);
  const points = pointsOf(probability, run.scoreScale);
  const bands = run.decisionBands;
  const decision = probability >= run.threshold ? 'refuse' : 'grant';
  return {
    probability,
    rawProbability,
    points,
    // The band of the client's decision: a band is granted or refused, never both.
    band: bandOf(points, run.scoreBands, decision),
    decision,
    recommendation:
      bands === null
        ? null
        : probability < bands.acceptBelow
          ? 'accept'
          : probability >= bands.declineFrom
            ? 'decline'
            : 'refer',
  };
}
