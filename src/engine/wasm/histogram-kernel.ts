/**
 * The WebAssembly histogram kernel (histogram.wat) and the memory it works in. Training puts the
 * bins, the row indices, the gathered gradient pairs and the histograms in one shared
 * WebAssembly memory (`KernelMemory`), so the kernel reads and writes them where they are and
 * the rest of the engine keeps using them as ordinary typed arrays. Same sums as the TypeScript
 * kernel, bit for bit (tested); 2.3× faster on the histogram kernel bench
 * (bench/engine/wasm-histogram.ts, Home Credit's bins).
 */
import { HISTOGRAM_WASM_BASE64 } from './histogram-wasm.generated.ts';

const PAGE = 65_536;
/** Memory32's limit: 65,536 pages of 64 KiB. */
const MAX_PAGES = 65_536;

interface KernelExports {
  acc1(c: number, h: number, rows: number, pairs: number, n: number): void;
  acc4(
    c0: number,
    h0: number,
    c1: number,
    h1: number,
    c2: number,
    h2: number,
    c3: number,
    h3: number,
    rows: number,
    pairs: number,
    n: number,
  ): void;
  sub(out: number, parent: number, child: number, bytes: number): void;
  accRows(
    rowBins: number,
    numFeatures: number,
    table: number,
    m: number,
    hist: number,
    rows: number,
    pairs: number,
    n: number,
  ): void;
  scan(
    h: number,
    valueBins: number,
    hasMissing: number,
    grad: number,
    hess: number,
    count: number,
    l1: number,
    l2: number,
    minChildWeight: number,
    minDataInLeaf: number,
    parentScore: number,
    threshold: number,
  ): number;
  found: WebAssembly.Global;
  bestGain: WebAssembly.Global;
  bestBin: WebAssembly.Global;
  bestDefaultLeft: WebAssembly.Global;
  bestGl: WebAssembly.Global;
  bestHl: WebAssembly.Global;
  bestCl: WebAssembly.Global;
}

/** The best split candidate of a scan so far, as split finding keeps it (see scanSplits). */
export interface ScanBest {
  feature: number;
  gain: number;
  bin: number;
  defaultLeft: boolean;
  gl: number;
  hl: number;
  cl: number;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernel module, or null where WebAssembly SIMD or threads are unavailable. */
export function histogramModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const text = atob(HISTOGRAM_WASM_BASE64);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      compiled = new WebAssembly.Module(bytes);
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/**
 * One training run's shared WebAssembly memory, reserved for everything the kernel touches
 * (pages are only resident once written) and handed out front to back, 16-byte aligned.
 */
export class KernelMemory {
  readonly memory: WebAssembly.Memory;
  private top = 0;

  private constructor(pages: number) {
    this.memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  }

  /** A memory of `bytes`, or null when that exceeds what a 32-bit memory can address. */
  static reserve(bytes: number): KernelMemory | null {
    const pages = Math.ceil(bytes / PAGE);
    if (pages > MAX_PAGES) return null;
    try {
      return new KernelMemory(pages);
    } catch {
      return null;
    }
  }

  /** Bytes still free. */
  get free(): number {
    return this.memory.buffer.byteLength - this.top;
  }

  uint8(length: number): Uint8Array {
    return new Uint8Array(this.memory.buffer, this.take(length), length);
  }

  int32(length: number): Int32Array {
    return new Int32Array(this.memory.buffer, this.take(4 * length), length);
  }

  float64(length: number): Float64Array {
    return new Float64Array(this.memory.buffer, this.take(8 * length), length);
  }

  private take(bytes: number): number {
    const at = this.top;
    if (bytes > this.free) {
      throw new Error(`KernelMemory: ${bytes} bytes asked, ${this.free} left of the reservation`);
    }
    this.top += Math.ceil(bytes / 16) * 16;
    return at;
  }
}

/** What the kernel needs of a binned matrix (byte offsets come from the views). */
export interface KernelSource {
  readonly bins: Uint8Array;
  readonly numRows: number;
  readonly binOffsets: Int32Array;
}

/**
 * The kernel bound to one memory, for one thread (each thread instantiates its own). Every array
 * given to `accumulate` must be a view of that memory.
 */
export class HistogramKernel {
  private readonly exports: KernelExports;

  constructor(
    module: WebAssembly.Module,
    readonly memory: WebAssembly.Memory,
    private readonly rowWise: RowWiseLayout | null = null,
  ) {
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    this.exports = instance.exports as unknown as KernelExports;
  }

