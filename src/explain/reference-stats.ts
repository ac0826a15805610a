/**
 * Population references that reasons cite: per feature, the median among train clients who
 * repaid and among all clients, and the mean (for flags: the share of clients with the flag).
 * Computed once over the in-memory population.
 */
import type { Db } from '../data/db.ts';
import { loadPopulation, type Population } from './population.ts';

export interface ReferenceStat {
  /** Median over train clients who repaid (NaN when none has a value). */
  readonly medianRepaid: number;
  readonly medianAll: number;
  /** Mean over train clients who repaid: for a 0/1 flag, the share holding it. */
  readonly meanRepaid: number;
  readonly meanAll: number;
  /** Clients with a value, among those who repaid and among all. */
  readonly countRepaid: number;
  readonly countAll: number;
}

/** Median of the first `n` values of `buffer` (sorted in place); NaN when n = 0. */
function medianInPlace(buffer: Float64Array, n: number): number {
  if (n === 0) return Number.NaN;
  const sorted = buffer.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Reference statistics of every feature of the population. */
export function referenceStatsOf(population: Population): Map<string, ReferenceStat> {
  const repaid = new Float64Array(population.size);
  const all = new Float64Array(population.size);
  const stats = new Map<string, ReferenceStat>();
  for (const [name, column] of population.columns) {
    let nRepaid = 0;
    let nAll = 0;
    let sumRepaid = 0;
    let sumAll = 0;
    for (let r = 0; r < population.size; r++) {
      const v = column[r] as number;
      if (Number.isNaN(v)) continue;
      all[nAll++] = v;
      sumAll += v;
      if (population.isTrain[r] === 1 && population.target[r] === 0) {
        repaid[nRepaid++] = v;
        sumRepaid += v;
      }
    }
    stats.set(name, {
      meanRepaid: nRepaid > 0 ? sumRepaid / nRepaid : Number.NaN,
      meanAll: nAll > 0 ? sumAll / nAll : Number.NaN,
      medianRepaid: medianInPlace(repaid, nRepaid),
      medianAll: medianInPlace(all, nAll),
      countRepaid: nRepaid,
      countAll: nAll,
    });
  }
  return stats;
}

/** referenceStatsOf over the database's feature table (loaded for the purpose). */
export async function referenceStats(db: Db): Promise<Map<string, ReferenceStat>> {
  return referenceStatsOf(await loadPopulation(db));
}
