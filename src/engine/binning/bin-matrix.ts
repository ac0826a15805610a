import { EngineError } from '../errors.ts';
import { type DenseMatrix, strides } from '../matrix.ts';
import { binOf, computeCuts, toBinnable } from './bin-cuts.ts';

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
}

/** Learns at most `maxBin` value bins per feature (≤ 255) from a matrix. */
export function createBinMapper(matrix: DenseMatrix, maxBin: number): BinMapper {
  if (maxBin < 2 || maxBin > 255) {
    throw new EngineError('BAD_PARAM', { name: 'maxBin', value: maxBin, rule: '≥ 2 and ≤ 255' });
  }
  const { rowStride, colStride } = strides(matrix);
  const buffer = new Float64Array(matrix.numRows);
  const cuts: Float64Array[] = [];
  for (let c = 0; c < matrix.numCols; c++) {
    let n = 0;
    const base = c * colStride;
    for (let r = 0; r < matrix.numRows; r++) {
      const x = matrix.values[base + r * rowStride] as number;
      if (!Number.isNaN(x)) buffer[n++] = toBinnable(x);
    }
    const sorted = buffer.subarray(0, n).sort();
    cuts.push(computeCuts(sorted, maxBin));
  }
  return { cuts };
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
  const binOffsets = new Int32Array(numCols + 1);
  for (let c = 0; c < numCols; c++) {
    const cuts = mapper.cuts[c] as Float64Array;
    binOffsets[c + 1] = (binOffsets[c] as number) + cuts.length + 1;
    const base = c * colStride;
    const out = c * numRows;
    for (let r = 0; r < numRows; r++) {
      bins[out + r] = binOf(matrix.values[base + r * rowStride] as number, cuts);
    }
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
