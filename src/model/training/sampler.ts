/**
 * Where the next search trial goes, in the unit cube of search-space.ts.
 * - random: uniform.
 * - tpe: after `startup` random trials, a Tree-structured-Parzen-Estimator-style step
 *   (Bergstra et al., 2011): the best quarter of the trials is "good", the rest "bad"; candidates
 *   are drawn around good trials (Gaussian, clipped to the cube) and the one maximising
 *   l(x) / g(x) — density under the good trials over density under the bad ones — is chosen.
 */
import type { Rng } from '../../engine/index.ts';

export type SearchStrategy = 'random' | 'tpe';

export interface Observation {
  readonly point: Float64Array;
  /** Lower is better. */
  readonly score: number;
}

const CANDIDATES = 24;
const GOOD_SHARE = 0.25;

function uniformPoint(random: Rng, dims: number): Float64Array {
  return Float64Array.from({ length: dims }, () => random.next());
}

/** Parzen density (product of Gaussians per dimension, bandwidth h) plus a uniform prior. */
function density(x: Float64Array, points: readonly Float64Array[], h: number): number {
  let sum = 1; // the uniform prior counts as one kernel of density 1
  for (const p of points) {
    let k = 1;
    for (let d = 0; d < x.length; d++) {
      const z = ((x[d] as number) - (p[d] as number)) / h;
      k *= Math.exp(-0.5 * z * z) / (h * Math.sqrt(2 * Math.PI));
    }
    sum += k;
  }
  return sum / (points.length + 1);
}

export function nextPoint(
  strategy: SearchStrategy,
  history: readonly Observation[],
  random: Rng,
  dims: number,
  startup = 4,
): Float64Array {
  if (strategy === 'random' || history.length < startup) return uniformPoint(random, dims);
  const sorted = [...history].sort((a, b) => a.score - b.score);
  const goodCount = Math.max(1, Math.ceil(sorted.length * GOOD_SHARE));
  const good = sorted.slice(0, goodCount).map((o) => o.point);
  const bad = sorted.slice(goodCount).map((o) => o.point);
  // Narrower kernels as evidence accumulates.
  const h = Math.max(0.05, 0.3 / Math.sqrt(history.length / startup));
  let best: Float64Array = uniformPoint(random, dims);
  let bestRatio = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < CANDIDATES; c++) {
    const centre = good[Math.floor(random.next() * good.length)] as Float64Array;
    const x = Float64Array.from(centre, (v) => Math.min(1, Math.max(0, v + h * random.normal())));
    const ratio = density(x, good, h) / density(x, bad, h);
    if (ratio > bestRatio) {
      bestRatio = ratio;
      best = x;
    }
  }
  return best;
}
