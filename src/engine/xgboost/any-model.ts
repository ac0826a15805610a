import { EngineError } from '../errors.ts';
import { type Model, parseModel } from '../model.ts';
import { parseXgboostModel, type XgboostImportOptions } from './import-model.ts';

/**
 * Reads either of the model files we serve: our own format (`"format": "creditlens-gbdt"`) or an
 * XGBoost JSON model (a top-level `"learner"` object), telling them apart by their shape. Other
 * text throws an `EngineError` (NOT_A_MODEL) that names both accepted formats.
 */
export function parseAnyModel(text: string, options: XgboostImportOptions = {}): Model {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EngineError('BAD_MODEL', {
      detail: `not valid JSON (${(error as Error).message})`,
    });
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    if ('format' in json) return parseModel(text);
    if ('learner' in json) return parseXgboostModel(text, options);
  }
  throw new EngineError('NOT_A_MODEL', {});
}
