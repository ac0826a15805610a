/**
 * Histogram building on several threads over shared memory. The calling thread and its workers
 * share out a node's features in chunks (see protocol.ts); each feature's bins are summed by one
 * thread in row order, exactly as on one thread, so trees are identical whatever the thread count.
 */
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { BinnedMatrix } from '../binning/bin-matrix.ts';
import { EngineError } from '../errors.ts';
import { accumulateHistogram, subtractHistogram } from '../histogram/histogram.ts';
import {
  BEST_SLOTS,
  bestRecord,
  findBestSplit,
  type NodeStats,
  type SplitInfo,
  type SplitParams,
  splitOfRecord,
} from '../split/find-split.ts';
import type { KernelShare, TrainingKernel } from '../wasm/histogram-kernel.ts';
import {
  CHUNK_FEATURES,
  CLOSED_CLAIM,
  CONTROL_SLOTS,
  Command,
  type HistogramMessage,
  MAX_CHUNKS,
  NodeNumber,
  openClaim,
  runChunks,
  Slot,
  sharedFloat64,
  sharedInt32,
  type WorkerInit,
} from './protocol.ts';
import { waitForChunks } from './wait-chunks.ts';
import { bootstrapCode, workerEntry } from './worker-bootstrap.ts';

/** Tuning knobs, changed only by tests and benchmarks. */
export const parallelTuning = {
  /**
   * Nodes with fewer cells (rows × features) than this are built by the calling thread alone:
   * waking a worker costs tens of microseconds, more than it saves on a small node.
   */
  minNodeCells: 200_000,
  /** Split finding goes to the workers from this many features (its cost is features × bins). */
  minSplitFeatures: 16,
  /** Feature blocks a node's histogram is cut into for the threads to claim. */
  buildChunks: 8,
  /** Block at the start of training until every worker has loaded (else they join when ready). */
  waitForWorkers: false,
};

let liveWorkers = 0;
let tasksHandedOut = 0;
let chunksByWorkers = 0;

/** Worker threads started by the engine and not yet exited (for tests and diagnostics). */
export function liveHistogramWorkers(): number {
  return liveWorkers;
}

/** Nodes offered to the workers since the process started (for tests and benchmarks). */
export function histogramTasksHandedOut(): number {
  return tasksHandedOut;
}

/** Feature chunks built by worker threads in closed pools (for tests and benchmarks). */
export function histogramChunksByWorkers(): number {
  return chunksByWorkers;
}

interface WorkerHandle {
  readonly worker: Worker;
  readonly port: MessagePort;
}

/**
 * A pool of `extraThreads` workers for one training run, building histograms and finding splits
 * with the calling thread. Owns the shared row-index and
 * gradient-pair buffers the tree grower must use, and allocates histograms in shared memory.
 * Workers that are still loading simply claim no work, so the calling thread never waits for a
 * start-up. Call `close()` when training ends (also on error).
 */
export class HistogramWorkers {
  /** Row indices of the tree being grown; the grower's `rows` must be this buffer from 0. */
  readonly rows: Int32Array;
  /** Gathered gradient pairs of the node being built (2 numbers per row). */
  readonly gradPairs: Float64Array;
  private readonly init: WorkerInit;
  private readonly control: Int32Array;
  private numFeatures = 0;
  private readonly handles: WorkerHandle[] = [];
  private readonly histograms: Float64Array[] = [];
  private readonly histogramIds = new Map<Float64Array, number>();
  private readonly histogramOf = (id: number) => this.histograms[id] as Float64Array;
  private closed = false;

  constructor(
    private readonly binned: BinnedMatrix,
    private readonly monotone: Int8Array,
    private readonly splitParams: SplitParams,
    extraThreads: number,
    /** The histogram kernel's memory, and what workers build their kernels from. */
    private readonly wasm: TrainingKernel | null = null,
    share: KernelShare | null = null,
  ) {
    if (!(binned.bins.buffer instanceof SharedArrayBuffer)) {
      throw new Error('HistogramWorkers needs the binned matrix in shared memory');
    }
    this.rows = wasm?.memory.int32(binned.numRows) ?? sharedInt32(binned.numRows);
    this.gradPairs = wasm?.memory.float64(2 * binned.numRows) ?? sharedFloat64(2 * binned.numRows);
    this.control = sharedInt32(CONTROL_SLOTS);
    this.control[Slot.Claim] = CLOSED_CLAIM;
    const source = { bins: binned.bins, numRows: binned.numRows, binOffsets: binned.binOffsets };
    this.init = {
      // This thread's kernel; each worker instantiates its own on the same memory.
      source: { ...source, kernel: binned.kernel ?? null },
      rows: this.rows,
      gradPairs: this.gradPairs,
      features: sharedInt32(binned.numFeatures),
      control: this.control,
      numbers: sharedFloat64(5),
      records: sharedFloat64(
        BEST_SLOTS * Math.min(MAX_CHUNKS, Math.ceil(binned.numFeatures / CHUNK_FEATURES)),
      ),
      monotone,
      splitParams: {
        l1: splitParams.l1,
        l2: splitParams.l2,
        minChildWeight: splitParams.minChildWeight,
        minDataInLeaf: splitParams.minDataInLeaf,
        minSplitGain: splitParams.minSplitGain,
      },
      wasm: share,
      kernelThread: 0,
    };
    // A kernel cannot cross threads: workers get the plain source and build their own.
    const shared: WorkerInit = { ...this.init, source };
    const entry = workerEntry('histogram-worker');
    for (let i = 0; i < extraThreads; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(bootstrapCode(entry), {
        eval: true,
        workerData: { ...shared, kernelThread: i + 1, port: port2 },
        transferList: [port2],
      });
      liveWorkers++;
      // A worker that fails to load never claims work; training goes on without it.
      worker.on('error', () => {});
      worker.on('exit', () => {
        liveWorkers--;
      });
      // Never keep the process alive for a worker; close() ends them anyway.
      worker.unref();
      this.handles.push({ worker, port: port1 });
    }
    if (parallelTuning.waitForWorkers) {
      for (let ready = 0; ready < extraThreads; ready = Atomics.load(this.control, Slot.Ready)) {
        if (Atomics.wait(this.control, Slot.Ready, ready, 60_000) === 'timed-out') break;
      }
    }
  }

