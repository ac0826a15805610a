/**
 * The synthetic Home Credit generator: writes the eight Kaggle files (exact headers and column
 * order) for `clients` train and `testClients` test clients. Deterministic for a seed whatever the
 * number of workers; streams to disk with bounded memory; writes to temporary names and renames
 * at the end, so a failed run never leaves a set of files that looks complete.
 */
import { once } from 'node:events';
import {
  createWriteStream,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  type WriteStream,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { DataError } from '../errors.ts';
import { type ProgressFactory, silentProgress } from '../progress.ts';
import { headerOf, TABLES } from '../schema.ts';
import type { TableName } from '../schema-types.ts';
import type { BlockSpec } from './block.ts';
import { runBlocks } from './block-pool.ts';
import { DEFAULT_CLIENTS, DEFAULT_SEED, DEFAULT_TEST_CLIENTS } from './defaults.ts';

export interface GenerateOptions {
  /** Directory that receives the eight CSV files (created when missing). */
  outDir: string;
  /** Train clients (application_train rows). Default 20,000. */
  clients?: number;
  /** Test clients (application_test rows). Default 5,000. */
  testClients?: number;
  /** Seed of all random streams. Default 42. */
  seed?: number;
  /** Worker threads; default 2 above 50,000 clients in all, else 1. Output does not depend on it. */
  workers?: number;
  progress?: ProgressFactory;
}

export interface GenerateSummary {
  outDir: string;
  seconds: number;
  /** Share of TARGET = 1 in application_train. */
  defaultRate: number;
  files: { table: TableName; file: string; rows: number; bytes: number }[];
}

export { DEFAULT_CLIENTS, DEFAULT_SEED, DEFAULT_TEST_CLIENTS } from './defaults.ts';

/** Clients per block: large enough to amortise messaging, small enough to bound memory. */
const BLOCK_CLIENTS = 1_000;

function checkCount(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DataError('BAD_OPTION', {
      name,
      value: String(value),
      expected: `an integer from ${min} to ${max}`,
    });
  }
  return value;
}

/** Writes text or bytes to a stream, waiting for it to drain when its buffer is full. */
async function write(stream: WriteStream, data: string | Uint8Array): Promise<void> {
  if (data.length === 0) return;
  if (!stream.write(data)) await once(stream, 'drain');
}

export async function generateDataset(options: GenerateOptions): Promise<GenerateSummary> {
  const start = performance.now();
  const clients = checkCount('clients', options.clients ?? DEFAULT_CLIENTS, 0, 10_000_000);
  const testClients = checkCount(
    'test clients',
    options.testClients ?? DEFAULT_TEST_CLIENTS,
    0,
    10_000_000,
  );
  const total = clients + testClients;
  if (total === 0) throw new DataError('NOTHING_TO_GENERATE', {});
  const seed = checkCount('seed', options.seed ?? DEFAULT_SEED, 0, 2 ** 31 - 1);
  const workers = checkCount('workers', options.workers ?? (total > 50_000 ? 2 : 1), 1, 32);
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });

  const partial = (file: string): string => join(outDir, `${file}.partial`);
  const streams = TABLES.map((t) => createWriteStream(partial(t.file)));
  const rows = TABLES.map(() => 0);
  let defaults = 0;
  const bar = (options.progress ?? silentProgress)('generate', total, 'clients');
  try {
    await Promise.all(
      TABLES.map((t, i) => write(streams[i] as WriteStream, `${headerOf(t.name)}\n`)),
    );
    const specs: BlockSpec[] = [];
    for (let s = 0; s < total; s += BLOCK_CLIENTS) {
      specs.push({
        seed,
        start: s,
        end: Math.min(total, s + BLOCK_CLIENTS),
        trainClients: clients,
      });
    }
    await runBlocks(specs, workers, async (result, spec) => {
      for (let i = 0; i < streams.length; i++) {
        await write(streams[i] as WriteStream, result.chunks[i] as Uint8Array);
        rows[i] = (rows[i] as number) + (result.rows[i] as number);
      }
      defaults += result.defaults;
      bar.tick(spec.end - spec.start);
    });
    await Promise.all(
      streams.map((s) => {
        s.end();
        return once(s, 'close');
      }),
    );
  } catch (error) {
    for (const s of streams) s.destroy();
    for (const t of TABLES) rmSync(partial(t.file), { force: true });
    throw error;
  }
  for (const t of TABLES) renameSync(partial(t.file), join(outDir, t.file));
  const seconds = (performance.now() - start) / 1000;
  const allRows = rows.reduce((a, b) => a + b, 0);
  bar.finish(
    `${total.toLocaleString('en-US')} clients, ${allRows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)}s (${Math.round(allRows / Math.max(seconds, 1e-9)).toLocaleString('en-US')} rows/s)`,
  );
  return {
    outDir,
    seconds,
    defaultRate: clients > 0 ? defaults / clients : 0,
    files: TABLES.map((t, i) => ({
      table: t.name,
      file: join(outDir, t.file),
      rows: rows[i] as number,
      bytes: statSync(join(outDir, t.file)).size,
    })),
  };
}
