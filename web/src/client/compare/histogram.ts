/**
 * A distribution's bars as shares, so groups of different sizes compare: each outcome's bars sum
 * to 1 over the clients of that outcome with a value (repaid bars show where repayers lie, defaulted
 * bars where defaulters lie). Clients without a known outcome (test split) are counted apart.
 */
import type { Distribution } from './compare-types.ts';

export interface HistogramBin {
  from: number;
  to: number;
  repaid: number;
  defaulted: number;
  unknown: number;
  /** Share of the group's repaid clients in this bin (0–1), and of its defaulted clients. */
  repaidShare: number;
  defaultedShare: number;
  /** Default rate among the known outcomes of this bin; null when the bin has none. */
  defaultRate: number | null;
}

export interface Histogram {
  bins: HistogramBin[];
  totals: { repaid: number; defaulted: number; unknown: number };
  /** Index of the bin holding the client's value (end bins take the values beyond); null if none. */
  clientBin: number | null;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function histogramOf(d: Distribution): Histogram {
  const totals = {
    repaid: sum(d.counts.repaid),
    defaulted: sum(d.counts.defaulted),
    unknown: sum(d.counts.unknown),
  };
  const bins = d.counts.repaid.map((repaid, i): HistogramBin => {
    const defaulted = d.counts.defaulted[i] ?? 0;
    const known = repaid + defaulted;
    return {
      from: d.edges[i] ?? Number.NaN,
      to: d.edges[i + 1] ?? Number.NaN,
      repaid,
      defaulted,
      unknown: d.counts.unknown[i] ?? 0,
      repaidShare: totals.repaid > 0 ? repaid / totals.repaid : 0,
      defaultedShare: totals.defaulted > 0 ? defaulted / totals.defaulted : 0,
      defaultRate: known > 0 ? defaulted / known : null,
    };
  });
  return { bins, totals, clientBin: binOf(d.edges, d.client?.value) };
}

/** The bin of a value on the shared edges, as the API counts it (end bins are open). */
export function binOf(edges: readonly number[], value: number | undefined): number | null {
  const count = edges.length - 1;
  if (value === undefined || Number.isNaN(value) || count < 1) return null;
  const lo = edges[0] as number;
  const width = ((edges[count] as number) - lo) / count;
  if (!(width > 0)) return 0;
  return Math.min(count - 1, Math.max(0, Math.floor((value - lo) / width)));
}
