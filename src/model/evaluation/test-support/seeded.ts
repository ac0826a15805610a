/** Seeded random numbers for the evaluation tests (mulberry32): same seed, same data everywhere. */
export function seededRandom(seed: number): () => number {
  let state = (seed ^ 0x9e3779b9) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * n rows whose true default probability is `truth[i]` (uniform in [low, high]) and whose label is
 * drawn from it; `decimals` rounds the probabilities so that ties occur.
 */
export function labelledRows(
  n: number,
  seed: number,
  { low = 0.01, high = 0.6, decimals = 0 }: { low?: number; high?: number; decimals?: number } = {},
): { truth: Float64Array; labels: Float64Array } {
  const random = seededRandom(seed);
  const truth = new Float64Array(n);
  const labels = new Float64Array(n);
  const scale = 10 ** decimals;
  for (let i = 0; i < n; i++) {
    const p = low + (high - low) * random();
    truth[i] = decimals > 0 ? Math.round(p * scale) / scale : p;
    labels[i] = random() < (truth[i] as number) ? 1 : 0;
  }
  return { truth, labels };
}
