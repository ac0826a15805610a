/**
 * The bins a feature's stability is measured on, fixed once on the training (development)
 * population and then applied unchanged to every window:
 * - a feature with at most `maxCategories` (10) distinct training values is categorical: one bin
 *   per value seen in training (the one-hot and ordinal encodings, counts such as children), plus
 *   an "unseen" bin for window values training never had;
 * - otherwise deciles of the training values: the distinct values among the 10 %, 20 %, …, 90 %
 *   quantiles (type-7 interpolation, as numpy's default) are upper edges, a value v falls in the
 *   first bin whose edge is ≥ v (right-closed), above the last edge in the last bin; ties at an
 *   edge therefore merge deciles, so there may be fewer than 10 bins;
 * - missing (NULL/NaN) is always a bin of its own.
 */

/** A feature's fixed bins. */
export type Bins =
  | { readonly kind: 'numeric'; readonly edges: readonly number[] }
  | { readonly kind: 'categorical'; readonly values: readonly number[] };

/** Distinct values at most this many: one bin per value. */
export const MAX_CATEGORIES = 10;

function quantileSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/** Fixes the bins of one feature on its training values (NaN = missing). */
export function fitBins(values: ArrayLike<number>, maxCategories = MAX_CATEGORIES): Bins {
  const present: number[] = [];
  const distinct = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    present.push(v);
    if (distinct.size <= maxCategories) distinct.add(v);
  }
  if (distinct.size <= maxCategories) {
    return { kind: 'categorical', values: [...distinct].sort((a, b) => a - b) };
  }
  const sorted = Float64Array.from(present).sort();
  const edges: number[] = [];
  for (let k = 1; k <= 9; k++) {
    const edge = quantileSorted(sorted, k / 10);
    if (edges.length === 0 || edge > (edges[edges.length - 1] as number)) edges.push(edge);
  }
  return { kind: 'numeric', edges };
}

/** Labels of the bins, in the order of binCounts (missing last; "unseen" before it if categorical). */
export function binLabels(bins: Bins, format: (v: number) => string = String): string[] {
  if (bins.kind === 'categorical') {
    return [...bins.values.map(format), 'unseen', 'missing'];
  }
  const labels: string[] = [];
  const { edges } = bins;
  for (let i = 0; i <= edges.length; i++) {
    if (i === 0) labels.push(`≤ ${format(edges[0] as number)}`);
    else if (i === edges.length) labels.push(`> ${format(edges[i - 1] as number)}`);
    else labels.push(`(${format(edges[i - 1] as number)}, ${format(edges[i] as number)}]`);
  }
  labels.push('missing');
  return labels;
}

/** Row counts per bin, in the order of binLabels (the last one counts the missing values). */
export function binCounts(bins: Bins, values: ArrayLike<number>): number[] {
  if (bins.kind === 'categorical') {
    const index = new Map(bins.values.map((v, i) => [v, i]));
    const counts = new Array<number>(bins.values.length + 2).fill(0);
    const unseen = bins.values.length;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      const at = Number.isNaN(v) ? unseen + 1 : (index.get(v) ?? unseen);
      counts[at] = (counts[at] as number) + 1;
    }
    return counts;
  }
  const { edges } = bins;
  const counts = new Array<number>(edges.length + 2).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let at: number;
    if (Number.isNaN(v)) at = edges.length + 1;
    else {
      // Binary search: the first edge ≥ v.
      let lo = 0;
      let hi = edges.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((edges[mid] as number) >= v) hi = mid;
        else lo = mid + 1;
      }
      at = lo;
    }
    counts[at] = (counts[at] as number) + 1;
  }
  return counts;
}
