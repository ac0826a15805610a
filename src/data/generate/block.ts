/**
 * Generates a block of consecutive clients (application rows plus their history) as CSV text per
 * table. A block depends only on (seed, client range), which makes the output identical whatever
 * the number of workers.
 */
import { TABLES } from '../schema.ts';
import type { TableName } from '../schema-types.ts';
import { generateApplication } from './application-row.ts';
import { ByteChunk } from './byte-chunk.ts';
import { generateHistory } from './history/index.ts';
import { Random } from './random.ts';
import type { HistoryTable, LineSink } from './types.ts';

/** First SK_ID_CURR (train first, then test), as in the real files. */
export const FIRST_SK_ID_CURR = 100002;

/** The seed mix of the history streams, kept apart from the application streams. */
export const HISTORY_SEED_MIX = 0x5bd1e995;

export interface BlockSpec {
  seed: number;
  /** First client index (0-based over train then test clients). */
  start: number;
  /** One past the last client index. */
  end: number;
  /** Number of train clients; indices from here on are test clients. */
  trainClients: number;
}

export interface BlockResult {
  /** CSV bytes per table in TABLES order, each line ending with "\n" (empty when no rows). */
  chunks: Uint8Array[];
  /** Rows per table in TABLES order. */
  rows: number[];
  /** TARGET = 1 rows among the block's train clients. */
  defaults: number;
}

const TABLE_SLOT = new Map<TableName, number>(TABLES.map((t, i) => [t.name, i]));
const TRAIN = TABLE_SLOT.get('application_train') as number;
const TEST = TABLE_SLOT.get('application_test') as number;

export function generateBlock(spec: BlockSpec): BlockResult {
  // Bytes per table; about 1 kB of text per client, most of it history.
  const chunks = TABLES.map(() => new ByteChunk(((spec.end - spec.start) << 10) >> 2));
  const bySlot: Record<string, ByteChunk> = {};
  for (const [name, slot] of TABLE_SLOT) bySlot[name] = chunks[slot] as ByteChunk;
  const sink: LineSink = {
    line(table: HistoryTable, csvLine: string) {
      (bySlot[table] as ByteChunk).appendLine(csvLine);
    },
  };
  const train = chunks[TRAIN] as ByteChunk;
  const test = chunks[TEST] as ByteChunk;
  let defaults = 0;
  for (let index = spec.start; index < spec.end; index++) {
    const isTest = index >= spec.trainClients;
    const skIdCurr = FIRST_SK_ID_CURR + index;
    const app = generateApplication(index, skIdCurr, isTest, new Random(spec.seed, index));
    if (isTest) {
      test.appendLine(app.line);
    } else {
      // TARGET is the second column of application_train.
      const comma = app.line.indexOf(',');
      train.appendLine(`${app.line.slice(0, comma)},${app.target}${app.line.slice(comma)}`);
      defaults += app.target;
    }
    generateHistory(app.seed, new Random(spec.seed ^ HISTORY_SEED_MIX, index), sink);
  }
  return { chunks: chunks.map((c) => c.view()), rows: chunks.map((c) => c.lines), defaults };
}
