import { availableParallelism } from 'node:os';

/**
 * Below this many training cells (rows × features) the automatic setting trains on one thread:
 * starting a worker (loading the engine's sources in it) and handing out tasks costs more than
 * the second core saves. Measured on 2 cores; see the engine's benchmark notes.
 */
export const AUTO_PARALLEL_MIN_CELLS = 2_000_000;

/**
 * Threads to train with, the calling thread included. `requested` > 0 is taken as given (at most
 * one thread per feature, since threads split the features); 0 means all available cores when
 * the data is big enough to pay for them, else 1.
 */
export function resolveThreadCount(
  requested: number,
  numRows: number,
  numFeatures: number,
): number {
  const wanted =
    requested > 0
      ? requested
      : numRows * numFeatures >= AUTO_PARALLEL_MIN_CELLS
        ? availableParallelism()
        : 1;
  return Math.max(1, Math.min(wanted, numFeatures));
}
