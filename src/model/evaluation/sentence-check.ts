/**
 * The score sentence against the outcomes: the dashboard tells a probability p as "Sur 100 clients
 * au même niveau de risque, environ N ne remboursent pas" with N = round(100 · p). That is a claim
 * about clients, so it is checked on clients whose outcome the model never saw (the holdout): for
 * each N, the clients whose calibrated probability lies within ±1 point of N %, how many of them
 * defaulted, and the Jeffreys 95 % interval of their default rate (src/model/monitoring/jeffreys.ts).
 * The sentence holds at a level when N % lies in that interval.
 */
import { jeffreysTest } from '../monitoring/jeffreys.ts';
import { checkLabelledProbabilities } from './validate.ts';

/** One level of the sentence ("environ N sur 100") against the clients at that level. */
export interface SentenceLevel {
  /** N: the sentence's count out of 100, for probabilities that round to it. */
  readonly level: number;
  /** Clients whose probability lies within ±window of N / 100. */
  readonly clients: number;
  readonly defaults: number;
  /** Their observed default rate, and its Jeffreys interval at 95 %. */
  readonly observed: number;
  readonly lower: number;
  readonly upper: number;
  /** N / 100 lies within [lower, upper]. */
  readonly holds: boolean;
}

export interface SentenceCheckOptions {
  /** Half-width of the window around N / 100, in probability: 0.01 (±1 point). */
  readonly window?: number;
  /** Levels with fewer clients are left out (their interval says little): 1. */
  readonly minClients?: number;
}

/**
 * For each N from 1 to round(100 · max p), the holdout clients with |p − N / 100| ≤ window and
 * their observed default rate. Levels with fewer than `minClients` clients are left out.
 */
export function sentenceCheck(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  { window = 0.01, minClients = 1 }: SentenceCheckOptions = {},
): SentenceLevel[] {
  checkLabelledProbabilities(labels, probs);
  if (!(window > 0 && window < 0.5)) {
    throw new RangeError(`window must lie in (0, 0.5), got ${String(window)}`);
  }
  let top = 0;
  for (let i = 0; i < probs.length; i++) top = Math.max(top, probs[i] as number);
  const levels: SentenceLevel[] = [];
  for (let level = 1; level <= Math.round(100 * top); level++) {
    const centre = level / 100;
    let clients = 0;
    let defaults = 0;
    for (let i = 0; i < probs.length; i++) {
      // A hair of tolerance: 0.04 − 0.03 is not exactly 0.01 in binary.
      if (Math.abs((probs[i] as number) - centre) <= window + 1e-12) {
        clients++;
        defaults += labels[i] as number;
      }
    }
    if (clients < minClients || clients === 0) continue;
    const j = jeffreysTest(defaults, clients, centre);
    levels.push({
      level,
      clients,
      defaults,
      observed: j.observedRate,
      lower: j.lower,
      upper: j.upper,
      holds: centre >= j.lower && centre <= j.upper,
    });
  }
  return levels;
}
