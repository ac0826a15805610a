/**
 * The shared-memory protocol between a predicting thread and its prediction workers, on the
 * pattern of the histogram workers' (protocol.ts): one Int32Array of control slots; for each
 * slab of rows the calling thread writes the task's fields, opens the claim word and notifies;
 * every thread (the caller included) then claims chunks of CHUNK_ROWS rows until none is left.
 * A worker that is asleep or still loading claims nothing, so the caller never waits for it,
 * only for chunks already claimed. Each row is scored by one thread, trees in order, so margins
 * are the same bit for bit whatever the thread count.
 */
import type { WalkLayout } from '../forest/compiled-forest.ts';
import { addRowRange, BLOCK_ROWS } from '../forest/predict-forest.ts';
import { chunkOfClaim } from './protocol.ts';

export const PredictSlot = {
  /** Task number, bumped by the caller to hand out a task; workers wait on it. */
  Seq: 0,
  /** 1 to walk the slab, 2 to exit. */
  Command: 1,
  /** Workers loaded and waiting for tasks. */
  Ready: 2,
  /** 1 when a chunk threw in a worker. */
  Failed: 3,
  /** Rows of the slab, and its layout (row r, feature f at r * RowStride + f * ColStride). */
  NumRows: 4,
  NumCols: 5,
  RowStride: 6,
  ColStride: 7,
  NumChunks: 8,
  /** The claim word (see protocol.ts's openClaim). */
  Claim: 9,
  /** Chunks finished in this task. */
  Completed: 10,
  /** Chunks run by worker threads since the pool started. */
  WorkerChunks: 11,
} as const;
export const PREDICT_CONTROL_SLOTS = 12;

export const PredictCommand = { Walk: 1, Exit: 2 } as const;

/** Rows per claimed chunk: two walk blocks, a few milliseconds of work for 100 trees. */
export const CHUNK_ROWS = 2 * BLOCK_ROWS;

/** The forest being scored (the walk layout lives in shared memory). */
export interface SharedForest {
  readonly numTrees: number;
  readonly walk: WalkLayout;
}

/** A message to the workers: the forest to score with, or new slab buffers. */
export type PredictMessage =
  | { readonly kind: 'forest'; readonly forest: SharedForest }
  | { readonly kind: 'slab'; readonly input: Float64Array; readonly out: Float64Array };

/** What one thread scores with: the current forest and slab, and its own block scratch. */
export interface PredictState {
  forest: SharedForest | null;
  /** The slab's feature values (shared) and its margins, pre-filled with the base score. */
  input: Float64Array;
  out: Float64Array;
  block: Float32Array;
}

/** Applies a message to a thread's state. */
export function applyMessage(state: PredictState, message: PredictMessage): void {
  if (message.kind === 'forest') state.forest = message.forest;
  else {
    state.input = message.input;
    state.out = message.out;
  }
}

/**
 * Claims and scores chunks of task `seq` until none is left. In a worker an error is recorded
 * in `Failed` for the caller to report; on the calling thread it propagates.
 */
export function runPredictChunks(
  seq: number,
  control: Int32Array,
  state: PredictState,
  inWorker: boolean,
): void {
  for (;;) {
    const word = Atomics.load(control, PredictSlot.Claim);
    const chunk = chunkOfClaim(word, seq);
    if (chunk < 0) return;
    const numChunks = control[PredictSlot.NumChunks] as number;
    if (chunk >= numChunks) return;
    if (Atomics.compareExchange(control, PredictSlot.Claim, word, word + 1) !== word) continue;
    try {
      const { forest, input, out } = state;
      if (forest === null) throw new Error('no forest announced');
      const numRows = control[PredictSlot.NumRows] as number;
      const numCols = control[PredictSlot.NumCols] as number;
      if (state.block.length < BLOCK_ROWS * numCols) {
        state.block = new Float32Array(BLOCK_ROWS * numCols);
      }
      const from = chunk * CHUNK_ROWS;
      const to = Math.min(numRows, from + CHUNK_ROWS);
      addRowRange(
        forest.walk,
        forest.numTrees,
        input,
        control[PredictSlot.RowStride] as number,
        control[PredictSlot.ColStride] as number,
        numCols,
        from,
        to,
        state.block,
        out,
        from,
      );
    } catch (error) {
      if (!inWorker) throw error;
      Atomics.store(control, PredictSlot.Failed, 1);
    }
    if (inWorker) Atomics.add(control, PredictSlot.WorkerChunks, 1);
    Atomics.add(control, PredictSlot.Completed, 1);
    Atomics.notify(control, PredictSlot.Completed);
  }
}
