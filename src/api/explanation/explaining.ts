/**
 * What one served model needs to explain any client — the SHAP explainer, the same model as a
 * what-if scorer, the population references and feature ranges, the model's feature columns and
 * the explanation route's answer cache — built once per served model, on the first request that
 * needs it, and shared by the explanation and what-if routes. A promoted model brings a new
 * ScoreTable, so a fresh preparation (and an empty cache).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  type FeatureRange,
  featureRangesOf,
  type ReferenceStat,
  referenceStatsOf,
  type Scorer,
  scorerFromModel,
} from '../../explain/index.ts';
import type { ContributionExplainer } from '../../model/scoring-model/index.ts';
import type { ClientRepository } from '../clients/repository.ts';
import { apiError } from '../errors.ts';
import type { ScoreTable } from '../scoring/score-table.ts';
import { Lru } from './lru.ts';

export interface Explaining {
  readonly scores: ScoreTable;
  /** The served model's contributions: TreeSHAP, or the exact linear ones of LR. */
  readonly explainer: ContributionExplainer;
  /** The same model as a what-if scorer (features by name), sharing the explainer. */
  readonly scorer: Scorer;
  readonly stats: ReadonlyMap<string, ReferenceStat>;
  /**
   * The 1st–99th percentiles of the model's application features among the train clients of the
   * served population: beyond them a what-if is outside the situations the model knows.
   */
  readonly ranges: ReadonlyMap<string, FeatureRange>;
  /** The model's features as columns of the in-memory feature table (NaN = missing). */
  readonly columns: readonly Float64Array[];
  /** A client's row in `columns`, by SK_ID_CURR. */
  readonly rowOf: ReadonlyMap<number, number>;
  /** The explanation route's serialised answers by "id/top/view", with what the audit needs. */
  readonly answers: Lru<string, CachedAnswer>;
}

export interface CachedAnswer {
  /** The answer as sent: serialised by the route's response schema (Explanation). */
  readonly json: ReturnType<FastifyReply['serialize']>;
  readonly probability: number;
  readonly adverse: readonly string[];
  /** The codes of the client view's adverse reasons. */
  readonly told: readonly string[];
}

/** Explanations kept per model (≈45 KB each: ≈22 MB at most). `?all=true` answers are not kept. */
const ANSWERS_KEPT = 500;

function prepare(scores: ScoreTable, clients: ClientRepository): Explaining {
  const { model } = scores;
  const { ids, columns } = clients.featureColumns(model.featureNames);
  const rowOf = new Map<number, number>();
  ids.forEach((id, row) => {
    rowOf.set(id, row);
  });
  const explainer = model.explainer();
  const population = clients.population();
  return {
    scores,
    explainer,
    scorer: scorerFromModel(model, explainer),
    stats: referenceStatsOf(population),
    ranges: featureRangesOf(population, model.featureNames),
    columns,
    rowOf,
    answers: new Lru(ANSWERS_KEPT),
  };
}

/** One preparation per served model (a server's ScoreTable: its model over its clients). */
const prepared = new WeakMap<ScoreTable, Explaining>();

/** The served model's preparation, built on first use; 503 NOT_READY without a model. */
export function explainingOf(app: FastifyInstance): Explaining {
  const { scores, clients, modelProblem } = app.ctx;
  if (!scores || !clients) {
    throw apiError('NOT_READY', { reason: modelProblem ?? 'no active model' });
  }
  let explaining = prepared.get(scores);
  if (!explaining) {
    explaining = prepare(scores, clients);
    prepared.set(scores, explaining);
  }
  return explaining;
}