  /**
   * As `accumulateHistogram`: clears and fills the histogram of features `features[kFrom … kTo)`
   * from the gradient pairs of rows `rows[start … end)` gathered into `pairs`.
   */
  accumulate(
    source: KernelSource,
    features: Int32Array,
    kFrom: number,
    kTo: number,
    rows: Int32Array,
    start: number,
    end: number,
    pairs: Float64Array,
    hist: Float64Array,
  ): void {
    const { bins, numRows, binOffsets } = source;
    const { acc1, acc4 } = this.exports;
    const binsAt = bins.byteOffset;
    const histAt = hist.byteOffset;
    const rowsAt = rows.byteOffset + 4 * start;
    const pairsAt = pairs.byteOffset;
    const n = end - start;
    const { rowWise } = this;
    if (rowWise !== null && n < numRows * kernelTuning.rowWiseBelowShare) {
      // A small node: row by row over the row-major copy (see accRows in histogram.wat).
      const { table, rowBins, numFeatures } = rowWise;
      const m = kTo - kFrom;
      for (let j = 0; j < m; j++) {
        const f = features[kFrom + j] as number;
        const from = binOffsets[f] as number;
        hist.fill(0, 3 * from, 3 * (binOffsets[f + 1] as number));
        table[2 * j] = f;
        table[2 * j + 1] = 24 * from;
      }
      this.exports.accRows(
        rowBins.byteOffset,
        numFeatures,
        table.byteOffset,
        m,
        histAt,
        rowsAt,
        pairsAt,
        n,
      );
      return;
    }
    // Feature f: its column's bins and its histogram's first bin, as byte offsets.
    const column = (f: number) => binsAt + f * numRows;
    const cleared = (f: number) => {
      const from = binOffsets[f] as number;
      hist.fill(0, 3 * from, 3 * (binOffsets[f + 1] as number));
      return histAt + 24 * from;
    };
    let k = kFrom;
    for (; k + 4 <= kTo; k += 4) {
      const f0 = features[k] as number;
      const f1 = features[k + 1] as number;
      const f2 = features[k + 2] as number;
      const f3 = features[k + 3] as number;
      acc4(
        column(f0),
        cleared(f0),
        column(f1),
        cleared(f1),
        column(f2),
        cleared(f2),
        column(f3),
        cleared(f3),
        rowsAt,
        pairsAt,
        n,
      );
    }
    for (; k < kTo; k++) {
      const f = features[k] as number;
      acc1(column(f), cleared(f), rowsAt, pairsAt, n);
    }
  }

  /**
   * As `subtractHistogram`: out = parent − child over features `features[kFrom … kTo)`, runs of
   * consecutive features (adjacent in the histogram) in one call.
   */
  subtract(
    binOffsets: Int32Array,
    features: Int32Array,
    parent: Float64Array,
    child: Float64Array,
    out: Float64Array,
    kFrom: number,
    kTo: number,
  ): void {
    const { sub } = this.exports;
    for (let k = kFrom; k < kTo; ) {
      const first = features[k] as number;
      let last = first;
      for (k++; k < kTo && features[k] === last + 1; k++) last++;
      const from = 24 * (binOffsets[first] as number);
      const bytes = 24 * (binOffsets[last + 1] as number) - from;
      sub(out.byteOffset + from, parent.byteOffset + from, child.byteOffset + from, bytes);
    }
  }

