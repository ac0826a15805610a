/**
 * Answers of GET /api/clients/:id/score and the part of GET /api/model the score panel uses,
 * mirroring src/api/scoring/routes.ts.
 */

export type BandName = 'excellent' | 'good' | 'fair' | 'poor';
export type Decision = 'grant' | 'refuse';

export interface ScoreAnswer {
  clientId: number;
  /** Calibrated probability of default: the one decisions use. */
  probability: number;
  rawProbability: number;
  /** Points on the run's scale, not rounded; higher is safer. */
  points: number;
  band: BandName;
  /** refuse when probability ≥ threshold. */
  decision: Decision;
  recommendation: 'accept' | 'refer' | 'decline' | null;
  threshold: number;
  modelVersion: string;
  /** The run's scale and bands, to place the bands on the gauge. */
  scoreScale?: ScoreScale;
  scoreBands?: ScoreBand[];
}

/** The run's points scale: points = offset + factor · ln(odds good:bad). */
export interface ScoreScale {
  basePoints: number;
  baseOdds: number;
  pointsToDoubleOdds: number;
}

/** A band covers points ≥ minPoints (null: −∞). */
export interface ScoreBand {
  name: BandName;
  minPoints: number | null;
}

/** The fields of GET /api/model (staff only) that place the bands on the gauge. */
export interface ModelBandsAnswer {
  id: string;
  threshold: number;
  scoreScale: ScoreScale;
  scoreBands: ScoreBand[];
}
