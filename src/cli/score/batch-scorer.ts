/**
 * Scoring one new application after another with the active run, as POST /api/applications does
 * (the row evaluator of the training feature SQL, no history, the run's calibration, points, band
 * and decision), and, when asked, its principal adverse reason codes: the adviser's reasons of the
 * API (src/explain/reasons.ts), fields the application leaves unknown never among them. The
 * reasons need the model's contributions (TreeSHAP, or LR's exact ones): the costly part.
 */
import type { RawApplication } from '../../data/features/application-input.ts';
import {
  contributionsOf,
  reasonsOf,
  type Scorer,
  scoreInMemory,
  unknownFieldsOf,
} from '../../explain/index.ts';
import { applyCalibrator } from '../../model/evaluation/calibrator.ts';
import type { RunRecord } from '../../model/run-record.ts';
import { type ApplicantScore, scoreApplicant } from '../../model/scoring.ts';

export interface ScoredLine extends ApplicantScore {
  /** The model's feature row (its order; null = missing), as stored by --save. */
  readonly features: (number | null)[];
  /** Reason codes (R-…), the most adverse first; empty without --reasons. */
  readonly reasons: readonly string[];
}

/** The stats the reasons' sentences compare with: not needed for their codes. */
const NO_STATS = new Map();

export function batchScorer(
  scorer: Scorer,
  record: RunRecord,
  reasons: number,
): (application: RawApplication) => ScoredLine {
  const calibrate = (p: number) => applyCalibrator(record.calibrator, p);
  return (application) => {
    const scored = scoreInMemory(scorer, application, () => null, { explain: reasons > 0 });
    const score = scoreApplicant(scored.rawProbability, record);
    const features = Array.from(scored.row, (v) => (Number.isNaN(v) ? null : v));
    if (reasons === 0 || !scored.shap) return { ...score, features, reasons: [] };
    const contributions = contributionsOf(scored.shap, scorer.featureNames, scored.row, {
      scale: record.scoreScale,
      calibrate,
    });
    const set = reasonsOf(contributions.all, NO_STATS, {
      max: reasons,
      unknown: unknownFieldsOf(application),
    });
    return { ...score, features, reasons: set.adverse.map((r) => r.code) };
  };
}
