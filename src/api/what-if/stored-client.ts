/**
 * What-if on a stored client: their application (read once from DuckDB, then kept) with `changes`
 * applied and completed by the loan rule (src/explain/loan-terms.ts, options in `loan`), turned
 * into features in memory by the row evaluator of the training SQL, with the
 * client's stored history features (the in-memory feature table), scored and explained. A new
 * applicant's (an id of the app store) is their stored application, with no history.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RawApplication } from '../../data/features/application-input.ts';
import type { HistoryLookup } from '../../data/features/what-if.ts';
import { cachedApplicationLoader, loadApplications, whatIfInMemory } from '../../explain/index.ts';
import { isNewClientId, newClientOf } from '../applications/new-clients.ts';
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
    if (isNewClientId(id))
      return newClientWhatIf(app, request, { clientId: id, changes, loan, detail });
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
    return answered(app, request, { clientId: id, changes, loan, detail }, base, history, stored);
  };
}

/**
 * What-if on a new applicant (app store, ../applications/new-clients.ts): their stored application
 * edited as a stored client's is, with no history (every history feature missing, as scored).
 */
async function newClientWhatIf(
  app: FastifyInstance,
  request: FastifyRequest,
  body: StoredClientBody,
): Promise<Infer<typeof whatIfAnswer>> {
  const client = await newClientOf(app, body.clientId);
  if (!client) throw apiError('CLIENT_NOT_FOUND', { id: body.clientId });
  const base = { ...client.stored.application } as RawApplication;
  return answered(app, request, body, base, () => null);
}

/** The edited application scored, explained and audited (`stored`: the client's feature row). */
async function answered(
  app: FastifyInstance,
  request: FastifyRequest,
  { clientId: id, changes, loan, detail }: StoredClientBody,
  base: RawApplication,
  history: HistoryLookup,
  stored?: number,
): Promise<Infer<typeof whatIfAnswer>> {
  const context = explainingOf(app);
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
}
