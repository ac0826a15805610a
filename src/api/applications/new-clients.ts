/**
 * New applicants' files: a client id at or beyond FIRST_NEW_CLIENT_ID is not in the feature store
 * but in the app store's applications (issue 15). This resolver gives the client file's routes what
 * they read for a stored client — the feature row in the served model's order and the score — by
 * scoring the stored raw application again with the ACTIVE model through the row evaluator of the
 * training feature SQL (the same path as POST /api/score's new application; no history). A
 * promoted model re-scores it; the stored `probability` stays what was decided on at the time.
 * Applications never change, so the answers are kept per served model (last 1000).
 */
import type { FastifyInstance } from 'fastify';
import type { RawApplication } from '../../data/features/application-input.ts';
import { featuresInMemory, type HistoryLookup } from '../../data/features/what-if.ts';
import {
  loadApplication,
  type ScoredApplication,
  scoreNewApplication,
  type UnknownFields,
  unknownFieldsOf,
} from '../../explain/index.ts';
import { scoreApplicant } from '../../model/scoring.ts';
import { type Explaining, explainingOf } from '../explanation/explaining.ts';
import { Lru } from '../explanation/lru.ts';
import type { ClientScore } from '../scoring/score-table.ts';
import { FIRST_NEW_CLIENT_ID, type StoredApplication } from '../store/types.ts';

export interface NewClient {
  readonly stored: StoredApplication;
  /** Under the served model: the feature row (its order), raw probability, SHAP values. */
  readonly scored: ScoredApplication;
  readonly score: ClientScore;
}

/** True for an id the app store allocates (never a feature-store SK_ID_CURR). */
export function isNewClientId(id: number): boolean {
  return Number.isSafeInteger(id) && id >= FIRST_NEW_CLIENT_ID;
}

const KEPT = 1000;
const kept = new WeakMap<Explaining, Lru<number, NewClient>>();

/** The score of a scored application under the served model, as ScoreTable.scoreOf answers it. */
export function clientScoreOf(
  context: Explaining,
  clientId: number,
  rawProbability: number,
): ClientScore {
  const { record } = context.scores;
  return {
    clientId,
    ...scoreApplicant(rawProbability, record),
    threshold: record.threshold,
    modelVersion: record.id,
  };
}

/**
 * The new client `id` under the served model, or undefined when `id` is not a stored new
 * application. Throws NOT_READY (503) without a served model, as the stored clients' routes do.
 */
export async function newClientOf(
  app: FastifyInstance,
  id: number,
): Promise<NewClient | undefined> {
  if (!isNewClientId(id)) return undefined;
  const context = explainingOf(app);
  let cache = kept.get(context);
  if (!cache) {
    cache = new Lru(KEPT);
    kept.set(context, cache);
  }
  const hit = cache.get(id);
  if (hit) return hit;
  const stored = await app.ctx.store.applications.get(id);
  if (!stored) return undefined;
  const scored = scoreNewApplication(context.scorer, stored.application);
  const client = { stored, scored, score: clientScoreOf(context, id, scored.rawProbability) };
  cache.set(id, client);
  return client;
}

/** True when `id` is a stored new application (no model needed). */
export async function newClientExists(app: FastifyInstance, id: number): Promise<boolean> {
  return isNewClientId(id) && (await app.ctx.store.applications.get(id)) !== undefined;
}

/**
 * Any client's feature row in the served model's order and score: a stored client's from the
 * in-memory tables, a new applicant's as newClientOf scores it, with the fields their application
 * leaves unknown (information to complete, never reasons, as when it was saved); undefined for an
 * unknown id.
 */
export async function scoredRowOf(
  app: FastifyInstance,
  context: Explaining,
  id: number,
): Promise<{ values: Float64Array; score: ClientScore; unknown?: UnknownFields } | undefined> {
  const row = context.rowOf.get(id);
  const score = context.scores.scoreOf(id);
  if (row !== undefined && score) {
    return { values: Float64Array.from(context.columns, (column) => column[row] as number), score };
  }
  const fresh = await newClientOf(app, id);
  if (!fresh) return undefined;
  return {
    values: fresh.scored.row,
    score: fresh.score,
    unknown: unknownFieldsOf(fresh.scored.application),
  };
}

/**
 * Any client's raw application and history features, for the searches that score it again
 * (recourse, the letter's proposals): a new applicant has no history (every history feature
 * missing, as when it was scored). Undefined for an unknown id.
 */
export async function applicationOf(
  app: FastifyInstance,
  id: number,
): Promise<{ application: RawApplication; history: HistoryLookup } | undefined> {
  if (isNewClientId(id)) {
    const stored = await app.ctx.store.applications.get(id);
    if (!stored) return undefined;
    return { application: { ...stored.application } as RawApplication, history: () => null };
  }
  const { clients } = app.ctx;
  if (!clients?.exists(id)) return undefined;
  return {
    application: await clients.withDb((db) => loadApplication(db, id)),
    history: (feature) => clients.storedValue(id, feature),
  };
}

/** A new applicant's value of any feature of the population, by name (NaN: missing). */
export type FeatureValues = (name: string) => number;

/**
 * A new applicant's feature values for the comparisons (similar clients, distributions, scatter):
 * the application features from the row evaluator, every history feature missing. Undefined when
 * `id` is not a stored new application.
 */
export async function newClientValues(
  app: FastifyInstance,
  id: number,
): Promise<FeatureValues | undefined> {
  if (!isNewClientId(id)) return undefined;
  const stored = await app.ctx.store.applications.get(id);
  if (!stored) return undefined;
  const application = stored.application as RawApplication;
  const values = new Map<string, number>();
  return (name) => {
    let v = values.get(name);
    if (v === undefined) {
      v = featuresInMemory(application, [name], () => null)[0] ?? Number.NaN;
      values.set(name, v);
    }
    return v;
  };
}
