/**
 * A distribution's bars as shares, so groups of different sizes compare: each outcome's bars sum
 * to 1 over the clients of that outcome with a value (repaid bars show where repayers lie, defaulted
 * bars where defaulters lie). Clients without a known outcome (test split) are counted apart. An
 * outcome the API withholds (a customer's answer, too few clients) has no counts and no bars.
 */
import type { FeatureDistribution } from '../../api/types.ts';

export interface HistogramBin {
  from: number;
  to: number;
  /** Clients of each outcome in this bin; null when the API withholds the outcome. */
  repaid: number | null;
  defaulted: number | null;
  unknown: number | null;
  /** Share of the group's repaid clients in this bin (0–1), and of its defaulted clients. */
  repaidShare: number;
  defaultedShare: number;
  /** Default rate among the known outcomes of this bin; null when the bin has none or one is withheld. */
  defaultRate: number | null;
}

export interface Histogram {
  bins: HistogramBin[];
  totals: { repaid: number | null; defaulted: number | null; unknown: number | null };
  /** Index of the bin holding the client's value (end bins take the values beyond); null if none. */
  clientBin: number | null;
}

const sum = (values: readonly number[] | null) =>
  values === null ? null : values.reduce((a, b) => a + b, 0);
const share = (count: number | null, total: number | null) =>
  count !== null && total !== null && total > 0 ? count / total : 0;

export function histogramOf(d: FeatureDistribution): Histogram {
  const { counts } = d;
  const totals = {
    repaid: sum(counts.repaid),
    defaulted: sum(counts.defaulted),
    unknown: sum(counts.unknown),
  };
  const bins = d.edges.slice(1).map((to, i): HistogramBin => {
    const repaid = counts.repaid === null ? null : (counts.repaid[i] ?? 0);
    const defaulted = counts.defaulted === null ? null : (counts.defaulted[i] ?? 0);
    const known = repaid !== null && defaulted !== null ? repaid + defaulted : 0;
    return {
      from: d.edges[i] ?? Number.NaN,
      to,
      repaid,
      defaulted,
      unknown: counts.unknown === null ? null : (counts.unknown[i] ?? 0),
      repaidShare: share(repaid, totals.repaid),
      defaultedShare: share(defaulted, totals.defaulted),
      defaultRate: known > 0 && defaulted !== null ? defaulted / known : null,
    };
  });
  return { bins, totals, clientBin: binOf(d.edges, d.client?.value) };
}

/**
 * The bin of a value, as the API counts it (end bins are open): on the shared edges, or on a
 * customer's answer whose bins were merged (wider bins, so the edges are not evenly spaced).
 */
export function binOf(edges: readonly number[], value: number | undefined): number | null {
  const count = edges.length - 1;
  if (value === undefined || Number.isNaN(value) || count < 1) return null;
  let bin = 0;
  while (bin < count - 1 && value >= (edges[bin + 1] as number)) bin++;
  return bin;
}
