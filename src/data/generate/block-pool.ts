/**
 * Runs blocks on worker threads and hands results back in block order, with a bounded window of
 * blocks in flight (backpressure: at most `window` blocks are generated but not yet consumed).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type BlockResult, type BlockSpec, generateBlock } from './block.ts';

/** Resolves a module specifier to an absolute URL (works from any cwd and under vitest). */
function resolveUrl(specifier: string): string {
  const resolve = (import.meta as { resolve?: (s: string) => string }).resolve;
  if (typeof resolve === 'function') {
    try {
      return resolve(specifier);
    } catch {
      // fall through to require resolution
    }
  }
  return pathToFileURL(createRequire(import.meta.url).resolve(specifier)).href;
}

/**
 * Bootstrap of a worker: registers tsx, then loads worker.ts. (Node 20 loads a worker's entry
 * before `--import` hooks are active, so the entry itself cannot be a .ts file.)
 */
function bootstrapCode(): string {
  const tsx = JSON.stringify(resolveUrl('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return `import(${tsx}).then((m) => { m.register(); return import(${entry}); });`;
}

interface Pending {
  resolve: (r: BlockResult) => void;
  reject: (e: Error) => void;
}

class BlockWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;

  constructor() {
    this.worker = new Worker(bootstrapCode(), { eval: true });
    this.worker.on('message', (m: { id: number; result: BlockResult }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      p?.resolve(m.result);
    });
    const fail = (error: Error): void => {
      this.failure = error;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (this.pending.size > 0) fail(new Error(`generator worker exited with code ${code}`));
    });
  }

  run(id: number, spec: BlockSpec): Promise<BlockResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, spec });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * Generates `specs` and calls `consume` for each result in order. With one worker everything runs
 * on the calling thread (no worker start-up); otherwise blocks go round-robin to `workers` threads.
 */
export async function runBlocks(
  specs: readonly BlockSpec[],
  workers: number,
  consume: (result: BlockResult, spec: BlockSpec) => Promise<void>,
): Promise<void> {
  if (workers <= 1) {
    for (const spec of specs) await consume(generateBlock(spec), spec);
    return;
  }
  const pool = Array.from({ length: workers }, () => new BlockWorker());
  const window = 2 * workers;
  const inFlight: Promise<BlockResult>[] = [];
  let next = 0;
  const dispatch = (): void => {
    while (next < specs.length && inFlight.length < window) {
      const worker = pool[next % workers] as BlockWorker;
      const promise = worker.run(next, specs[next] as BlockSpec);
      // Rejections are observed when the block is awaited; avoid unhandled-rejection noise.
      promise.catch(() => {});
      inFlight.push(promise);
      next++;
    }
  };
  try {
    dispatch();
    for (let i = 0; i < specs.length; i++) {
      const result = await (inFlight.shift() as Promise<BlockResult>);
      dispatch();
      await consume(result, specs[i] as BlockSpec);
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