  /** A zeroed histogram in shared memory, known to every worker. */
  createHistogram(length: number): Float64Array {
    const hist = this.wasm?.memory.float64(length) ?? sharedFloat64(length);
    const id = this.histograms.length;
    this.histograms.push(hist);
    this.histogramIds.set(hist, id);
    const message: HistogramMessage = { id, hist };
    for (const handle of this.handles) handle.port.postMessage(message);
    return hist;
  }

  /** The features of the tree about to grow. */
  setFeatures(features: Int32Array): void {
    this.init.features.set(features);
    this.numFeatures = features.length;
  }

  /**
   * Fills `hist` for rows `rows[start … end)` (their gradient pairs already gathered into
   * `gradPairs`) over the tree's features and, when `parent` is given, replaces `parent` by
   * parent − hist (the sibling's histogram).
   */
  build(start: number, end: number, hist: Float64Array, parent: Float64Array | null): void {
    const { control, numFeatures } = this;
    const alone =
      (end - start) * numFeatures < parallelTuning.minNodeCells ||
      Atomics.load(control, Slot.Ready) === 0;
    if (alone) {
      const { source, rows, gradPairs, features } = this.init;
      accumulateHistogram(source, features, 0, numFeatures, rows, start, end, gradPairs, hist);
      if (parent !== null)
        subtractHistogram(source, features, parent, hist, parent, 0, numFeatures);
      return;
    }
    control[Slot.Start] = start;
    control[Slot.End] = end;
    control[Slot.Histogram] = this.idOf(hist);
    control[Slot.Parent] = parent === null ? -1 : this.idOf(parent);
    this.runTask(Command.Build);
  }

  /** The best split of a node from its histogram, as `findBestSplit` finds it. */
  findSplit(hist: Float64Array, node: NodeStats, lower: number, upper: number): SplitInfo | null {
    const { control, numFeatures, init } = this;
    if (numFeatures < parallelTuning.minSplitFeatures || Atomics.load(control, Slot.Ready) === 0) {
      const features = init.features.subarray(0, numFeatures);
      return findBestSplit(
        this.binned,
        hist,
        features,
        node,
        lower,
        upper,
        this.monotone,
        this.splitParams,
      );
    }
    const { numbers, records } = init;
    numbers[NodeNumber.Grad] = node.grad;
    numbers[NodeNumber.Hess] = node.hess;
    numbers[NodeNumber.Count] = node.count;
    numbers[NodeNumber.Lower] = lower;
    numbers[NodeNumber.Upper] = upper;
    control[Slot.Histogram] = this.idOf(hist);
    const numChunks = this.runTask(Command.FindSplit);
    return splitOfRecord(
      records,
      bestRecord(records, numChunks),
      node,
      lower,
      upper,
      this.splitParams,
    );
  }

  /** Hands out the task whose fields are written, runs chunks here too, waits; returns its chunks. */
  private runTask(command: number): number {
    const { control, numFeatures } = this;
    // Building reads every row of the node once per pass of eight features, so it takes a few
    // large feature blocks (enough for the threads to balance); split finding costs per feature.
    const chunks = Math.ceil(numFeatures / CHUNK_FEATURES);
    const numChunks = Math.min(
      MAX_CHUNKS,
      command === Command.Build ? Math.min(chunks, parallelTuning.buildChunks) : chunks,
    );
    control[Slot.Command] = command;
    control[Slot.NumFeatures] = numFeatures;
    control[Slot.NumChunks] = numChunks;
    Atomics.store(control, Slot.Completed, 0);
    const seq = Atomics.load(control, Slot.Seq) + 1;
    Atomics.store(control, Slot.Claim, openClaim(seq));
    Atomics.store(control, Slot.Seq, seq);
    Atomics.notify(control, Slot.Seq);
    tasksHandedOut++;
    runChunks(seq, this.init, this.histogramOf, false);
    waitForChunks(control, Slot.Completed, numChunks);
    Atomics.store(control, Slot.Claim, CLOSED_CLAIM);
    if (Atomics.load(control, Slot.Failed) !== 0) {
      throw new EngineError('WORKER_FAILED', { problem: 'failed' });
    }
    return numChunks;
  }

  /** Ends every worker (idempotent). The pool cannot be used afterwards. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const { control } = this;
    chunksByWorkers += Atomics.load(control, Slot.WorkerChunks);
    Atomics.store(control, Slot.Command, Command.Exit);
    Atomics.add(control, Slot.Seq, 1);
    Atomics.notify(control, Slot.Seq);
    for (const { worker, port } of this.handles) {
      port.close();
      worker.terminate().catch(() => {});
    }
  }

  private idOf(hist: Float64Array): number {
    const id = this.histogramIds.get(hist);
    if (id === undefined) throw new Error('histogram not created by this pool');
    return id;
  }
}
