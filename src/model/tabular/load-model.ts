import { readFile } from 'node:fs/promises';
import type { ProgressFactory } from '../../data/progress.ts';
import { EngineError, type Model, parseAnyModel } from '../../engine/index.ts';
import { ModelError } from '../errors.ts';
import { readTabularEncoding, type TabularEncoding } from './encoding.ts';
import { readScoringCsv, type ScoringTable } from './tables.ts';

/** A model file read for scoring, with its column encoding when it has one. */
export interface LoadedModel {
  readonly model: Model;
  readonly encoding: TabularEncoding | undefined;
}

/**
 * Reads a creditlens model or an XGBoost JSON model (save_model("model.json")). A file that
 * cannot be read or is not a model throws a ModelError naming the file and the problem.
 */
export async function loadModelFile(file: string): Promise<LoadedModel> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ModelError('MISSING_FILE', { file, reason: (error as Error).message });
  }
  let model: Model;
  try {
    model = parseAnyModel(text);
  } catch (error) {
    // The engine's message says what is wrong; the user also needs to know which file.
    if (error instanceof EngineError) {
      throw new ModelError('BAD_MODEL_FILE', { file, detail: error.message }, { cause: error });
    }
    throw error;
  }
  return { model, encoding: readTabularEncoding(model.encoding, model.featureNames) };
}

/** A model and the file to score with it, encoded alike. */
export interface ScoringInput extends LoadedModel {
  readonly table: ScoringTable;
}

/**
 * Loads `modelFile` and reads `inputFile` into the model's feature matrix (see readScoringCsv).
 * `id` overrides the id column recorded at training time.
 */
export async function loadScoringInput(
  modelFile: string,
  inputFile: string,
  id?: string,
  progress?: ProgressFactory,
): Promise<ScoringInput> {
  const loaded = await loadModelFile(modelFile);
  const table = await readScoringCsv(
    inputFile,
    loaded.model.featureNames,
    loaded.encoding,
    id,
    progress,
  );
  return { ...loaded, table };
}
