/**
 * `registry.json`: which runs exist (newest last, as saved) and which one is active. Small and
 * rewritten whole (atomically) on every change; the run directories hold the rest.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelError } from '../errors.ts';
import type { CandidateName, RunRecord } from '../run-record.ts';
import { writeFileAtomic } from './atomic-write.ts';

export const REGISTRY_FILE = 'registry.json';

/** What `models list` shows of a run, without opening its directory. */
export interface RunSummary {
  readonly id: string;
  readonly createdAt: string;
  readonly chosen: CandidateName;
  /** Where the training data came from: the feature table or a CSV file. */
  readonly source: RunRecord['source']['kind'];
  /** Holdout ROC-AUC of the chosen candidate. */
  readonly holdoutAuc: number;
  /** Holdout normalised cost of the chosen candidate (< 1 beats the best trivial policy). */
  readonly holdoutCost: number;
  readonly threshold: number;
  /** True for the one run the product serves. */
  readonly active: boolean;
}

export type StoredSummary = Omit<RunSummary, 'active'>;

export interface RegistryState {
  readonly active: string | null;
  /** In the order saved (oldest first). */
  readonly models: readonly StoredSummary[];
}

export const EMPTY_REGISTRY: RegistryState = { active: null, models: [] };

/** The summary of a record, as kept in registry.json. */
export function summaryOf(record: RunRecord): StoredSummary {
  const chosen = record.candidates.find((c) => c.name === record.chosen);
  return {
    id: record.id,
    createdAt: record.createdAt,
    chosen: record.chosen,
    source: record.source.kind,
    holdoutAuc: chosen?.holdout.rocAuc ?? Number.NaN,
    holdoutCost: chosen?.holdout.normalisedCost ?? Number.NaN,
    threshold: record.threshold,
  };
}

function corrupt(file: string, detail: string): ModelError {
  return new ModelError('CORRUPT_REGISTRY', { file, detail });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Checks the parsed JSON has the registry's shape; names the file and the fault. */
function validate(file: string, json: unknown): RegistryState {
  if (!isObject(json)) throw corrupt(file, 'expected a JSON object');
  const { active, models } = json;
  if (!Array.isArray(models)) throw corrupt(file, '"models" must be an array');
  models.forEach((entry, i) => {
    if (!isObject(entry) || typeof entry.id !== 'string') {
      throw corrupt(file, `models[${i}] has no string "id"`);
    }
  });
  if (active !== null && typeof active !== 'string') {
    throw corrupt(file, '"active" must be a model id or null');
  }
  if (typeof active === 'string' && !models.some((m) => (m as StoredSummary).id === active)) {
    throw corrupt(file, `the active model "${active}" is not among "models"`);
  }
  return { active, models: models as StoredSummary[] };
}

/** The registry of `modelsDir`; an empty one when the directory has no registry.json yet. */
export async function readRegistry(modelsDir: string): Promise<RegistryState> {
  const file = join(modelsDir, REGISTRY_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_REGISTRY;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, `not valid JSON (${(error as Error).message})`);
  }
  return validate(file, json);
}

export async function writeRegistry(modelsDir: string, state: RegistryState): Promise<void> {
  await writeFileAtomic(join(modelsDir, REGISTRY_FILE), `${JSON.stringify(state, null, 2)}\n`);
}
