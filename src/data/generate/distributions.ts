/**
 * Small distribution helpers for the application generator: the normal CDF (to turn correlated
 * latent normals into uniforms, a Gaussian copula) and inverse-CDF sampling from a quantile table,
 * so each column keeps the real marginal while columns stay correlated through shared latents.
 */

/** Standard normal CDF Φ(z) (Abramowitz–Stegun 7.1.26, absolute error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * The value at probability u of a quantile table (equally spaced probabilities from 0 to 1),
 * interpolated linearly; flat runs of equal quantiles reproduce the real atoms (e.g. 0, 135000).
 */
export function quantileAt(table: readonly number[], u: number): number {
  const last = table.length - 1;
  const pos = Math.min(Math.max(u, 0), 1) * last;
  const i = Math.min(Math.floor(pos), last - 1);
  const lo = table[i] as number;
  const hi = table[i + 1] as number;
  return lo + (hi - lo) * (pos - i);
}

/** The index chosen by u in a list of weights (inverse CDF over categories, order kept). */
export function indexAt(weights: readonly number[], u: number): number {
  let total = 0;
  for (const w of weights) total += w;
  let acc = 0;
  const target = u * total;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] as number;
    if (target < acc) return i;
  }
  return weights.length - 1;
}
