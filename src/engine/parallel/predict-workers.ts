/**
 * Batch prediction on several threads over shared memory. A matrix already in shared memory
 * (sharedDenseMatrix) is read in place; any other goes through a shared slab (copied from the
 * caller's matrix a slab at a time, so memory stays bounded). The calling thread and its
 * workers claim chunks of rows (see predict-protocol.ts). The pool is started
 * on first use and kept for later batches (its workers never keep the process alive); workers
 * still loading claim no work, so the first batch simply runs mostly on the calling thread.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { EngineError } from '../errors.ts';
import type { CompiledForest } from '../forest/compiled-forest.ts';
import type { DenseMatrix } from '../matrix.ts';
import { isSharedMatrix, strides } from '../matrix.ts';
import {
  applyMessage,
  CHUNK_ROWS,
  PREDICT_CONTROL_SLOTS,
  PredictCommand,
  type PredictMessage,
  PredictSlot,
  type PredictState,
  runPredictChunks,
} from './predict-protocol.ts';
import { CLOSED_CLAIM, openClaim } from './protocol.ts';
import { waitForChunks } from './wait-chunks.ts';
import { bootstrapCode, workerEntry } from './worker-bootstrap.ts';

/**
 * Below this much work (rows × trees) the automatic setting predicts on the calling thread:
 * handing out a task costs tens of microseconds, and a small batch is over before a worker wakes.
 */
export const AUTO_PREDICT_MIN_WORK = 1_000_000;

/** Tuning knobs, changed only by tests and benchmarks. */
export const predictTuning = {
  /** Feature values per slab (8 bytes each): bounds the shared copy of the caller's rows. */
  slabCells: 1 << 20,
  /** Block until every worker has loaded when the pool starts. */
  waitForWorkers: false,
  /** The calling thread scores chunks too (tests turn it off to make the workers do it all). */
  callerScores: true,
};

/**
 * Threads to predict with, the calling thread included: `requested` > 0 as given (at most one
 * per chunk of rows), 0 for all cores when the batch is big enough to pay for them, else 1.
 */
export function resolvePredictThreads(
  requested: number,
  numRows: number,
  numTrees: number,
): number {
  const chunks = Math.ceil(numRows / CHUNK_ROWS);
  const wanted =
    requested > 0
      ? requested
      : numRows * numTrees >= AUTO_PREDICT_MIN_WORK
        ? availableParallelism()
        : 1;
  return Math.max(1, Math.min(wanted, chunks));
}

interface WorkerHandle {
  readonly worker: Worker;
  readonly port: MessagePort;
}

let liveWorkers = 0;

/** Prediction worker threads started and not yet exited (for tests). */
export function livePredictWorkers(): number {
  return liveWorkers;
}

