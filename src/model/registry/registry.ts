/**
 * The model registry: every training run saved as a directory `<modelsDir>/<id>/` holding
 * model.json (the served model: trees or logistic regression), run.json (the RunRecord), card.md and card.html, plus
 * `<modelsDir>/registry.json` naming the runs and the one active model. Writes are atomic (the
 * run directory appears complete, registry.json is replaced whole), so a server reading while a
 * training saves never sees half a model.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Model } from '../../engine/index.ts';
import { renderModelCardHtml, renderModelCardMarkdown } from '../card/index.ts';
import { ModelError } from '../errors.ts';
import { scoreBandsAt } from '../evaluation/score-scale.ts';
import type { RunDraft, RunRecord } from '../run-record.ts';
import {
  asScoringModel,
  parseScoringModel,
  type ScoringModel,
  serializeScoringModel,
} from '../scoring-model/index.ts';
import { writeDirectoryAtomic } from './atomic-write.ts';
import { codeVersion } from './code-version.ts';
import {
  REGISTRY_FILE,
  type RegistryState,
  type RunSummary,
  readRegistry,
  summaryOf,
  writeRegistry,
} from './registry-file.ts';
import { withRegistryLock } from './registry-lock.ts';
import { isRunId, newRunId } from './run-id.ts';

/** What the training pipeline hands over (TrainingOutcome of src/model/training). */
export interface SavableRun {
  /** The served model: trees or logistic regression (an engine model counts as trees). */
  readonly model: ScoringModel | Model;
  readonly draft: RunDraft;
}

export interface SaveOptions {
  /**
   * true: make the new run the active one; false: never; absent: only when no run is active yet
   * (the first model of a fresh installation is served at once).
   */
  readonly activate?: boolean;
  /** Clock for the identifier (tests). */
  readonly now?: Date;
}

export interface LoadedRun {
  readonly record: RunRecord;
  /** The served model, whichever kind the run chose (record.chosen). */
  readonly model: ScoringModel;
}

export const RUN_FILES = {
  model: 'model.json',
  record: 'run.json',
  cardMarkdown: 'card.md',
  cardHtml: 'card.html',
} as const;

function requireModelsDir(modelsDir: string): void {
  if (!existsSync(modelsDir) || !statSync(modelsDir).isDirectory()) {
    throw new ModelError('MISSING_MODELS_DIR', { file: modelsDir });
  }
}

/** The id the user meant: an exact id, or an unambiguous prefix of one. */
function resolveId(modelsDir: string, state: RegistryState, id: string): string {
  if (state.models.some((m) => m.id === id)) return id;
  const matches = state.models.filter((m) => id.length > 0 && m.id.startsWith(id));
  if (matches.length === 1) return (matches[0] as RunSummary).id;
  const known = state.models.map((m) => m.id).slice(-5);
  const hint =
    matches.length > 1
      ? `"${id}" matches ${matches.length} models; give more of the id`
      : known.length === 0
        ? 'the registry is empty'
        : `known: ${known.join(', ')}${state.models.length > known.length ? ', …' : ''}`;
  throw new ModelError('UNKNOWN_MODEL', { value: id, dir: modelsDir, hint });
}

/** Stores a finished training run; returns its record (with id and code version). */
export async function saveRun(
  modelsDir: string,
  outcome: SavableRun,
  options: SaveOptions = {},
): Promise<RunRecord> {
  await mkdir(modelsDir, { recursive: true });
  const state = await readRegistry(modelsDir); // a corrupt registry stops us before any write
  let id = newRunId(options.now);
  while (state.models.some((m) => m.id === id) || existsSync(join(modelsDir, id))) {
    id = newRunId(options.now);
  }
  const record: RunRecord = { ...outcome.draft, id, codeVersion: await codeVersion() };
  const runDir = join(modelsDir, id);
  await writeDirectoryAtomic(runDir, {
    [RUN_FILES.model]: () => serializeScoringModel(asScoringModel(outcome.model)),
    [RUN_FILES.record]: () => `${JSON.stringify(record, null, 2)}\n`,
    [RUN_FILES.cardMarkdown]: () => renderModelCardMarkdown(record),
    [RUN_FILES.cardHtml]: () => renderModelCardHtml(record),
  });
  try {
    await withRegistryLock(modelsDir, async () => {
      // Re-read under the lock: another save or promote may have finished meanwhile.
      const current = await readRegistry(modelsDir);
      const activate = options.activate ?? current.active === null;
      await writeRegistry(modelsDir, {
        active: activate ? id : current.active,
        models: [...current.models, summaryOf(record)],
      });
    });
  } catch (error) {
    // Without its registry entry the run is unreachable: take it back out.
    await rm(runDir, { recursive: true, force: true });
    throw error;
  }
  return record;
}

