/**
 * The text of a run's model.json, whatever the model's kind: the engine's format
 * (`creditlens-gbdt`, src/engine/model.ts) for trees, and `creditlens-logistic` for logistic
 * regression — { format, version, featureNames, C, columns, coef, intercept, encoding?, checksum },
 * the checksum being the SHA-256 of the JSON of everything before it. Numbers are written exactly
 * (JSON keeps float64 round-trips), so a loaded model scores bit for bit as the saved one.
 */
import { createHash } from 'node:crypto';
import { parseModel, serializeModel } from '../../engine/index.ts';
import type { DesignColumn } from '../training/logistic/preprocess.ts';
import type { LogisticParts } from './logistic-parts.ts';
import { logisticScoringModel } from './logistic-scoring.ts';
import { type ScoringModel, treesScoringModel } from './scoring-model.ts';

export const LOGISTIC_FORMAT = 'creditlens-logistic';
export const LOGISTIC_VERSION = 1;

function bodyOf(parts: LogisticParts): Record<string, unknown> {
  return {
    format: LOGISTIC_FORMAT,
    version: LOGISTIC_VERSION,
    featureNames: [...parts.featureNames],
    C: parts.C,
    columns: parts.columns.map((c) => ({
      source: c.source,
      kind: c.kind,
      fill: c.fill,
      mean: c.mean,
      scale: c.scale,
    })),
    coef: [...parts.coef],
    intercept: parts.intercept,
    ...(parts.encoding === undefined ? {} : { encoding: parts.encoding }),
  };
}

const checksumOf = (body: Record<string, unknown>) =>
  createHash('sha256').update(JSON.stringify(body)).digest('hex');

/** model.json of a served model. */
export function serializeScoringModel(model: ScoringModel): string {
  if (model.kind === 'trees') return serializeModel(model.engine);
  const body = bodyOf(model.logistic);
  return `${JSON.stringify({ ...body, checksum: checksumOf(body) })}\n`;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function parseColumn(value: unknown, at: number): DesignColumn {
  const c = value as Partial<DesignColumn> | null;
  if (
    c === null ||
    typeof c !== 'object' ||
    !Number.isInteger(c.source) ||
    (c.kind !== 'value' && c.kind !== 'missing') ||
    !isNumber(c.fill) ||
    !isNumber(c.mean) ||
    !isNumber(c.scale)
  ) {
    throw new Error(`columns[${at}] is not a design column { source, kind, fill, mean, scale }`);
  }
  return { source: c.source as number, kind: c.kind, fill: c.fill, mean: c.mean, scale: c.scale };
}

function parseLogistic(json: Record<string, unknown>): ScoringModel {
  if (json.version !== LOGISTIC_VERSION) {
    throw new Error(
      `logistic model version ${String(json.version)} (this code reads ${LOGISTIC_VERSION})`,
    );
  }
  const { checksum, ...body } = json;
  if (checksum !== checksumOf(body)) throw new Error('checksum mismatch: the file was altered');
  const { featureNames, C, columns, coef, intercept, encoding } = body;
  if (!Array.isArray(featureNames) || !featureNames.every((n) => typeof n === 'string')) {
    throw new Error('featureNames must be a list of names');
  }
  if (!Array.isArray(columns) || !Array.isArray(coef) || !coef.every(isNumber)) {
    throw new Error('columns and coef must be lists');
  }
  if (!isNumber(C) || !isNumber(intercept)) throw new Error('C and intercept must be numbers');
  return logisticScoringModel({
    featureNames,
    C,
    columns: columns.map(parseColumn),
    coef,
    intercept,
    ...(encoding !== null && typeof encoding === 'object'
      ? { encoding: encoding as Record<string, unknown> }
      : {}),
  });
}

/** Reads model.json of either kind; throws an Error saying what is wrong. */
export function parseScoringModel(text: string): ScoringModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null; // the engine's parser words a syntax error its own way
  }
  if (
    json !== null &&
    typeof json === 'object' &&
    (json as { format?: unknown }).format === LOGISTIC_FORMAT
  ) {
    return parseLogistic(json as Record<string, unknown>);
  }
  return treesScoringModel(parseModel(text));
}
