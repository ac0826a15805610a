/**
 * The client against a group (typically the similar clients), feature by feature: the client's
 * value beside the group's mean and median, for the "compared with" table.
 */
import { DataError } from '../data/errors.ts';
import type { Population } from './population.ts';

export interface FeatureComparison {
  readonly feature: string;
  /** NaN when the client has no value. */
  readonly client: number;
  /** Over the group members with a value; NaN when none has one. */
  readonly groupMean: number;
  readonly groupMedian: number;
  readonly groupCount: number;
}

export function compareWithGroup(
  population: Population,
  clientId: number,
  rows: Int32Array,
  features: readonly string[],
  /** The client's values when they are not in the population (a new applicant). */
  clientValue?: (feature: string) => number,
): FeatureComparison[] {
  const row = population.rowOf(clientId);
  if (row === undefined && !clientValue) {
    throw new DataError('UNKNOWN_CLIENT', { value: String(clientId) });
  }
  const buffer = new Float64Array(rows.length);
  return features.map((feature) => {
    const column = population.columns.get(feature);
    if (!column) throw new DataError('UNKNOWN_FEATURE', { column: feature });
    let n = 0;
    let sum = 0;
    for (const r of rows) {
      const v = column[r] as number;
      if (Number.isNaN(v)) continue;
      buffer[n++] = v;
      sum += v;
    }
    const sorted = buffer.subarray(0, n).sort();
    const mid = n >> 1;
    const median =
      n === 0
        ? Number.NaN
        : n % 2
          ? (sorted[mid] as number)
          : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    return {
      feature,
      client: clientValue ? clientValue(feature) : (column[row as number] as number),
      groupMean: n > 0 ? sum / n : Number.NaN,
      groupMedian: median,
      groupCount: n,
    };
  });
}
