/**
 * The waterfall from the average client to this client: a start bar, one step per theme, and an
 * end bar at the client's value. Steps are cumulative, so each theme bar floats from where the
 * previous one ended.
 */
import type { Explanation } from '../../api/types.ts';
import type { WeightUnit } from './weights.ts';

export interface WaterfallPart {
  key: string;
  value: number;
}

export interface WaterfallStep {
  /** "start", a theme key, "adjustment" or "end". */
  key: string;
  kind: 'start' | 'part' | 'adjustment' | 'end';
  delta: number;
  /** Where the bar begins and ends on the value axis (start and end bars rise from 0). */
  from: number;
  to: number;
}

/**
 * Steps from `start` through the parts to `end`. When the parts do not add up to end − start
 * (points: the SHAP values are on the model's raw scale, the score on the calibrated one) the
 * difference is shown as its own "adjustment" step rather than spread silently over the themes.
 */
export function waterfallSteps(
  start: number,
  parts: readonly WaterfallPart[],
  end: number,
  tolerance = 1e-6,
): WaterfallStep[] {
  const steps: WaterfallStep[] = [
    { key: 'start', kind: 'start', delta: start, from: 0, to: start },
  ];
  let running = start;
  for (const part of parts) {
    steps.push({
      key: part.key,
      kind: 'part',
      delta: part.value,
      from: running,
      to: running + part.value,
    });
    running += part.value;
  }
  const residual = end - running;
  if (Math.abs(residual) > tolerance) {
    steps.push({ key: 'adjustment', kind: 'adjustment', delta: residual, from: running, to: end });
  }
  steps.push({ key: 'end', kind: 'end', delta: end, from: 0, to: end });
  return steps;
}

/** PDs clipped as the API does (score-scale.ts), so 0 and 1 keep finite points. */
const PD_CLIP = 1e-6;
/** ln(odds good:bad) of a probability of default. */
function logOddsGood(pd: number): number {
  const p = Math.min(Math.max(pd, PD_CLIP), 1 - PD_CLIP);
  return Math.log((1 - p) / p);
}

/** The default scale's points per unit of log-odds (20 points to double the odds). */
const DEFAULT_FACTOR = 20 / Math.LN2;

/**
 * The run's points per unit of log-odds, read off the answer itself (points = −factor · logOdds
 * for every unit), so the panel needs no model card.
 */
export function pointsFactor(explanation: Pick<Explanation, 'themes'>): number {
  let best: { logOdds: number; points: number } | null = null;
  for (const t of explanation.themes) {
    if (Math.abs(t.logOdds) > 1e-12 && (!best || Math.abs(t.logOdds) > Math.abs(best.logOdds)))
      best = t;
  }
  return best ? -best.points / best.logOdds : DEFAULT_FACTOR;
}

/**
 * The waterfall's start, parts and end in the chosen unit. Percentage points run from the
 * average client's probability to the client's (the API shares the change exactly); points run
 * from the points of the average client's probability to the client's score points.
 */
export function waterfallInput(
  explanation: Pick<Explanation, 'contributions' | 'themes'>,
  scorePoints: number,
  unit: WeightUnit,
): { start: number; parts: WaterfallPart[]; end: number } {
  const { expectedProbability, probability } = explanation.contributions;
  if (unit === 'pp') {
    return {
      start: 100 * expectedProbability,
      parts: explanation.themes.map((t) => ({ key: t.theme, value: t.probabilityPoints })),
      end: 100 * probability,
    };
  }
  const factor = pointsFactor(explanation);
  return {
    start: scorePoints - factor * (logOddsGood(probability) - logOddsGood(expectedProbability)),
    parts: explanation.themes.map((t) => ({ key: t.theme, value: t.points })),
    end: scorePoints,
  };
}
