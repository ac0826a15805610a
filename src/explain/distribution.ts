/**
 * A feature's distribution over a group of clients (all, the similar clients, or any set of ids):
 * a histogram on bins shared by every group (so groups compare bar by bar), split by outcome,
 * quantiles, and where the client stands. Works on the in-memory population.
 */
import { DataError } from '../data/errors.ts';
import type { Population } from './population.ts';

export interface Quantiles {
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

export interface Distribution {
  readonly feature: string;
  /** Clients in the group, and those among them without a value. */
  readonly size: number;
  readonly missing: number;
  /** The clients without a value by outcome (they sum to `missing`): the row totals' complement. */
  readonly missingBy: {
    readonly repaid: number;
    readonly defaulted: number;
    readonly unknown: number;
  };
  /** bins + 1 edges; values below the first or above the last edge count in the end bins. */
  readonly edges: readonly number[];
  readonly counts: {
    readonly repaid: readonly number[];
    readonly defaulted: readonly number[];
    /** Clients without a known outcome (test split). */
    readonly unknown: readonly number[];
  };
  /** Quantiles over the group's values, and over its repaid and defaulted clients (null if none). */
  readonly quantiles: {
    readonly all: Quantiles | null;
    readonly repaid: Quantiles | null;
    readonly defaulted: Quantiles | null;
  };
  /** The client's value and percentile (0–100) in the group; null when no client or no value. */
  readonly client: { readonly value: number; readonly percentile: number } | null;
}

export interface DistributionOptions {
  /** Population rows of the group (see rowsOfIds); all clients when absent. */
  readonly rows?: Int32Array;
  /** The client to place: by id in the population, or by a value (e.g. a what-if). */
  readonly clientId?: number;
  readonly clientValue?: number;
  /** Number of bins; default 30. */
  readonly bins?: number;
}

/** Quantile q (0–1) of sorted values, linear between order statistics (numpy's default). */
export function quantileOfSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

function quantilesOf(sorted: Float64Array): Quantiles | null {
  if (sorted.length === 0) return null;
  const q = (p: number) => quantileOfSorted(sorted, p);
  return { p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95) };
}

