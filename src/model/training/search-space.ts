/**
 * The hyper-parameters searched for the trees, each mapped from a coordinate in [0, 1] (so the
 * samplers work in one unit cube): log scales where the effect is multiplicative.
 */

export interface Dimension {
  /** Engine parameter name (docs/params.md). */
  readonly name: string;
  /** Value at coordinate u ∈ [0, 1]. */
  readonly at: (u: number) => number;
  /** Coordinate of a value (inverse of `at`, up to rounding). */
  readonly coordinate: (value: number) => number;
}

interface Scale {
  at: (u: number) => number;
  coordinate: (value: number) => number;
}

const logScale = (lo: number, hi: number): Scale => ({
  at: (u) => lo * (hi / lo) ** u,
  coordinate: (v) => Math.log(v / lo) / Math.log(hi / lo),
});
const linear = (lo: number, hi: number): Scale => ({
  at: (u) => lo + (hi - lo) * u,
  coordinate: (v) => (v - lo) / (hi - lo),
});
const integer = (scale: Scale): Scale => ({
  at: (u) => Math.round(scale.at(u)),
  coordinate: scale.coordinate,
});
const choice = (values: readonly number[]): Scale => ({
  at: (u) => values[Math.min(values.length - 1, Math.floor(u * values.length))] as number,
  coordinate: (v) => (Math.max(0, values.indexOf(v)) + 0.5) / values.length,
});

export const SEARCH_SPACE: readonly Dimension[] = Object.freeze([
  { name: 'learningRate', ...logScale(0.04, 0.3) },
  { name: 'maxLeaves', ...integer(logScale(6, 64)) },
  { name: 'maxDepth', ...choice([0, 4, 6, 8]) },
  { name: 'minChildWeight', ...logScale(1e-3, 10) },
  { name: 'minDataInLeaf', ...integer(logScale(10, 200)) },
  { name: 'l2', ...logScale(1e-2, 30) },
  { name: 'colsampleByTree', ...linear(0.3, 1) },
  { name: 'subsample', ...linear(0.6, 1) },
]);

/**
 * The first trial: a setting known to do well on credit data (small trees, large leaves, a third
 * of the features per tree: cheap and hard to overfit), so that even a one-trial budget gives a sound model.
 */
export const FIRST_TRIAL: Readonly<Record<string, number>> = Object.freeze({
  learningRate: 0.1,
  maxLeaves: 8,
  maxDepth: 0,
  minChildWeight: 1,
  minDataInLeaf: 100,
  l2: 5,
  colsampleByTree: 0.3,
  subsample: 0.8,
});

/** The unit-cube point of FIRST_TRIAL. */
export function firstPoint(): Float64Array {
  return Float64Array.from(SEARCH_SPACE, (d) =>
    Math.min(1, Math.max(0, d.coordinate(FIRST_TRIAL[d.name] as number))),
  );
}

/** Engine parameters of a point of the unit cube. */
export function paramsAt(point: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  SEARCH_SPACE.forEach((dimension, d) => {
    out[dimension.name] = dimension.at(point[d] as number);
  });
  return out;
}
