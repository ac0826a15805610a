/**
 * Disclosure control: what a person outside the staff (a customer) may see of a group of other
 * clients. They see fixed groups only (the caller cannot choose who is in them, which is what
 * closes differencing: no two groups they can ask for differ by one chosen person); this module
 * makes each answer about such a group coarse, so that no figure shown rests on fewer than
 * MIN_CELL clients.
 *
 * The table of a distribution is outcome (repaid, defaulted, unknown) × place (a bin, or "no
 * value"). A row's total (how many of the group repaid) is a group statistic, and can be read off
 * any feature without missing values, so every cell of the table, the "no value" one included,
 * must be 0 or at least MIN_CELL:
 * - bins: adjacent bins are merged until every cell of every row shown is 0 or ≥ MIN_CELL
 *   (merged, never dropped: the edges kept are a subset of the shared ones);
 * - rows: an outcome with 1 to MIN_CELL − 1 clients with a value (nothing to merge with), or with
 *   1 to MIN_CELL − 1 clients without one (the "no value" cell has no neighbour), is suppressed:
 *   its counts and quantiles are withheld (null, "fewer than MIN_CELL");
 * - `missing` is withheld when a row is suppressed (with the row totals it would give the
 *   suppressed cell back);
 * - a quantile is given only with at least MIN_CELL values at or below it and at or above it (the
 *   5th percentile of 16 values is the smallest but one of them);
 * - the client's percentile is rounded to a whole number (its exact fraction would give the
 *   number of values, hence `missing`).
 * Staff answers stay exact (src/api decides who gets which).
 */
import type { Distribution, Quantiles } from './distribution.ts';
import type { FeatureComparison } from './group-comparison.ts';

/** The fewest clients a figure shown to a customer may rest on. */
export const MIN_CELL = 10;

