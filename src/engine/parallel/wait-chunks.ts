import { EngineError } from '../errors.ts';

/**
 * How long the calling thread waits for a claimed chunk without any progress before giving up:
 * a chunk takes milliseconds, so a minute without progress means a worker died mid-chunk (it
 * cannot report that itself), and waiting forever would hang the process.
 */
const STALL_MS = 60_000;

/**
 * Waits until `control[completedSlot]` counts `numChunks` finished chunks (the histogram and
 * prediction pools alike: only chunks a worker has claimed are still running).
 */
export function waitForChunks(control: Int32Array, completedSlot: number, numChunks: number): void {
  for (let done = Atomics.load(control, completedSlot); done < numChunks; ) {
    if (Atomics.wait(control, completedSlot, done, STALL_MS) === 'timed-out') {
      if (Atomics.load(control, completedSlot) === done) {
        throw new EngineError('WORKER_FAILED', { problem: 'stopped responding' });
      }
    }
    done = Atomics.load(control, completedSlot);
  }
}
