import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { train } from '../boosting/train.ts';
import { denseMatrix } from '../matrix.ts';
import { type Model, serializeModel } from '../model.ts';
import type { ParamInput } from '../params.ts';
import { Rng } from '../random.ts';
import {
  histogramChunksByWorkers,
  liveHistogramWorkers,
  parallelTuning,
} from './histogram-workers.ts';
import { AUTO_PARALLEL_MIN_CELLS, resolveThreadCount } from './thread-count.ts';

/** Seeded rows: 24 features, 10% missing, a logistic signal on a few of them. */
function problem(numRows: number, seed: number) {
  const numCols = 24;
  const rng = new Rng(seed);
  const values = new Float64Array(numRows * numCols);
  const labels = new Float64Array(numRows);
  for (let r = 0; r < numRows; r++) {
    let logit = -1;
    for (let c = 0; c < numCols; c++) {
      const v = rng.next() < 0.1 ? Number.NaN : rng.next() * 4 - 2;
      values[r * numCols + c] = v;
      if (c < 6 && !Number.isNaN(v)) logit += c % 2 === 0 ? v : -v * v * 0.5;
    }
    labels[r] = rng.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { features: denseMatrix(values, numRows, numCols, 'row-major'), labels };
}

/** The model's JSON with the thread parameter set aside (it is recorded as given). */
function modelJson(model: Model): string {
  return serializeModel({ ...model, params: { ...model.params, nthread: 0 } });
}

/** Waits (polling) until every worker thread has exited; false if some are still alive. */
async function workersGone(): Promise<boolean> {
  for (let i = 0; i < 200 && liveHistogramWorkers() > 0; i++) {
    await new Promise((done) => setTimeout(done, 50));
  }
  return liveHistogramWorkers() === 0;
}

describe('training on worker threads', () => {
  const saved = { ...parallelTuning };
  beforeEach(() => {
    // Hand every node to the workers, and have them loaded before the first tree.
    parallelTuning.minNodeCells = 0;
    parallelTuning.waitForWorkers = true;
  });
  afterEach(() => Object.assign(parallelTuning, saved));

  const data = problem(4000, 7);

  it('grows the identical model on 1, 2 and 3 threads', async () => {
    const params: ParamInput = {
      numRounds: 8,
      maxLeaves: 15,
      minDataInLeaf: 5,
      subsample: 0.8,
      colsampleByTree: 0.75,
      seed: 5,
      l1: 0.1,
      monotoneConstraints: [1, 0, -1],
    };
    const one = train(data, { params: { ...params, nthread: 1 } });
    const before = histogramChunksByWorkers();
    const two = train(data, { params: { ...params, threads: 2 } });
    const byWorker = histogramChunksByWorkers() - before;
    const three = train(data, { params: { ...params, nThreads: 3 } });
    // The worker really built parts of the histograms and scanned splits (4-feature chunks).
    expect(byWorker).toBeGreaterThan(8);
    expect(modelJson(two)).toBe(modelJson(one));
    expect(modelJson(three)).toBe(modelJson(one));
    expect(await workersGone()).toBe(true);
  });

  it('ends its workers when training throws mid-way', async () => {
    const failing = () =>
      train(data, {
        params: { numRounds: 10, nthread: 2 },
        onProgress: ({ round }) => {
          if (round === 3) throw new Error('stop at round 3');
        },
      });
    expect(failing).toThrow('stop at round 3');
    expect(await workersGone()).toBe(true);
  });

  it('lets the process exit after a training that throws', () => {
    const entry = resolve(import.meta.dirname, '../boosting/train.ts');
    const script = `
      const { train } = await import(${JSON.stringify(entry)});
      const n = 2000, values = new Float64Array(n * 8).map((_, i) => (i * 7919) % 101);
      const features = { values, numRows: n, numCols: 8, layout: 'row-major' };
      const labels = new Float64Array(n).map((_, i) => i % 2);
      try {
        train({ features, labels }, {
          params: { numRounds: 5, nthread: 2 },
          onProgress: () => { throw new Error('boom'); },
        });
      } catch (error) {
        console.log('caught', error.message);
      }`;
    // A worker left running would keep the child alive until the timeout kills it.
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(out.trim()).toBe('caught boom');
  });
});

describe('resolveThreadCount', () => {
  it('takes an explicit count, at most one thread per feature', () => {
    expect(resolveThreadCount(2, 10, 50)).toBe(2);
    expect(resolveThreadCount(8, 10, 3)).toBe(3);
    expect(resolveThreadCount(1, 1e6, 200)).toBe(1);
  });

  it('uses every core for large data and one thread for small data when automatic', () => {
    const big = Math.ceil(AUTO_PARALLEL_MIN_CELLS / 100);
    expect(resolveThreadCount(0, big, 100)).toBe(Math.min(availableParallelism(), 100));
    expect(resolveThreadCount(0, big - 1, 100)).toBe(1);
  });
});
