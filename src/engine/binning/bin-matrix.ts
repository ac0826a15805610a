import { EngineError } from '../errors.ts';
import { type DenseMatrix, strides } from '../matrix.ts';
import type { HistogramKernel } from '../wasm/histogram-kernel.ts';
import { binOf, computeCuts, toBinnable } from './bin-cuts.ts';
import { ColumnSorter } from './sort-column.ts';

/** Cuts of every feature, learned from the training data and reused for validation data. */
export interface BinMapper {
  readonly cuts: readonly Float64Array[];
}

/**
 * Feature values replaced by bin indices, column-major: feature f's bins are
 * `bins[f * numRows … (f + 1) * numRows)`. Bin 0 is missing; feature f has `numBins(f)` =
 * cuts.length + 1 bins. `binOffsets[f]` is where feature f starts in a histogram (in bins).
 */
export interface BinnedMatrix {
  readonly numRows: number;
  readonly numFeatures: number;
  readonly bins: Uint8Array;
  readonly binOffsets: Int32Array;
  readonly totalBins: number;
  readonly mapper: BinMapper;
  /** The WebAssembly histogram kernel, when training placed `bins` in its memory. */
  readonly kernel?: HistogramKernel | null;
}

/** Learns at most `maxBin` value bins per feature (≤ 255) from a matrix. */
export function createBinMapper(matrix: DenseMatrix, maxBin: number): BinMapper {
  const cuts: Float64Array[] = [];
  forEachSortedColumn(matrix, maxBin, (_c, columnCuts) => cuts.push(columnCuts));
  return { cuts };
}

/**
 * Learns the bins of a training matrix and bins it, in one sort per feature: the sorted values
 * carry their rows, so each row's bin comes from a sweep of the sorted column rather than a
 * binary search among the cuts (the same bins as `binMatrix` with the same cuts; tested).
 * `shared` puts the bins in a SharedArrayBuffer, for training on worker threads; `allocate`, when
 * given, provides the (zeroed) bins instead, e.g. in the histogram kernel's memory.
 */
export function binTrainingMatrix(
  matrix: DenseMatrix,
  maxBin: number,
  shared = false,
  allocate?: (bytes: number) => Uint8Array,
): BinnedMatrix {
  const { numRows, numCols } = matrix;
  const size = numRows * numCols;
  const bins =
    allocate?.(size) ??
    (shared ? new Uint8Array(new SharedArrayBuffer(size)) : new Uint8Array(size));
  const cuts: Float64Array[] = [];
  forEachSortedColumn(matrix, maxBin, (c, columnCuts, sorter, n) => {
    cuts.push(columnCuts);
    const { sorted, sortedRows } = sorter;
    const out = c * numRows;
    // Missing rows keep bin 0 (the array starts zeroed). Value bin b + 1 holds the values at or
    // above cuts[b - 1] and below cuts[b]; the top cut is never passed (as in binOf).
    const lastCut = columnCuts.length - 1;
    let b = 0;
    for (let i = 0; i < n; i++) {
      const v = sorted[i] as number;
      while (b < lastCut && v >= (columnCuts[b] as number)) b++;
      bins[out + (sortedRows[i] as number)] = b + 1;
    }
  });
  return finishBinned(numRows, numCols, bins, { cuts });
}

/** Sorts each column's non-missing values (as `toBinnable` makes them) and learns its cuts. */
function forEachSortedColumn(
  matrix: DenseMatrix,
  maxBin: number,
  visit: (column: number, cuts: Float64Array, sorter: ColumnSorter, n: number) => void,
): void {
  if (maxBin < 2 || maxBin > 255) {
    throw new EngineError('BAD_PARAM', { name: 'maxBin', value: maxBin, rule: '≥ 2 and ≤ 255' });
  }
  const { rowStride, colStride } = strides(matrix);
  const values = new Float32Array(matrix.numRows);
  const rows = new Int32Array(matrix.numRows);
  const sorter = new ColumnSorter(matrix.numRows);
  for (let c = 0; c < matrix.numCols; c++) {
    let n = 0;
    const base = c * colStride;
    for (let r = 0; r < matrix.numRows; r++) {
      const x = matrix.values[base + r * rowStride] as number;
      if (!Number.isNaN(x)) {
        values[n] = toBinnable(x);
        rows[n++] = r;
      }
    }
    sorter.sort(values, rows, n);
    visit(c, computeCuts(sorter.sorted.subarray(0, n), maxBin), sorter, n);
  }
}

/**
 * Bins a matrix with given cuts (training data, or validation data with the training cuts).
 * `shared` puts the bins in a SharedArrayBuffer, for training on worker threads.
 */
export function binMatrix(matrix: DenseMatrix, mapper: BinMapper, shared = false): BinnedMatrix {
  if (matrix.numCols !== mapper.cuts.length) {
    throw new EngineError('FEATURE_COUNT', {
      what: 'matrix',
      count: matrix.numCols,
      expected: `the bins were learned on ${mapper.cuts.length}`,
    });
  }
  const { numRows, numCols } = matrix;
  const { rowStride, colStride } = strides(matrix);
  const size = numRows * numCols;
  const bins = shared ? new Uint8Array(new SharedArrayBuffer(size)) : new Uint8Array(size);
  for (let c = 0; c < numCols; c++) {
    const cuts = mapper.cuts[c] as Float64Array;
    const base = c * colStride;
    const out = c * numRows;
    for (let r = 0; r < numRows; r++) {
      bins[out + r] = binOf(matrix.values[base + r * rowStride] as number, cuts);
    }
  }
  return finishBinned(numRows, numCols, bins, mapper);
}

/** The binned matrix of given bins: where each feature's bins start in a histogram. */
function finishBinned(
  numRows: number,
  numCols: number,
  bins: Uint8Array,
  mapper: BinMapper,
): BinnedMatrix {
  const binOffsets = new Int32Array(numCols + 1);
  for (let c = 0; c < numCols; c++) {
    binOffsets[c + 1] = (binOffsets[c] as number) + (mapper.cuts[c] as Float64Array).length + 1;
  }
  return {
    numRows,
    numFeatures: numCols,
    bins,
    binOffsets,
    totalBins: binOffsets[numCols] as number,
    mapper,
  };
}
