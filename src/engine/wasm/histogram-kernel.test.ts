import { afterEach, describe, expect, it } from 'vitest';
import { binTrainingMatrix } from '../binning/bin-matrix.ts';
import { train } from '../boosting/train.ts';
import { accumulateHistogram, gatherGradPairs } from '../histogram/histogram.ts';
import { denseMatrix } from '../matrix.ts';
import { serializeModel } from '../model.ts';
import { parallelTuning } from '../parallel/histogram-workers.ts';
import type { ParamInput } from '../params.ts';
import { Rng } from '../random.ts';
import {
  HistogramKernel,
  histogramModule,
  KernelMemory,
  kernelTuning,
  reserveTrainingKernel,
  shareKernel,
  threadKernel,
} from './histogram-kernel.ts';

/** Seeded column-major values: mixed cardinalities and 15% missing. */
function values(numRows: number, numCols: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const out = new Float64Array(numRows * numCols);
  for (let c = 0; c < numCols; c++) {
    const levels = [2, 5, 300][c % 3] as number;
    for (let r = 0; r < numRows; r++) {
      out[c * numRows + r] = rng.next() < 0.15 ? Number.NaN : rng.nextInt(levels) / levels;
    }
  }
  return out;
}

describe('the WebAssembly histogram kernel', () => {
  it('is available on this Node (SIMD and shared memory)', () => {
    expect(histogramModule()).not.toBeNull();
  });

  it('fills histograms identical bit for bit to the TypeScript kernel', () => {
    const numRows = 3000;
    const numCols = 11; // two passes of four features and three single ones
    const module = histogramModule() as WebAssembly.Module;
    const memory = KernelMemory.reserve(1 << 23) as KernelMemory;
    const matrix = denseMatrix(values(numRows, numCols, 3), numRows, numCols, 'column-major');
    const plain = binTrainingMatrix(matrix, 255);
    const inMemory = {
      ...binTrainingMatrix(matrix, 255, false, (bytes) => memory.uint8(bytes)),
      kernel: new HistogramKernel(module, memory.memory),
    };
    const rng = new Rng(5);
    const grad = new Float64Array(numRows).map(() => rng.next() - 0.4);
    const hess = new Float64Array(numRows).map(() => rng.next() * 0.25);
    const rows = memory.int32(numRows);
    // A node: every other row from 10 on (a sub-range of the row buffer, as the grower passes).
    let n = 0;
    for (let r = 10; r < numRows; r += 2) rows[n++] = r;
    const features = Int32Array.from([0, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const pairs = memory.float64(2 * numRows);
    const wasmHist = memory.float64(3 * plain.totalBins).fill(7); // stale values must be cleared
    const tsHist = new Float64Array(3 * plain.totalBins);
    gatherGradPairs(rows, 5, n, grad, hess, pairs);
    accumulateHistogram(inMemory, features, 1, features.length, rows, 5, n, pairs, wasmHist);
    accumulateHistogram(plain, features, 1, features.length, rows, 5, n, pairs, tsHist);
    let checked = 0;
    for (const f of features.subarray(1)) {
      for (
        let i = 3 * (plain.binOffsets[f] as number);
        i < 3 * (plain.binOffsets[f + 1] as number);
        i++
      ) {
        expect(Object.is(wasmHist[i], tsHist[i])).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
    // Feature 0 was not asked for: its bins are left as they were.
    expect(wasmHist[0]).toBe(7);

    // The same node row by row over the row-major copy (a small node's path).
    const share = shareKernel({ memory, module, threads: 1 }, inMemory.bins, numRows, numCols);
    const rowWise = { ...inMemory, kernel: threadKernel(share, 0) };
    const saved = kernelTuning.rowWiseBelowShare;
    kernelTuning.rowWiseBelowShare = 1;
    try {
      const rowHist = memory.float64(3 * plain.totalBins).fill(7);
      accumulateHistogram(rowWise, features, 1, features.length, rows, 5, n, pairs, rowHist);
      for (const f of features.subarray(1)) {
        for (
          let i = 3 * (plain.binOffsets[f] as number);
          i < 3 * (plain.binOffsets[f + 1] as number);
          i++
        ) {
          expect(Object.is(rowHist[i], tsHist[i])).toBe(true);
        }
      }
      expect(rowHist[0]).toBe(7);
    } finally {
      kernelTuning.rowWiseBelowShare = saved;
    }
  });

  it('subtracts histograms as the TypeScript loop does, over runs of features and odd lengths', () => {
    const module = histogramModule() as WebAssembly.Module;
    const memory = KernelMemory.reserve(1 << 20) as KernelMemory;
    const kernel = new HistogramKernel(module, memory.memory);
    // Five features of 3, 2, 4, 1 and 5 bins (odd byte counts in 16-byte steps).
    const binOffsets = Int32Array.from([0, 3, 5, 9, 10, 15]);
    const rng = new Rng(2);
    // Filled in place: the kernel reads views of its memory (map() would copy out of it).
    const parent = memory.float64(45);
    const child = memory.float64(45);
    for (let i = 0; i < 45; i++) {
      parent[i] = rng.next() * 10 - 5;
      child[i] = rng.next() * 3;
    }
    const expected = parent.slice();
    const features = Int32Array.from([0, 1, 3, 4]); // runs 0–1 and 3–4; feature 2 untouched
    for (const f of features) {
      for (let i = 3 * (binOffsets[f] as number); i < 3 * (binOffsets[f + 1] as number); i++) {
        expected[i] = (parent[i] as number) - (child[i] as number);
      }
    }
    kernel.subtract(binOffsets, features, parent, child, parent, 0, features.length);
    expect(Array.from(parent)).toEqual(Array.from(expected));
  });

  it('refuses a reservation beyond 32-bit addresses, so training falls back to TypeScript', () => {
    expect(KernelMemory.reserve(2 ** 32 + 1)).toBeNull();
    expect(reserveTrainingKernel(10_000_000, 500, 63, 255)).toBeNull();
    expect(reserveTrainingKernel(1000, 10, 63, 255)).not.toBeNull();
  });
});

describe('training with the WebAssembly kernel', () => {
  const savedKernel = { ...kernelTuning };
  const savedParallel = { ...parallelTuning };
  afterEach(() => {
    Object.assign(kernelTuning, savedKernel);
    Object.assign(parallelTuning, savedParallel);
  });

  it('grows the same model as the TypeScript kernel, on one thread and on two', () => {
    const numRows = 4000;
    const numCols = 13;
    const rng = new Rng(9);
    const x = values(numRows, numCols, 11);
    const labels = Float64Array.from({ length: numRows }, (_, r) =>
      rng.next() < 0.2 + 0.5 * ((x[r] as number) > 0.4 ? 1 : 0) ? 1 : 0,
    );
    const features = denseMatrix(x, numRows, numCols, 'column-major');
    // Every node to the workers, loaded before the first tree, so they build with the kernel.
    parallelTuning.minNodeCells = 0;
    parallelTuning.waitForWorkers = true;
    const settings: ParamInput[] = [
      { subsample: 0.8, colsampleByTree: 0.8 },
      // L1 soft-thresholding in the scan, a minimum of rows per leaf, and monotone features
      // (scanned in TypeScript) mixed with plain ones (scanned in WebAssembly).
      { l1: 0.3, minDataInLeaf: 25, monotoneConstraints: [1, 0, -1] },
    ];
    for (const [nthread, extra] of [1, 2].flatMap((t) => settings.map((s) => [t, s] as const))) {
      const params: ParamInput = {
        objective: 'binary:logistic',
        numRounds: 8,
        maxLeaves: 15,
        nthread,
        ...extra,
      };
      kernelTuning.enabled = true;
      const withKernel = serializeModel(train({ features, labels }, { params }));
      kernelTuning.enabled = false;
      const without = serializeModel(train({ features, labels }, { params }));
      expect(withKernel).toBe(without);
    }
  });
});
