/**
 * The score bands as ranges of probability of default, for the gauge. The run defines bands in
 * points (src/model/evaluation/score-scale.ts); a band covers points ≥ its minPoints, that is a
 * probability up to pdOfPoints(minPoints).
 */

import type { BandName, ScoreBand, ScoreScale } from '../../api/types.ts';
import type { GaugeBand } from '../../charts/Gauge.tsx';
import { bandColours, palette } from '../../charts/palette.ts';

export interface BandRange {
  name: BandName;
  /** Probability of default, from (inclusive) … to. */
  from: number;
  to: number;
}

/**
 * What training writes at the course's threshold of 1/11 (scoreBandsAt: PD below 2 %, 5 %, the
 * threshold, 12 %). Used when the score answer carries no bands; the band name itself always
 * comes from the score answer.
 */
export const DEFAULT_BAND_RANGES: readonly BandRange[] = [
  { name: 'excellent', from: 0, to: 0.02 },
  { name: 'good', from: 0.02, to: 0.05 },
  { name: 'fair', from: 0.05, to: 1 / 11 },
  { name: 'high', from: 1 / 11, to: 0.12 },
  { name: 'poor', from: 0.12, to: 1 },
];

/** The probability of default at given points (inverse of the run's points scale). */
export function pdOfPoints(points: number, scale: ScoreScale): number {
  const factor = scale.pointsToDoubleOdds / Math.LN2;
  const offset = scale.basePoints - factor * Math.log(scale.baseOdds);
  const logOddsGood = (points - offset) / factor;
  return 1 / (1 + Math.exp(logOddsGood));
}

/**
 * The run's bands as probability ranges, safest first, from a score or the model card; the
 * defaults without either.
 */
export function bandRanges(
  model: { scoreScale: ScoreScale; scoreBands: readonly ScoreBand[] } | null,
) {
  if (!model || model.scoreBands.length === 0) return DEFAULT_BAND_RANGES;
  // Highest minimum first; the band without a minimum (−∞ points) is the riskiest.
  const sorted = [...model.scoreBands].sort(
    (a, b) => (b.minPoints ?? Number.NEGATIVE_INFINITY) - (a.minPoints ?? Number.NEGATIVE_INFINITY),
  );
  let from = 0;
  return sorted.map((band): BandRange => {
    const to = band.minPoints === null ? 1 : pdOfPoints(band.minPoints, model.scoreScale);
    const range = { name: band.name, from, to };
    from = to;
    return range;
  });
}

const GAUGE_MAXIMA = [0.4, 0.6, 0.8, 1] as const;

/**
 * The gauge's upper end: 40 % shows the usual range (bands and threshold sit far below it) with
 * room to read the needle; a riskier client widens it so the needle stays on the dial.
 */
export function gaugeMax(probability: number, threshold: number): number {
  const needed = Math.max(probability, threshold) * 1.05;
  return GAUGE_MAXIMA.find((m) => m >= needed) ?? 1;
}

/**
 * Safest to riskiest: the granted bands in blues and green, the refused ones in orange and
 * vermilion (Okabe–Ito); yellow is skipped (too faint on white).
 */
export const BAND_COLOURS: Record<BandName, string> = {
  excellent: bandColours[0],
  good: bandColours[1],
  fair: palette.green,
  high: bandColours[3],
  poor: bandColours[4],
};

/** The bands as the gauge draws them: [from, to, colour]. */
export function gaugeBands(ranges: readonly BandRange[]): GaugeBand[] {
  return ranges.map((r) => [r.from, r.to, BAND_COLOURS[r.name]] as const);
}