/** Every saved run, newest first, with the active one flagged. */
export async function listRuns(modelsDir: string): Promise<RunSummary[]> {
  requireModelsDir(modelsDir);
  const state = await readRegistry(modelsDir);
  return state.models.map((m) => ({ ...m, active: m.id === state.active })).reverse();
}

async function readRunFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ModelError('MISSING_RUN_FILE', { file });
    }
    throw error;
  }
}

function parseRecord(file: string, text: string, id: string): RunRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ModelError('CORRUPT_RUN', {
      file,
      detail: `not valid JSON (${(error as Error).message})`,
    });
  }
  const record = json as Partial<RunRecord> | null;
  if (record === null || typeof record !== 'object' || record.format !== 'creditlens-run') {
    throw new ModelError('CORRUPT_RUN', { file, detail: 'not a creditlens run record' });
  }
  if (record.version !== 1) {
    throw new ModelError('RUN_VERSION', { file, version: String(record.version), supported: 1 });
  }
  if (record.id !== id) {
    throw new ModelError('CORRUPT_RUN', {
      file,
      detail: `its id is "${String(record.id)}", expected "${id}"`,
    });
  }
  return withSettingsDefaults(record as RunRecord);
}

/**
 * A record written before runs listed their monotone constraints and comparisons (same version 1):
 * read as what it was, a model without constraints and without comparisons. One written before
 * bands knew the threshold (bands without a decision, the "fair" band straddling it) gets the
 * bands of its threshold, so that no band holds both granted and refused clients.
 */
function withSettingsDefaults(record: RunRecord): RunRecord {
  const partial = record as Partial<
    Pick<RunRecord, 'monotone' | 'clientExplainableOnly' | 'comparisons'>
  >;
  const bandsKnowTheThreshold = record.scoreBands.every((b) => b.decision !== undefined);
  return {
    ...record,
    monotone: partial.monotone ?? { enabled: false, constraints: [], learned: [] },
    clientExplainableOnly: partial.clientExplainableOnly ?? false,
    comparisons: partial.comparisons ?? [],
    scoreBands: bandsKnowTheThreshold
      ? record.scoreBands
      : scoreBandsAt(record.threshold, record.scoreScale),
  };
}

/** The record and engine model of run `id` (or an unambiguous prefix of it). */
export async function loadRun(modelsDir: string, id: string): Promise<LoadedRun> {
  requireModelsDir(modelsDir);
  const resolved = resolveId(modelsDir, await readRegistry(modelsDir), id);
  if (!isRunId(resolved)) {
    throw new ModelError('CORRUPT_REGISTRY', {
      file: join(modelsDir, REGISTRY_FILE),
      detail: `it holds a bad id "${resolved}"`,
    });
  }
  const runDir = join(modelsDir, resolved);
  const recordFile = join(runDir, RUN_FILES.record);
  const record = parseRecord(recordFile, await readRunFile(recordFile), resolved);
  const modelFile = join(runDir, RUN_FILES.model);
  const modelText = await readRunFile(modelFile);
  let model: ScoringModel;
  try {
    model = parseScoringModel(modelText);
  } catch (error) {
    throw new ModelError(
      'CORRUPT_MODEL',
      { file: modelFile, detail: (error as Error).message },
      { cause: error },
    );
  }
  return { record, model };
}

/** The run the product serves, or null when none is active (or nothing was ever trained). */
export async function loadActiveRun(modelsDir: string): Promise<LoadedRun | null> {
  if (!existsSync(modelsDir)) return null;
  const state = await readRegistry(modelsDir);
  return state.active === null ? null : loadRun(modelsDir, state.active);
}

/** Makes run `id` the active one, after checking it loads; returns its full id. */
export async function promoteRun(modelsDir: string, id: string): Promise<string> {
  const { record } = await loadRun(modelsDir, id);
  await withRegistryLock(modelsDir, async () => {
    const state = await readRegistry(modelsDir);
    await writeRegistry(modelsDir, { ...state, active: record.id });
  });
  return record.id;
}
