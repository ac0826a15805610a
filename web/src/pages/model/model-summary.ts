/**
 * The model's holdout results as "sur 100 clients" figures a non-expert can follow, computed from
 * the confusion counts at the served threshold (positive = default, refused when PD ≥ threshold).
 */
import type { ModelCard } from '../../api/types.ts';

export interface PlainFigures {
  /** Share of holdout files classed right (granted and repaid, or refused and defaulted). */
  accuracy: number;
  /** Of 100 granted, how many default. */
  defaultsPer100Granted: number;
  /** Of 100 refused, how many would have repaid. */
  repayersPer100Refused: number;
  /** Of 10 who default, how many the model refuses. */
  defaultsCaughtPer10: number;
  /** Share of applications refused. */
  refusalRate: number;
  /** How many times a granted default costs more than a wrong refusal. */
  costRatio: number;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

export function plainFigures(card: Pick<ModelCard, 'holdout' | 'costs'>): PlainFigures {
  const {
    truePositive: tp,
    falsePositive: fp,
    trueNegative: tn,
    falseNegative: fn,
  } = card.holdout.confusion;
  const n = tp + fp + tn + fn;
  return {
    accuracy: ratio(tp + tn, n),
    defaultsPer100Granted: 100 * ratio(fn, fn + tn),
    repayersPer100Refused: 100 * ratio(fp, fp + tp),
    defaultsCaughtPer10: 10 * ratio(tp, tp + fn),
    refusalRate: ratio(tp + fp, n),
    costRatio: ratio(card.costs.falseNegative, card.costs.falsePositive),
  };
}

/** At most `max` points of a curve, evenly spread and always with the ends, for a table. */
export function thinIndices(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => Math.round(i * step));
}

/** Index of the curve point whose x is closest to `x` (the curve's x increasing or not). */
export function nearestIndex(xs: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) {
    if (Math.abs((xs[i] as number) - x) < Math.abs((xs[best] as number) - x)) best = i;
  }
  return best;
}
