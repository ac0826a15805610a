/**
 * Stability of one variable between the development population and a window: bins fixed on the
 * development values (./bins.ts), the PSI over them with its traffic light (./psi.ts), the missing
 * rates on both sides, and the share of window values in no development bin ("unseen" values of a
 * categorical feature).
 */
import { type Bins, binCounts, binLabels, fitBins } from './bins.ts';
import { psi, type TrafficLight, trafficLight } from './psi.ts';

export interface VariableStability {
  readonly name: string;
  readonly psi: number;
  readonly status: TrafficLight;
  readonly bins: {
    readonly labels: string[];
    readonly reference: number[];
    readonly window: number[];
  };
  readonly missingReference: number;
  readonly missingWindow: number;
  /** Share of the window's rows in the "unseen" bin (categorical variables; 0 otherwise). */
  readonly unseenWindow: number;
}

/** A short number for bin labels. */
export function shortNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 1 ? v.toFixed(2) : v.toPrecision(3);
}

/** The stability of one variable, bins fitted on `reference` (or given). NaN = missing. */
export function variableStability(
  name: string,
  reference: ArrayLike<number>,
  window: ArrayLike<number>,
  bins: Bins = fitBins(reference),
): VariableStability {
  const ref = binCounts(bins, reference);
  const win = binCounts(bins, window);
  const value = psi(ref, win);
  const last = ref.length - 1;
  const rate = (counts: number[], at: number) => {
    const total = counts.reduce((s, c) => s + c, 0);
    return total > 0 ? (counts[at] as number) / total : 0;
  };
  return {
    name,
    psi: value,
    status: trafficLight(value),
    bins: { labels: binLabels(bins, shortNumber), reference: ref, window: win },
    missingReference: rate(ref, last),
    missingWindow: rate(win, last),
    unseenWindow: bins.kind === 'categorical' ? rate(win, last - 1) : 0,
  };
}
