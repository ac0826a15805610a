/**
 * The population stability index between a reference (development) distribution and a window's,
 * over the same bins: PSI = Σ (w_i − r_i) · ln(w_i / r_i), with r_i and w_i the shares of the bin.
 * A share of zero is floored at 0.0001 (so an empty bin on one side weighs ≈ its other share × 9
 * instead of being infinite), the convention of most credit-risk tooling. Traffic lights at the
 * conventional 0.10 and 0.25: below 0.10 stable (green), up to 0.25 a shift worth a look (amber),
 * from 0.25 a shift that questions the model (red).
 */

/** Shares below this are floored (an empty bin has no finite log ratio). */
export const PSI_FLOOR = 1e-4;

/** PSI thresholds: amber from `amber`, red from `red`. */
export const PSI_THRESHOLDS = { amber: 0.1, red: 0.25 } as const;

export type TrafficLight = 'green' | 'amber' | 'red';

/** The traffic light of a PSI value. */
export function trafficLight(psi: number): TrafficLight {
  if (psi >= PSI_THRESHOLDS.red) return 'red';
  if (psi >= PSI_THRESHOLDS.amber) return 'amber';
  return 'green';
}

/** Shares of counts (all zero when the total is zero). */
export function shares(counts: readonly number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => (total > 0 ? c / total : 0));
}

/** PSI between two count vectors over the same bins. */
export function psi(reference: readonly number[], window: readonly number[]): number {
  if (reference.length !== window.length) {
    throw new RangeError(
      `psi: ${reference.length} reference bins but ${window.length} window bins`,
    );
  }
  const r = shares(reference);
  const w = shares(window);
  let sum = 0;
  for (let i = 0; i < r.length; i++) {
    const ri = Math.max(r[i] as number, PSI_FLOOR);
    const wi = Math.max(w[i] as number, PSI_FLOOR);
    // Bins empty on both sides contribute nothing.
    if ((r[i] as number) === 0 && (w[i] as number) === 0) continue;
    sum += (wi - ri) * Math.log(wi / ri);
  }
  return sum;
}
