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

/** The plain limits of probability of default between bands: 2 %, 5 % and 12 %. */
export const BAND_PD_LIMITS = Object.freeze({ excellent: 0.02, good: 0.05, high: 0.12 });

/**
 * The plain bands around a decision threshold, best first, so that no band holds both granted and
 * refused clients: the threshold is a band edge, and a band's name agrees with its decision.
 *
 * - granted (PD below the threshold): excellent below 2 %, good from 2 % to 5 %, fair from 5 %,
 *   each cut at the threshold;
 * - refused (PD at or above the threshold): high up to 12 %, poor from 12 % (or from the threshold
 *   when it lies above 12 %).
 *
 * With the course's threshold of 1/11 ≈ 9.1 %: excellent < 2 %, good < 5 %, fair < 9.1 % (granted);
 * high < 12 %, poor (refused). Plain edges are whole points (599, 572 and 545 on the default
 * scale); the threshold's edge is its exact points, and a granted band starts there: a probability
 * equal to the threshold is refused, as the decision says. A band empty at this threshold (below
 * it when the threshold is under 2 %, say) is left out.
 */
export function scoreBandsAt(
  threshold: number,
  scale: ScoreScaleSpec = DEFAULT_SCORE_SCALE,
): ScoreBand[] {
  if (!(threshold >= 0 && threshold <= 1 + 1e-9)) {
    throw new RangeError(`threshold must be a probability in [0, 1], got ${String(threshold)}`);
  }
  const whole = (pd: number) => Math.round(pointsOf(pd, scale));
  const atThreshold = pointsOf(Math.min(Math.max(threshold, PD_CLIP), 1 - PD_CLIP), scale);
  const bands: ScoreBand[] = [];
  // Granted: each band down to its plain edge, or to the threshold's points when the threshold
  // (or a plain edge that rounding puts past it) cuts it; then no more granted band.
  const granted = [
    { name: 'excellent', from: 0, to: BAND_PD_LIMITS.excellent },
    { name: 'good', from: BAND_PD_LIMITS.excellent, to: BAND_PD_LIMITS.good },
    { name: 'fair', from: BAND_PD_LIMITS.good, to: 1 },
  ] as const;
  for (const b of granted) {
    if (b.from >= threshold) break;
    const edge = whole(b.to);
    const cut = b.to >= threshold || edge <= atThreshold;
    bands.push({ name: b.name, minPoints: cut ? atThreshold : edge, decision: 'grant' });
    if (cut) break;
  }
  // Refused: high down to 12 %, when the threshold lies clearly below it; poor below.
  const high = whole(BAND_PD_LIMITS.high);
  if (threshold < BAND_PD_LIMITS.high && high < atThreshold) {
    bands.push({ name: 'high', minPoints: high, decision: 'refuse' });
  }
  bands.push({ name: 'poor', minPoints: null, decision: 'refuse' });
  return bands;
}

/**
 * The bands of a run written before bands knew the threshold: the default bands at the course's
 * threshold. Kept for callers that have no threshold (tests, the card of an old record).
 */
export function defaultScoreBands(scale: ScoreScaleSpec = DEFAULT_SCORE_SCALE): ScoreBand[] {
  return scoreBandsAt(1 / 11, scale);
}

/**
 * The band of given points for a client of the given decision: among the bands of that decision,
 * the one with the highest lower bound at or below the points (null stands for −∞); when rounding
 * puts the points a hair beyond the threshold's edge, the decision's band next to the threshold.
 * Without a decision, any band. Throws when no band covers the points.
 */
export function bandOf(
  points: number,
  bands: readonly ScoreBand[],
  decision?: ScoreBand['decision'],
): ScoreBand['name'] {
  if (Number.isNaN(points)) throw new RangeError('points must be a number, got NaN');
  const candidates = decision === undefined ? bands : bands.filter((b) => b.decision === decision);
  const low = (b: ScoreBand) => b.minPoints ?? Number.NEGATIVE_INFINITY;
  let best: ScoreBand | undefined;
  for (const band of candidates) {
    if (points >= low(band) && (best === undefined || low(band) > low(best))) best = band;
  }
  if (best === undefined && decision === 'grant' && candidates.length > 0) {
    // Granted but a rounding below the threshold's points: the lowest granted band.
    best = candidates.reduce((a, b) => (low(b) < low(a) ? b : a));
  }
  if (best === undefined) throw new RangeError(`no score band covers ${points} points`);
  return best.name;
}
