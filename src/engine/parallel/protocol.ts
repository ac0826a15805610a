/**
 * The shared-memory protocol between the training thread and its histogram workers: one small
 * Int32Array of control slots shared by all threads. For each node the main thread writes the
 * task's fields, resets the chunk counter, bumps `Seq` and notifies; then every thread (the main
 * one included) claims chunks of 4 features with a compare-and-swap until none is left. The claim
 * word carries the task's epoch, so a worker that wakes late finds nothing to claim and the main
 * thread never waits for a sleeping worker, only for chunks already claimed. Atomics loads and
 * stores order the plain reads and writes of the shared buffers around them.
 */

import {
  accumulateHistogram,
  type HistogramSource,
  subtractHistogram,
} from '../histogram/histogram.ts';
import { BEST_SLOTS, type NodeStats, type SplitParams, scanSplits } from '../split/find-split.ts';
import type { KernelShare } from '../wasm/histogram-kernel.ts';

export const Slot = {
  /** Task number, bumped by the main thread to hand out a task; workers wait on it. */
  Seq: 0,
  Command: 1,
  /** Number of workers that have loaded and wait for tasks. */
  Ready: 2,
  /** 1 when a chunk threw in a worker. */
  Failed: 3,
  Start: 4,
  End: 5,
  Histogram: 6,
  /** Histogram to subtract the built one from in place, or −1. */
  Parent: 7,
  NumFeatures: 8,
  NumChunks: 9,
  /** epoch << CHUNK_BITS | next chunk to claim. */
  Claim: 10,
  /** Chunks finished in this task. */
  Completed: 11,
  /** Chunks run by worker threads since the pool started. */
  WorkerChunks: 12,
} as const;
export const CONTROL_SLOTS = 13;

export const Command = { Build: 1, FindSplit: 2, Exit: 3 } as const;

/** Slots of `numbers` (a FindSplit task's node): gradient, hessian and row sums, weight bounds. */
export const NodeNumber = { Grad: 0, Hess: 1, Count: 2, Lower: 3, Upper: 4 } as const;

/** Features per chunk: the histogram loop's unrolling. */
export const CHUNK_FEATURES = 4;
const CHUNK_BITS = 16;
/** Largest number of chunks a task may have (larger feature sets use larger chunks). */
export const MAX_CHUNKS = (1 << CHUNK_BITS) - 1;
const EPOCH_MASK = (1 << 14) - 1;

/**
 * The claim word between tasks: its epoch bits match no task, so a worker still looping after
 * the last chunk of a task can never claim a chunk of a half-written next task.
 */
export const CLOSED_CLAIM = -1;

/** The chunk a claim word offers in task `seq`, or −1 when the word belongs to no such task. */
export function chunkOfClaim(word: number, seq: number): number {
  return word >>> CHUNK_BITS === (seq & EPOCH_MASK) ? word & MAX_CHUNKS : -1;
}

/** The claim word that opens task `seq` (chunk 0). */
export function openClaim(seq: number): number {
  return (seq & EPOCH_MASK) << CHUNK_BITS;
}

/** What a worker receives at start (typed arrays over SharedArrayBuffers are shared, not copied). */
export interface WorkerInit {
  readonly source: HistogramSource;
  readonly rows: Int32Array;
  readonly gradPairs: Float64Array;
  readonly features: Int32Array;
  readonly control: Int32Array;
  /** The node of a FindSplit task (see NodeNumber). */
  readonly numbers: Float64Array;
  /** One best-candidate record per chunk of a FindSplit task (BEST_SLOTS numbers each). */
  readonly records: Float64Array;
  readonly monotone: Int8Array;
  readonly splitParams: SplitParams;
  /** What a worker builds its own histogram kernel from, when training uses one. */
  readonly wasm: KernelShare | null;
  /** This thread's index among the training's threads (0: the caller). */
  readonly kernelThread: number;
}

/** A histogram buffer announced to the workers; ids index their list of buffers. */
export interface HistogramMessage {
  readonly id: number;
  readonly hist: Float64Array;
}

/**
 * Claims and runs chunks of task `seq` until none is left (or the task is over). A Build chunk
 * fills its features' bins of the histogram and, with a parent, subtracts them from the parent's;
 * a FindSplit chunk writes the best split among its features into its record.
 * In a worker, an error is recorded in `Failed` for the main thread to report; on the main
 * thread it propagates.
 */
export function runChunks(
  seq: number,
  init: WorkerInit,
  histogramOf: (id: number) => Float64Array,
  inWorker: boolean,
): void {
  const { control, source, features, rows, gradPairs, numbers } = init;
  const epoch = seq & EPOCH_MASK;
  let node: NodeStats | null = null;
  for (;;) {
    const word = Atomics.load(control, Slot.Claim);
    if (word >>> CHUNK_BITS !== epoch) return;
    const chunk = word & MAX_CHUNKS;
    const numChunks = control[Slot.NumChunks] as number;
    if (chunk >= numChunks) return;
    if (Atomics.compareExchange(control, Slot.Claim, word, word + 1) !== word) continue;
    // The claimed chunk keeps the task's fields stable until it is counted as completed.
    try {
      const numFeatures = control[Slot.NumFeatures] as number;
      const size = Math.ceil(numFeatures / numChunks / CHUNK_FEATURES) * CHUNK_FEATURES;
      const kFrom = Math.min(numFeatures, chunk * size);
      const kTo = Math.min(numFeatures, kFrom + size);
      const hist = histogramOf(control[Slot.Histogram] as number);
      if (control[Slot.Command] === Command.FindSplit) {
        node ??= {
          grad: numbers[NodeNumber.Grad] as number,
          hess: numbers[NodeNumber.Hess] as number,
          count: numbers[NodeNumber.Count] as number,
        };
        const lower = numbers[NodeNumber.Lower] as number;
        const upper = numbers[NodeNumber.Upper] as number;
        const { binOffsets } = source;
        const { monotone, splitParams, records } = init;
        const at = chunk * BEST_SLOTS;
        scanSplits(
          binOffsets,
          hist,
          features,
          kFrom,
          kTo,
          node,
          lower,
          upper,
          monotone,
          splitParams,
          records,
          at,
          source.kernel ?? null,
        );
      } else {
        const start = control[Slot.Start] as number;
        const end = control[Slot.End] as number;
        accumulateHistogram(source, features, kFrom, kTo, rows, start, end, gradPairs, hist);
        const parentId = control[Slot.Parent] as number;
        if (parentId >= 0) {
          const parent = histogramOf(parentId);
          subtractHistogram(source, features, parent, hist, parent, kFrom, kTo);
        }
      }
    } catch (error) {
      if (!inWorker) throw error;
      Atomics.store(control, Slot.Failed, 1);
    }
    if (inWorker) Atomics.add(control, Slot.WorkerChunks, 1);
    Atomics.add(control, Slot.Completed, 1);
    Atomics.notify(control, Slot.Completed);
  }
}

export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * length));
}

export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * length));
}
