import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineError } from '../errors.ts';
import { randomModel, randomRows } from '../forest/random-model.ts';
import { denseMatrix, isSharedMatrix, sharedDenseMatrix } from '../matrix.ts';
import { predictMargin } from '../predict.ts';
import { Rng } from '../random.ts';
import { CHUNK_ROWS } from './predict-protocol.ts';
import {
  AUTO_PREDICT_MIN_WORK,
  closePredictPool,
  livePredictWorkers,
  predictPool,
  predictTuning,
  resolvePredictThreads,
} from './predict-workers.ts';

const numCols = 12;
// Not a multiple of the chunk or slab size: the last chunk and slab are partial.
const numRows = 7 * CHUNK_ROWS + 37;
const rng = new Rng(11);
const model = randomModel(
  rng,
  Array.from({ length: 40 }, (_, t) => ({
    numNodes: 5 + (t % 30),
    numFeatures: numCols,
    chain: 0.3,
  })),
);
const rowMajor = randomRows(rng, numRows, numCols);
const columnMajor = new Float64Array(rowMajor.length);
for (let r = 0; r < numRows; r++)
  for (let c = 0; c < numCols; c++)
    columnMajor[c * numRows + r] = rowMajor[r * numCols + c] as number;

function bytesOf(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('hex');
}

async function workersGone(): Promise<boolean> {
  for (let i = 0; i < 200 && livePredictWorkers() > 0; i++) {
    await new Promise((done) => setTimeout(done, 50));
  }
  return livePredictWorkers() === 0;
}

describe('prediction on worker threads', () => {
  const saved = { ...predictTuning };
  beforeEach(() => {
    closePredictPool();
    predictTuning.waitForWorkers = true;
    // Slabs of 2 chunks: several tasks per batch, the last one partial.
    predictTuning.slabCells = 2 * CHUNK_ROWS * numCols;
  });
  afterEach(() => Object.assign(predictTuning, saved));
  afterAll(() => closePredictPool());

  for (const [layout, values] of [
    ['row-major', rowMajor],
    ['column-major', columnMajor],
  ] as const) {
    it(`gives the margins of one thread bit for bit on 2 and 3 threads (${layout})`, () => {
      const matrix = denseMatrix(values, numRows, numCols, layout);
      const one = predictMargin(model, matrix, { nthread: 1 });
      expect(bytesOf(predictMargin(model, matrix, { nthread: 2 }))).toBe(bytesOf(one));
      expect(bytesOf(predictMargin(model, matrix, { nthread: 3 }))).toBe(bytesOf(one));
    });
  }

  it('has the workers score every chunk when the caller scores none', () => {
    predictTuning.callerScores = false;
    const matrix = denseMatrix(rowMajor, numRows, numCols, 'row-major');
    const one = predictMargin(model, matrix, { nthread: 1 });
    const before = predictPool(1).workerChunks();
    expect(bytesOf(predictMargin(model, matrix, { nthread: 2 }))).toBe(bytesOf(one));
    expect(predictPool(1).workerChunks() - before).toBe(Math.ceil(numRows / CHUNK_ROWS));
    // Another model on the same pool: the workers score with the forest announced last.
    const other = randomModel(new Rng(12), [{ numNodes: 9, numFeatures: numCols, chain: 0 }]);
    const otherOne = predictMargin(other, matrix, { nthread: 1 });
    expect(bytesOf(predictMargin(other, matrix, { nthread: 2 }))).toBe(bytesOf(otherOne));
  });

  it('reads a matrix in shared memory in place, then a plain one through the slab again', () => {
    predictTuning.callerScores = false;
    for (const [layout, values] of [
      ['row-major', rowMajor],
      ['column-major', columnMajor],
    ] as const) {
      const plain = denseMatrix(values, numRows, numCols, layout);
      const shared = sharedDenseMatrix(numRows, numCols, layout);
      shared.values.set(values);
      expect(isSharedMatrix(shared)).toBe(true);
      expect(isSharedMatrix(plain)).toBe(false);
      const one = predictMargin(model, plain, { nthread: 1 });
      const before = predictPool(1).workerChunks();
      const tasks = predictPool(1).tasks;
      const inPlace = predictMargin(model, shared, { nthread: 2 });
      expect(predictPool(1).tasks - tasks).toBe(1);
      expect(bytesOf(inPlace)).toBe(bytesOf(one));
      expect(isSharedMatrix(denseMatrix(inPlace, numRows, 1, layout))).toBe(false);
      // One task for the whole batch (no slab limit), every chunk scored by the worker.
      expect(predictPool(1).workerChunks() - before).toBe(Math.ceil(numRows / CHUNK_ROWS));
      // The workers were pointed at the caller's matrix: the slab must be announced again.
      expect(bytesOf(predictMargin(model, plain, { nthread: 2 }))).toBe(bytesOf(one));
      expect(predictPool(1).tasks - tasks).toBe(1 + Math.ceil(numRows / (2 * CHUNK_ROWS)));
    }
  });

  it('ends its workers when the pool is closed', async () => {
    predictPool(2);
    expect(livePredictWorkers()).toBeGreaterThan(0);
    closePredictPool();
    expect(await workersGone()).toBe(true);
  });

  it('refuses a thread count that is not a small whole number', () => {
    const matrix = denseMatrix(rowMajor, numRows, numCols, 'row-major');
    for (const nthread of [-1, 1.5, 1000]) {
      expect(() => predictMargin(model, matrix, { nthread })).toThrow(EngineError);
      expect(() => predictMargin(model, matrix, { nthread })).toThrow(/nthread/);
    }
  });

  it('lets the process exit with the pool alive', () => {
    const entry = resolve(import.meta.dirname, '../index.ts');
    const script = `
      const { predictMargin, train } = await import(${JSON.stringify(entry)});
      const n = 4000, values = new Float64Array(n * 8).map((_, i) => (i * 7919) % 101);
      const features = { values, numRows: n, numCols: 8, layout: 'row-major' };
      const labels = new Float64Array(n).map((_, i) => i % 2);
      const model = train({ features, labels }, { params: { numRounds: 5, nthread: 1 } });
      console.log('rows', predictMargin(model, features, { nthread: 2 }).length);`;
    // A worker holding the process would keep the child alive until the timeout kills it.
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(out.trim()).toBe('rows 4000');
  });
});

describe('resolvePredictThreads', () => {
  it('takes an explicit count, at most one thread per chunk of rows', () => {
    expect(resolvePredictThreads(2, 10 * CHUNK_ROWS, 1)).toBe(2);
    expect(resolvePredictThreads(4, CHUNK_ROWS + 1, 100)).toBe(2);
    expect(resolvePredictThreads(1, 1e6, 300)).toBe(1);
  });

  it('uses every core for large batches and one thread for small ones when automatic', () => {
    const rows = 100 * CHUNK_ROWS;
    const trees = Math.ceil(AUTO_PREDICT_MIN_WORK / rows);
    expect(resolvePredictThreads(0, rows, trees)).toBe(Math.min(availableParallelism(), 100));
    expect(resolvePredictThreads(0, rows, trees - 1)).toBe(1);
  });
});