export const OUTCOMES = ['repaid', 'defaulted', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Quantiles with those resting on fewer than MIN_CELL values withheld (null). */
export type CoarseQuantiles = { readonly [K in keyof Quantiles]: number | null };

export interface CoarseDistribution {
  readonly feature: string;
  readonly size: number;
  /** Null when withheld (a row is suppressed). */
  readonly missing: number | null;
  /** A subset of the shared edges: first and last kept, inner ones dropped where bins merged. */
  readonly edges: readonly number[];
  /** Per outcome, one count per (merged) bin, each 0 or ≥ MIN_CELL; null: suppressed row. */
  readonly counts: { readonly [O in Outcome]: readonly number[] | null };
  readonly quantiles: {
    readonly all: CoarseQuantiles | null;
    readonly repaid: CoarseQuantiles | null;
    readonly defaulted: CoarseQuantiles | null;
  };
  /** The client's own value, and their percentile rounded to a whole number. */
  readonly client: { readonly value: number; readonly percentile: number | null } | null;
  /** The cell threshold applied, whether bins were merged, and the rows suppressed. */
  readonly disclosure: {
    readonly minCell: number;
    readonly merged: boolean;
    readonly suppressed: readonly Outcome[];
  };
}

/** 0 or at least MIN_CELL: a cell that may be shown. */
function showable(count: number, minCell: number): boolean {
  return count === 0 || count >= minCell;
}

/**
 * Whether the quantile q (0–1) of n sorted values, linear between order statistics (numpy's
 * default, as quantileOfSorted), has at least minCell values at or below and at or above it.
 */
export function quantileShown(n: number, q: number, minCell = MIN_CELL): boolean {
  if (n <= 0) return false;
  const at = q * (n - 1);
  return Math.floor(at) + 1 >= minCell && n - Math.ceil(at) >= minCell;
}

function coarseQuantiles(q: Quantiles | null, n: number, minCell: number): CoarseQuantiles | null {
  if (!q) return null;
  const pick = (v: number, p: number) => (quantileShown(n, p, minCell) ? v : null);
  return {
    p5: pick(q.p5, 0.05),
    p25: pick(q.p25, 0.25),
    p50: pick(q.p50, 0.5),
    p75: pick(q.p75, 0.75),
    p95: pick(q.p95, 0.95),
  };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The runs of adjacent bins [start, end) such that every row's sum over a run is 0 or ≥ minCell:
 * greedy from the left, a non-conforming tail folded into the runs before it. Every row's total
 * must itself be 0 or ≥ minCell (a suppressed row is left out), so the whole range conforms.
 */
export function mergeRuns(
  rows: readonly (readonly number[])[],
  bins: number,
  minCell = MIN_CELL,
): [number, number][] {
  const runs: [number, number][] = [];
  const conforms = (start: number, end: number) =>
    rows.every((row) => showable(sum(row.slice(start, end)), minCell));
  let start = 0;
  for (let b = 0; b < bins; b++) {
    if (conforms(start, b + 1)) {
      runs.push([start, b + 1]);
      start = b + 1;
    }
  }
  if (start < bins) {
    let from = start;
    while (runs.length > 0 && !conforms(from, bins)) from = (runs.pop() as [number, number])[0];
    runs.push([from, bins]);
  }
  return runs;
}

/** A distribution as a customer may see it (see the module comment). */
export function coarsenDistribution(d: Distribution, minCell = MIN_CELL): CoarseDistribution {
  const bins = d.counts.repaid.length;
  const suppressed = OUTCOMES.filter((o) => {
    const withValue = sum(d.counts[o]);
    return !showable(withValue, minCell) || !showable(d.missingBy[o], minCell);
  });
  const shown = OUTCOMES.filter((o) => !suppressed.includes(o));
  const runs = mergeRuns(
    shown.map((o) => d.counts[o]),
    bins,
    minCell,
  );
  const merge = (row: readonly number[]) => runs.map(([s, e]) => sum(row.slice(s, e)));
  const counts = Object.fromEntries(
    OUTCOMES.map((o) => [o, suppressed.includes(o) ? null : merge(d.counts[o])]),
  ) as CoarseDistribution['counts'];
  const n = (o: Outcome) => sum(d.counts[o]);
  const rowQuantiles = (o: 'repaid' | 'defaulted') =>
    suppressed.includes(o) ? null : coarseQuantiles(d.quantiles[o], n(o), minCell);
  const percentile = d.client?.percentile;
  return {
    feature: d.feature,
    size: d.size,
    missing: suppressed.length > 0 ? null : d.missing,
    edges: [...runs.map(([s]) => d.edges[s] as number), d.edges[bins] as number],
    counts,
    quantiles: {
      all: coarseQuantiles(d.quantiles.all, d.size - d.missing, minCell),
      repaid: rowQuantiles('repaid'),
      defaulted: rowQuantiles('defaulted'),
    },
    client: d.client && {
      value: d.client.value,
      percentile:
        percentile === undefined || Number.isNaN(percentile) ? null : Math.round(percentile),
    },
    disclosure: { minCell, merged: runs.length < bins, suppressed },
  };
}

/** The client beside a group, as a customer may see it: figures on fewer than minCell withheld. */
export interface CoarseComparison {
  readonly feature: string;
  readonly client: number;
  /** Null when fewer than minCell members have a value. */
  readonly groupMean: number | null;
  /** Null unless minCell values lie at or below and at or above it. */
  readonly groupMedian: number | null;
  /** Always null: with the outcome totals it would give the "no value" cell (see above). */
  readonly groupCount: null;
}

export function coarsenComparison(c: FeatureComparison, minCell = MIN_CELL): CoarseComparison {
  return {
    feature: c.feature,
    client: c.client,
    groupMean: c.groupCount >= minCell ? c.groupMean : null,
    groupMedian: quantileShown(c.groupCount, 0.5, minCell) ? c.groupMedian : null,
    groupCount: null,
  };
}
