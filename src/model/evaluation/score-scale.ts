import type { ScoreBand, ScoreScaleSpec } from '../run-record.ts';

/**
 * Points scale of a scorecard: points = offset + factor · ln(odds good:bad), with
 * factor = pointsToDoubleOdds / ln 2 and offset = basePoints − factor · ln(baseOdds). With the
 * default 600 points at 50:1 and 20 points to double the odds, factor ≈ 28.85 and offset ≈ 487.1.
 * Higher points mean a safer applicant.
 */
export const DEFAULT_SCORE_SCALE: ScoreScaleSpec = Object.freeze({
  basePoints: 600,
  baseOdds: 50,
  pointsToDoubleOdds: 20,
});

/** PDs are clipped to [PD_CLIP, 1 − PD_CLIP] so that PD 0 or 1 still has finite points. */
export const PD_CLIP = 1e-6;

function checkScale(scale: ScoreScaleSpec): void {
  for (const key of ['basePoints', 'baseOdds', 'pointsToDoubleOdds'] as const) {
    if (!Number.isFinite(scale[key])) {
      throw new RangeError(`scale.${key} must be a finite number, got ${String(scale[key])}`);
    }
  }
  if (!(scale.baseOdds > 0))
    throw new RangeError(`scale.baseOdds must be > 0, got ${scale.baseOdds}`);
  if (!(scale.pointsToDoubleOdds > 0)) {
    throw new RangeError(`scale.pointsToDoubleOdds must be > 0, got ${scale.pointsToDoubleOdds}`);
  }
}

/** factor = points to double the odds / ln 2: points per unit of log-odds. */
export function scaleFactor(scale: ScoreScaleSpec): number {
  checkScale(scale);
  return scale.pointsToDoubleOdds / Math.LN2;
}

/** offset = basePoints − factor · ln(baseOdds): the points at even odds (1:1). */
export function scaleOffset(scale: ScoreScaleSpec): number {
  return scale.basePoints - scaleFactor(scale) * Math.log(scale.baseOdds);
}

/** Points of a probability of default (clipped to [1e-6, 1 − 1e-6]). */
export function pointsOf(pd: number, scale: ScoreScaleSpec = DEFAULT_SCORE_SCALE): number {
  if (!(pd >= 0 && pd <= 1))
    throw new RangeError(`pd must be a probability in [0, 1], got ${String(pd)}`);
  const p = Math.min(Math.max(pd, PD_CLIP), 1 - PD_CLIP);
  return scaleOffset(scale) + scaleFactor(scale) * Math.log((1 - p) / p);
}

/** The probability of default at given points (inverse of pointsOf inside the clip range). */
export function pdOfPoints(points: number, scale: ScoreScaleSpec = DEFAULT_SCORE_SCALE): number {
  if (Number.isNaN(points)) throw new RangeError('points must be a number, got NaN');
  // ln(odds good:bad) = (points − offset) / factor, and pd = 1 / (1 + odds).
  const logOdds = (points - scaleOffset(scale)) / scaleFactor(scale);
  return logOdds >= 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * Points of a SHAP contribution φ given in log-odds of default: raising the log-odds of default by
 * φ lowers ln(odds good:bad) by φ, hence −factor · φ points.
 */
export function pointsOfContribution(
  logOddsContribution: number,
  scale: ScoreScaleSpec = DEFAULT_SCORE_SCALE,
): number {
  return -scaleFactor(scale) * logOddsContribution;
}

/** Upper PD of each band but the poorest: excellent < 2%, good < 5%, fair < 12%, poor from 12%. */
export const BAND_PD_LIMITS = Object.freeze({ excellent: 0.02, good: 0.05, fair: 0.12 });

/**
 * Four plain bands, best first, with lower bounds in whole points taken from the scale: excellent
 * is PD below 2% (599 points on the default scale), good below 5% (572), fair below 12% (545), poor
 * from 12% on. Rounding to whole points moves the PD limits by less than 0.2 percentage points.
 */
export function defaultScoreBands(scale: ScoreScaleSpec = DEFAULT_SCORE_SCALE): ScoreBand[] {
  return [
    { name: 'excellent', minPoints: Math.round(pointsOf(BAND_PD_LIMITS.excellent, scale)) },
    { name: 'good', minPoints: Math.round(pointsOf(BAND_PD_LIMITS.good, scale)) },
    { name: 'fair', minPoints: Math.round(pointsOf(BAND_PD_LIMITS.fair, scale)) },
    { name: 'poor', minPoints: null },
  ];
}

/**
 * The band of given points: the band with the highest lower bound at or below the points (null
 * stands for −∞). Throws when no band covers the points (the bands must include a null one to
 * cover everything).
 */
export function bandOf(points: number, bands: readonly ScoreBand[]): ScoreBand['name'] {
  if (Number.isNaN(points)) throw new RangeError('points must be a number, got NaN');
  let best: ScoreBand | undefined;
  for (const band of bands) {
    const min = band.minPoints ?? Number.NEGATIVE_INFINITY;
    if (
      points >= min &&
      (best === undefined || min > (best.minPoints ?? Number.NEGATIVE_INFINITY))
    ) {
      best = band;
    }
  }
  if (best === undefined) throw new RangeError(`no score band covers ${points} points`);
  return best.name;
}
