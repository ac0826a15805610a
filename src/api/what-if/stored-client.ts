/**
 * What-if on a stored client: their application (read once from DuckDB, then kept) with `changes`
 * applied and completed by the loan rule (src/explain/loan-terms.ts, options in `loan`), turned
 * into features in memory by the row evaluator of the training SQL, with the
 * client's stored history features (the in-memory feature table), scored and explained.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { cachedApplicationLoader, loadApplications, whatIfInMemory } from '../../explain/index.ts';
import { recordAudit } from '../audit/record.ts';
import { currentUser } from '../auth/session.ts';
import type { Infer } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { viewOf } from '../explanation/compact.ts';
import { explainingOf } from '../explanation/explaining.ts';
import { badField, type StoredClientBody } from './body.ts';
import { outOfRangeIn, scoredAnswer, WHAT_IF_ACTION } from './scored.ts';

const whatIfAnswer = { $ref: 'WhatIfAnswer#' } as const;

/** The what-if of one server: its stored applications are loaded once per client, then kept. */
export function storedClientWhatIf(app: FastifyInstance) {
  // Queued on the server's one DuckDB connection; the misses of concurrent requests in one query.
  // One per client data: a new feature store swapped in (scoring/served-model.ts) starts afresh.
  const loaders = new WeakMap<object, ReturnType<typeof cachedApplicationLoader>>();

  return async (
    request: FastifyRequest,
    { clientId: id, changes, loan, detail }: StoredClientBody,
  ): Promise<Infer<typeof whatIfAnswer>> => {
    const context = explainingOf(app);
    const { clients } = app.ctx;
    const stored = context.rowOf.get(id);
    if (stored === undefined || !clients?.exists(id)) throw apiError('CLIENT_NOT_FOUND', { id });
    let loader = loaders.get(clients);
    if (!loader) {
      loader = cachedApplicationLoader((many) =>
        clients.withDb((db) => loadApplications(db, many)),
      );
      loaders.set(clients, loader);
    }
    const base = await loader(id).catch((error: unknown) => {
      throw badField('changes', error);
    });
    // The stored history: the model's columns of the in-memory feature table (NaN = missing).
    const history = (_name: string, j: number): number | null | undefined =>
      context.columns[j]?.[stored];
    let edited: ReturnType<typeof whatIfInMemory>;
    try {
      edited = whatIfInMemory(context.scorer, base, changes, history, loan);
    } catch (error) {
      throw badField('changes', error);
    }
    const answer = {
      clientId: id,
      history: 'stored' as const,
      changed: [...edited.changed],
      outOfRange: outOfRangeIn(context, edited.row, stored),
      ...scoredAnswer(context, edited, detail, viewOf(currentUser(request).role)).answer,
    };
    await recordAudit(app, request, {
      action: WHAT_IF_ACTION,
      clientId: id,
      modelVersion: answer.modelVersion,
      inputs: { id, changes, ...(loan ? { loan } : {}) },
      output: { probability: answer.score.probability, decision: answer.score.decision },
    });
    return answer;
  };
}