/** A pool of `extraThreads` prediction workers scoring with the calling thread. */
export class PredictWorkers {
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * PREDICT_CONTROL_SLOTS));
  private readonly handles: WorkerHandle[] = [];
  private readonly state: PredictState = {
    forest: null,
    input: new Float64Array(0),
    out: new Float64Array(0),
    block: new Float32Array(0),
  };
  /** The shared slab the caller copies rows into, and the shared margins. */
  private readonly slab: {
    input: Float64Array<ArrayBufferLike>;
    out: Float64Array<ArrayBufferLike>;
  } = {
    input: new Float64Array(0),
    out: new Float64Array(0),
  };
  private announced: CompiledForest | null = null;
  /** Tasks handed out so far (for tests: one per slab, or one per in-place batch). */
  tasks = 0;
  /** Closed pools are replaced by `predictPool`. */
  closed = false;

  constructor(readonly extraThreads: number) {
    this.control[PredictSlot.Claim] = CLOSED_CLAIM;
    const entry = workerEntry('predict-worker');
    for (let i = 0; i < extraThreads; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(bootstrapCode(entry), {
        eval: true,
        workerData: { control: this.control, port: port2 },
        transferList: [port2],
      });
      liveWorkers++;
      // A worker that fails to load never claims work; prediction goes on without it.
      worker.on('error', () => {});
      worker.on('exit', () => {
        liveWorkers--;
      });
      worker.unref();
      port1.unref();
      this.handles.push({ worker, port: port1 });
    }
    if (predictTuning.waitForWorkers) {
      const { control } = this;
      for (let ready = 0; ready < extraThreads; ready = Atomics.load(control, PredictSlot.Ready)) {
        if (Atomics.wait(control, PredictSlot.Ready, ready, 60_000) === 'timed-out') break;
      }
    }
  }

  /** Chunks scored by worker threads so far (for tests and benchmarks). */
  workerChunks(): number {
    return Atomics.load(this.control, PredictSlot.WorkerChunks);
  }

  /** Raw margins of every row of `matrix` (width already checked). */
  margins(forest: CompiledForest, matrix: DenseMatrix): Float64Array {
    if (this.closed) throw new Error('prediction pool closed');
    const { numRows } = matrix;
    if (numRows === 0) return new Float64Array(0);
    if (this.announced !== forest) {
      this.post({ kind: 'forest', forest: { numTrees: forest.numTrees, walk: forest.walk } });
      this.announced = forest;
    }
    return isSharedMatrix(matrix)
      ? this.inPlaceMargins(forest, matrix)
      : this.slabMargins(forest, matrix);
  }

  /**
   * A matrix already in shared memory: the threads read it where it is, all rows in one task
   * (no copy, one hand-out and one wait per batch). The workers keep a reference to it until
   * the next batch replaces it.
   */
  private inPlaceMargins(forest: CompiledForest, matrix: DenseMatrix): Float64Array {
    const { numRows, numCols, values } = matrix;
    const { rowStride, colStride } = strides(matrix);
    const out = this.outOfAtLeast(numRows);
    this.post({ kind: 'slab', input: values, out });
    out.fill(forest.baseScore, 0, numRows);
    this.setTask(numRows, numCols, rowStride, colStride);
    this.runTask(Math.ceil(numRows / CHUNK_ROWS));
    return out.slice(0, numRows);
  }

  /** Any other matrix goes through the shared slab, a slab of rows at a time. */
  private slabMargins(forest: CompiledForest, matrix: DenseMatrix): Float64Array {
    const { numRows, numCols, values } = matrix;
    const { rowStride, colStride } = strides(matrix);
    const result = new Float64Array(numRows);
    // Whole chunks per slab, at least one.
    const slabRows = Math.min(
      numRows,
      Math.max(CHUNK_ROWS, Math.floor(predictTuning.slabCells / numCols / CHUNK_ROWS) * CHUNK_ROWS),
    );
    this.ensureSlab(slabRows, numCols);
    const { input, out } = this.state;
    for (let from = 0; from < numRows; from += slabRows) {
      const count = Math.min(slabRows, numRows - from);
      // The slab keeps the caller's layout: row-major rows are one copy, columns one copy each.
      if (rowStride === 1) {
        for (let c = 0; c < numCols; c++) {
          const src = c * colStride + from;
          input.set(values.subarray(src, src + count), c * count);
        }
      } else {
        input.set(values.subarray(from * rowStride, (from + count) * rowStride));
      }
      out.fill(forest.baseScore, 0, count);
      if (rowStride === 1) this.setTask(count, numCols, 1, count);
      else this.setTask(count, numCols, numCols, 1);
      this.runTask(Math.ceil(count / CHUNK_ROWS));
      result.set(out.subarray(0, count), from);
    }
    return result;
  }

  /** Writes the next task's shape (row r, feature f at r * rowStride + f * colStride). */
  private setTask(numRows: number, numCols: number, rowStride: number, colStride: number): void {
    const { control } = this;
    control[PredictSlot.NumRows] = numRows;
    control[PredictSlot.NumCols] = numCols;
    control[PredictSlot.RowStride] = rowStride;
    control[PredictSlot.ColStride] = colStride;
  }

  /** Ends every worker (idempotent). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const { control } = this;
    Atomics.store(control, PredictSlot.Command, PredictCommand.Exit);
    Atomics.add(control, PredictSlot.Seq, 1);
    Atomics.notify(control, PredictSlot.Seq);
    for (const { worker, port } of this.handles) {
      port.close();
      worker.terminate().catch(() => {});
    }
  }

  /** Makes the slab (input and margins) the threads' buffers, large enough for a slab. */
  private ensureSlab(rows: number, cols: number): void {
    const { slab } = this;
    if (slab.input.length < rows * cols) {
      slab.input = new Float64Array(new SharedArrayBuffer(8 * rows * cols));
    }
    slab.out = this.outOfAtLeast(rows);
    // After an in-place batch the threads still point at the caller's matrix.
    if (this.state.input !== slab.input || this.state.out !== slab.out) {
      this.post({ kind: 'slab', input: slab.input, out: slab.out });
    }
  }

  /** Shared margins for at least `rows` rows (kept and grown as batches need). */
  private outOfAtLeast(rows: number): Float64Array {
    const { slab } = this;
    if (slab.out.length < rows) slab.out = new Float64Array(new SharedArrayBuffer(8 * rows));
    return slab.out;
  }

  /** Announces a message to the workers (read at their next wake-up) and applies it here. */
  private post(message: PredictMessage): void {
    for (const handle of this.handles) handle.port.postMessage(message);
    applyMessage(this.state, message);
  }

  /** Hands out the slab task whose fields are written, scores chunks here too, waits. */
  private runTask(numChunks: number): void {
    const { control } = this;
    this.tasks++;
    control[PredictSlot.Command] = PredictCommand.Walk;
    control[PredictSlot.NumChunks] = numChunks;
    Atomics.store(control, PredictSlot.Completed, 0);
    const seq = Atomics.load(control, PredictSlot.Seq) + 1;
    Atomics.store(control, PredictSlot.Claim, openClaim(seq));
    Atomics.store(control, PredictSlot.Seq, seq);
    Atomics.notify(control, PredictSlot.Seq);
    try {
      if (predictTuning.callerScores) runPredictChunks(seq, control, this.state, false);
    } catch (error) {
      // Workers may still hold chunks of this task; a new task could count them as its own.
      this.close();
      throw error;
    }
    waitForChunks(control, PredictSlot.Completed, numChunks);
    Atomics.store(control, PredictSlot.Claim, CLOSED_CLAIM);
    if (Atomics.load(control, PredictSlot.Failed) !== 0) {
      Atomics.store(control, PredictSlot.Failed, 0);
      throw new EngineError('WORKER_FAILED', { problem: 'failed' });
    }
  }
}

let pool: PredictWorkers | null = null;

/** The process's prediction pool with `extraThreads` workers (replacing one of another size). */
export function predictPool(extraThreads: number): PredictWorkers {
  if (pool === null || pool.closed || pool.extraThreads !== extraThreads) {
    pool?.close();
    pool = new PredictWorkers(extraThreads);
  }
  return pool;
}

/** Ends the process's prediction pool, if any (tests; the workers never hold the process). */
export function closePredictPool(): void {
  pool?.close();
  pool = null;
}