  /**
   * scanSplits' plain case (no monotone direction, no weight bounds) for feature `f`, whose
   * bins start at histogram bin `from`: when one of its candidates beats `best` (same
   * arithmetic and tie-breaking as the TypeScript loop), writes it there and returns true.
   */
  scanFeature(
    hist: Float64Array,
    f: number,
    from: number,
    valueBins: number,
    hasMissing: boolean,
    grad: number,
    hess: number,
    count: number,
    l1: number,
    l2: number,
    minChildWeight: number,
    minDataInLeaf: number,
    parentScore: number,
    threshold: number,
    best: ScanBest,
  ): boolean {
    const e = this.exports;
    e.found.value = best.feature < 0 ? 0 : 1;
    e.bestGain.value = best.gain;
    const improved = e.scan(
      hist.byteOffset + 24 * from,
      valueBins,
      hasMissing ? 1 : 0,
      grad,
      hess,
      count,
      l1,
      l2,
      minChildWeight,
      minDataInLeaf,
      parentScore,
      threshold,
    );
    if (improved === 0) return false;
    best.feature = f;
    best.gain = e.bestGain.value;
    best.bin = e.bestBin.value;
    best.defaultLeft = e.bestDefaultLeft.value === 1;
    best.gl = e.bestGl.value;
    best.hl = e.bestHl.value;
    best.cl = e.bestCl.value;
    return true;
  }
}

/** Tuning knobs, changed only by tests and benchmarks. */
export const kernelTuning = {
  /** False keeps training in TypeScript. */
  enabled: true,
  /**
   * Nodes with fewer rows than this share of the training rows are built row by row: their rows
   * are scattered, and a column read per feature costs a cache miss per row. On Home Credit's
   * bins, column by column: 1.3 ns per cell at the root, 1.9 at 6%, 2.8 at 3%, 11.4 at 1%, 29 at
   * 0.2%; row by row 2.5–3.0 ns at every size: the two meet near 3%.
   */
  rowWiseBelowShare: 1 / 32,
};

/**
 * The row-major copy of the bins for small nodes, and this thread's feature table for them
 * (two i32 per feature: its index, its histogram's byte offset), all in the kernel's memory.
 */
export interface RowWiseLayout {
  readonly rowBins: Uint8Array;
  readonly numFeatures: number;
  readonly table: Int32Array;
}

/** Copies column-major bins into row-major ones, by blocks of rows so that both stay in cache. */
export function transposeBins(
  bins: Uint8Array,
  numRows: number,
  numFeatures: number,
  rowBins: Uint8Array,
): void {
  const BLOCK = 256;
  for (let from = 0; from < numRows; from += BLOCK) {
    const to = Math.min(numRows, from + BLOCK);
    for (let f = 0; f < numFeatures; f++) {
      const column = f * numRows;
      for (let r = from, at = from * numFeatures + f; r < to; r++, at += numFeatures) {
        rowBins[at] = bins[column + r] as number;
      }
    }
  }
}

/** A training run's kernel memory and the module each thread instantiates on it. */
export interface TrainingKernel {
  readonly memory: KernelMemory;
  readonly module: WebAssembly.Module;
  /** Threads the memory keeps a row-wise feature table for (thread 0 is the caller). */
  readonly threads: number;
}

/**
 * Reserves the memory of one training run: the bins (and their row-major copy), the row
 * indices and gradient pairs, a row-wise feature table per thread, and the most histograms a
 * tree can hold at once (one per leaf, plus the one being built). Null
 * when the kernel is turned off or unavailable, or the data would not fit 32-bit addresses:
 * training then runs the TypeScript kernel, with the same results.
 */
export function reserveTrainingKernel(
  numRows: number,
  numCols: number,
  maxLeaves: number,
  maxBin: number,
  threads = 1,
): TrainingKernel | null {
  if (!kernelTuning.enabled) return null;
  const module = histogramModule();
  if (module === null) return null;
  const histogramBytes = 24 * numCols * (maxBin + 1) + 16;
  // Bins twice (column- and row-major), rows and gradient pairs, a feature table per thread.
  const bytes =
    2 * numRows * numCols +
    20 * numRows +
    threads * (8 * numCols + 16) +
    64 +
    (maxLeaves + 2) * histogramBytes;
  const memory = KernelMemory.reserve(bytes);
  return memory === null ? null : { memory, module, threads };
}

/** What each thread needs to build its own kernel on a training run's memory (cloneable). */
export interface KernelShare {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly rowBins: Uint8Array;
  readonly numFeatures: number;
  /** One row-wise feature table per thread. */
  readonly tables: readonly Int32Array[];
}

/** Lays out, in the training's memory, the row-major copy of the bins and the threads' tables. */
export function shareKernel(
  wasm: TrainingKernel,
  bins: Uint8Array,
  numRows: number,
  numFeatures: number,
): KernelShare {
  const rowBins = wasm.memory.uint8(numRows * numFeatures);
  transposeBins(bins, numRows, numFeatures, rowBins);
  const tables = Array.from({ length: wasm.threads }, () => wasm.memory.int32(2 * numFeatures));
  return { module: wasm.module, memory: wasm.memory.memory, rowBins, numFeatures, tables };
}

/** The kernel of thread `thread` (0 the caller, 1… the workers). */
export function threadKernel(share: KernelShare, thread: number): HistogramKernel {
  const table = share.tables[thread];
  if (table === undefined) throw new Error(`threadKernel: no table for thread ${thread}`);
  const { rowBins, numFeatures } = share;
  return new HistogramKernel(share.module, share.memory, { rowBins, numFeatures, table });
}