/** Share (0–100) of sorted values below v, ties counting half. */
export function percentileOf(sorted: Float64Array, v: number): number {
  if (sorted.length === 0) return Number.NaN;
  const firstAtLeast = (x: number, strict: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = sorted[mid] as number;
      if (strict ? s <= x : s < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const below = firstAtLeast(v, false);
  const ties = firstAtLeast(v, true) - below;
  return (100 * (below + ties / 2)) / sorted.length;
}

/** Population rows of the given ids; DataError naming the first unknown id. */
export function rowsOfIds(population: Population, ids: readonly number[]): Int32Array {
  return Int32Array.from(ids, (id) => {
    const row = population.rowOf(id);
    if (row === undefined) throw new DataError('UNKNOWN_CLIENT', { value: String(id) });
    return row;
  });
}

/** Per feature: rows with a value in increasing order of value, and the shared bin edges. */
interface FeatureOrder {
  readonly order: Int32Array;
  readonly edges: Float64Array;
}

const orderCache = new WeakMap<Population, Map<string, FeatureOrder>>();

/**
 * The feature's sorted order (computed once, so a group's values come out sorted by one linear
 * walk instead of a sort per call) and its edges, shared by every group: equal width between the
 * 1st and 99th percentile of all clients (the whole range when those meet), so outliers do not
 * squash the bars.
 */
function featureOrder(
  population: Population,
  feature: string,
  column: Float64Array,
  bins: number,
): FeatureOrder {
  let byFeature = orderCache.get(population);
  if (!byFeature) {
    byFeature = new Map();
    orderCache.set(population, byFeature);
  }
  const key = `${feature}\u0000${bins}`;
  const cached = byFeature.get(key);
  if (cached) return cached;
  const withValue: number[] = [];
  for (let r = 0; r < column.length; r++) if (!Number.isNaN(column[r] as number)) withValue.push(r);
  const order = Int32Array.from(withValue).sort(
    (a, b) => (column[a] as number) - (column[b] as number),
  );
  const values = Float64Array.from(order, (r) => column[r] as number);
  let lo = quantileOfSorted(values, 0.01);
  let hi = quantileOfSorted(values, 0.99);
  if (!(hi > lo)) {
    lo = values[0] ?? 0;
    hi = values[values.length - 1] ?? 1;
  }
  if (!(hi > lo)) hi = lo + 1;
  const edges = new Float64Array(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = lo + ((hi - lo) * b) / bins;
  const found = { order, edges };
  byFeature.set(key, found);
  return found;
}

/** The group's clients without a value, by outcome (a client listed twice counts twice). */
function missingByOutcome(
  population: Population,
  column: Float64Array,
  rows: Int32Array | undefined,
): Distribution['missingBy'] {
  let repaid = 0;
  let defaulted = 0;
  let unknown = 0;
  const count = (r: number) => {
    if (!Number.isNaN(column[r] as number)) return;
    if (population.isTrain[r] !== 1) unknown++;
    else if (population.target[r] === 1) defaulted++;
    else repaid++;
  };
  if (rows) for (const r of rows) count(r);
  else for (let r = 0; r < population.size; r++) count(r);
  return { repaid, defaulted, unknown };
}

export function distributionOf(
  population: Population,
  feature: string,
  options: DistributionOptions = {},
): Distribution {
  const column = population.columns.get(feature);
  if (!column) throw new DataError('UNKNOWN_FEATURE', { column: feature });
  const bins = options.bins ?? 30;
  if (!Number.isInteger(bins) || bins < 1 || bins > 500) {
    throw new DataError('BAD_OPTION', {
      name: 'bins',
      value: String(bins),
      expected: 'a whole number from 1 to 500',
    });
  }
  const { order, edges } = featureOrder(population, feature, column, bins);
  const lo = edges[0] as number;
  const width = ((edges[bins] as number) - lo) / bins;
  const repaid = new Array<number>(bins).fill(0);
  const defaulted = new Array<number>(bins).fill(0);
  const unknown = new Array<number>(bins).fill(0);
  const size = options.rows ? options.rows.length : population.size;
  // Membership of the group (a client listed twice counts twice).
  let member: Int32Array | null = null;
  if (options.rows) {
    member = new Int32Array(population.size);
    for (const r of options.rows) member[r] = (member[r] as number) + 1;
  }
  const all = new Float64Array(size);
  const good = new Float64Array(size);
  const bad = new Float64Array(size);
  let nAll = 0;
  let nGood = 0;
  let nBad = 0;
  // Walking the sorted order yields each subset already sorted.
  for (let i = 0; i < order.length; i++) {
    const r = order[i] as number;
    const times = member ? (member[r] as number) : 1;
    if (times === 0) continue;
    const v = column[r] as number;
    const b = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
    for (let t = 0; t < times; t++) {
      all[nAll++] = v;
      if (population.isTrain[r] !== 1) unknown[b] = (unknown[b] as number) + 1;
      else if (population.target[r] === 1) {
        defaulted[b] = (defaulted[b] as number) + 1;
        bad[nBad++] = v;
      } else {
        repaid[b] = (repaid[b] as number) + 1;
        good[nGood++] = v;
      }
    }
  }
  const sortedAll = all.subarray(0, nAll);
  const missingBy = missingByOutcome(population, column, options.rows);
  let clientValue = options.clientValue;
  if (clientValue === undefined && options.clientId !== undefined) {
    const row = population.rowOf(options.clientId);
    if (row === undefined) {
      throw new DataError('UNKNOWN_CLIENT', { value: String(options.clientId) });
    }
    clientValue = column[row] as number;
  }
  const client =
    clientValue === undefined || Number.isNaN(clientValue)
      ? null
      : { value: clientValue, percentile: percentileOf(sortedAll, clientValue) };
  return {
    feature,
    size,
    missing: size - nAll,
    missingBy,
    edges: Array.from(edges),
    counts: { repaid, defaulted, unknown },
    quantiles: {
      all: quantilesOf(sortedAll),
      repaid: quantilesOf(good.subarray(0, nGood)),
      defaulted: quantilesOf(bad.subarray(0, nBad)),
    },
    client,
  };
}
