/**
 * GET /api/clients/:id/explanation (every role; a customer their own file): why the model scored
 * the client as it did — exact TreeSHAP contributions in log-odds, points and percentage points
 * (top N and the rest), the same grouped by theme, and up to four adverse and four favourable
 * reasons in French and English (src/explain). The SHAP explainer and the population references
 * are built once per served model, on the first request; the serialised answers of the last
 * ANSWERS_KEPT explanations are kept with them (a stored client's explanation only changes with
 * the model, and a dashboard asks for the same client again and again). Every request is audited,
 * served from the cache or not.
 *
 * POST /api/score: what-if on a stored client, or a new application (staff only), computed in
 * memory by the row evaluator from the training feature SQL (src/data/features/row-eval).
 */
import type { FastifyInstance } from 'fastify';
import { DataError } from '../../data/errors.ts';
import { RowEvalError } from '../../data/features/row-eval/index.ts';
import { ShapExplainer } from '../../engine/index.ts';
import {
  cachedApplicationLoader,
  explainRow,
  loadApplications,
  NEW_APPLICATION_REQUIRED,
  type ReferenceStat,
  referenceStatsOf,
  type ScoredApplication,
  type Scorer,
  scoreNewApplication,
  scorerFromModel,
  whatIfInMemory,
} from '../../explain/index.ts';
import { scoreApplicant } from '../../model/scoring.ts';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import type { ClientRepository } from '../clients/repository.ts';
import { apiError } from '../errors.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';
import type { ScoreTable } from '../scoring/score-table.ts';
import { compactExplanation } from './compact.ts';
import { Lru } from './lru.ts';

export const EXPLANATION_ACTION = 'client.explanation';
export const WHAT_IF_ACTION = 'client.whatif';

/** What one served model needs to explain any client, built once. */
interface Explaining {
  readonly scores: ScoreTable;
  readonly explainer: ShapExplainer;
  /** The same model as a what-if scorer (features by name). */
  readonly scorer: Scorer;
  readonly stats: ReadonlyMap<string, ReferenceStat>;
  /** The model's features as columns of the in-memory feature table. */
  readonly columns: readonly Float64Array[];
  readonly rowOf: ReadonlyMap<number, number>;
  /** Serialised answers by "id/top", with what the audit record needs. */
  readonly answers: Lru<string, CachedAnswer>;
}

interface CachedAnswer {
  readonly json: string;
  readonly probability: number;
  readonly adverse: readonly string[];
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
  const explainer = new ShapExplainer(model);
  return {
    scores,
    explainer,
    scorer: scorerFromModel(model, explainer),
    stats: referenceStatsOf(clients.population()),
    columns,
    rowOf,
    answers: new Lru(ANSWERS_KEPT),
  };
}

const querystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    top: {
      type: 'integer',
      minimum: 1,
      maximum: 50,
      default: 10,
      description: 'contributions listed one by one; the others are summed as "the rest"',
    },
    all: {
      type: 'boolean',
      default: false,
      description: 'also list every unit (contributions.all); large',
    },
  },
} as const;

const anyResult = { type: 'object', additionalProperties: true } as const;

/** Free-form parts, documented in docs/api.md and src/explain (contributions, themes, reasons). */
const part = { type: 'object', additionalProperties: true } as const;

interface WhatIfBody {
  clientId?: number;
  changes?: Record<string, string | number | null>;
  application?: Record<string, string | number | null>;
  detail: 'full' | 'reasons';
}

const fieldValue = {
  anyOf: [{ type: 'string', maxLength: 100 }, { type: 'number' }, { type: 'null' }],
} as const;

/** Either `clientId` + `changes` (a stored client edited) or `application` (a new one). */
const whatIfBody = {
  type: 'object',
  additionalProperties: false,
  dependencies: { clientId: ['changes'], changes: ['clientId'] },
  properties: {
    clientId: { type: 'integer', minimum: 1, maximum: 999_999_999 },
    changes: {
      type: 'object',
      maxProperties: 40,
      description:
        'application fields (as in application_train.csv) and their new values; each is validated (type, range, category set)',
      additionalProperties: fieldValue,
    },
    detail: {
      type: 'string',
      enum: ['full', 'reasons'],
      default: 'full',
      description:
        "'reasons': the score and the reasons only, without contributions and themes (what a form that re-scores as the person types shows; ≈5× smaller)",
    },
    application: {
      type: 'object',
      required: [...NEW_APPLICATION_REQUIRED],
      maxProperties: 150,
      description:
        'a whole new application (advisers and admins): fields as in application_test.csv, each validated as `changes` are; missing fields are NULL; no credit history',
      additionalProperties: fieldValue,
    },
  },
} as const;

const explanationSchema = {
  type: 'object',
  properties: {
    clientId: { type: 'integer' },
    modelVersion: { type: 'string' },
    contributions: part,
    themes: { type: 'array', items: part },
    reasons: part,
  },
} as const;

export async function explanationRoutes(app: FastifyInstance): Promise<void> {
  let cached: Explaining | null = null;
  const explaining = (): Explaining => {
    const { scores, clients, modelProblem } = app.ctx;
    if (!scores || !clients) {
      throw apiError('NOT_READY', { reason: modelProblem ?? 'no active model' });
    }
    if (cached?.scores !== scores) cached = prepare(scores, clients);
    return cached;
  };

  app.get<{ Params: { id: string }; Querystring: { top: number; all: boolean } }>(
    '/api/clients/:id/explanation',
    {
      preHandler: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['scoring'],
        summary: 'Why the model scored the client so: contributions, themes and reasons',
        params: clientIdParams,
        querystring,
        response: { 200: explanationSchema, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const id = Number(request.params.id);
      assertClientAccess(user, id);
      const context = explaining();
      const row = context.rowOf.get(id);
      if (row === undefined) throw apiError('CLIENT_NOT_FOUND', { id });
      const { top, all } = request.query;
      const { model, record } = context.scores;
      const key = `${id}/${top}`;
      let answer = all ? undefined : context.answers.get(key);
      if (answer === undefined) {
        const values = Float64Array.from(context.columns, (column) => column[row] as number);
        const explanation = explainRow(
          context.explainer.explainRow(values),
          model.featureNames,
          values,
          { run: record, stats: context.stats, topN: top },
        );
        answer = {
          json: JSON.stringify({
            clientId: id,
            modelVersion: record.id,
            ...compactExplanation(explanation, all),
          }),
          probability: explanation.contributions.probability,
          adverse: explanation.reasons.adverse.map((r) => r.key),
        };
        if (!all) context.answers.set(key, answer);
      }
      await recordAudit(app, request, {
        action: EXPLANATION_ACTION,
        clientId: id,
        modelVersion: record.id,
        inputs: { id, model: record.id, top },
        output: { probability: answer.probability, adverse: [...answer.adverse] },
      });
      // Already JSON: sent as is (the response schema documents it).
      return reply.type('application/json; charset=utf-8').send(answer.json);
    },
  );

  // One loader per server: a client's stored application, read once from DuckDB (queued on the
  // server's one connection) then kept; the features are computed in memory (row evaluator).
  let loader: ReturnType<typeof cachedApplicationLoader> | null = null;

  /** A DataError (or an overflow the SQL would raise too) of a what-if as a 400 naming the field. */
  const badField = (part: 'changes' | 'application') => (error: unknown) => {
    if (error instanceof DataError) {
      const field = error.where.column ?? part;
      return apiError('BAD_REQUEST', { field: `body.${part}.${field}`, reason: error.message });
    }
    if (error instanceof RowEvalError) {
      return apiError('BAD_REQUEST', { field: `body.${part}`, reason: error.message });
    }
    return error;
  };

  app.post<{ Body: WhatIfBody }>(
    '/api/score',
    {
      preHandler: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['scoring'],
        summary:
          "What-if: a client's application with some fields changed, or a new application, scored and explained",
        body: whatIfBody,
        response: { 200: anyResult, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { clientId: id, changes, application, detail } = request.body;
      if (application !== undefined && id !== undefined) {
        throw apiError('BAD_REQUEST', {
          field: 'body.application',
          reason: 'give either clientId and changes, or application',
        });
      }
      if (application === undefined && (id === undefined || changes === undefined)) {
        throw apiError('BAD_REQUEST', { field: 'body.clientId', reason: 'required' });
      }
      // A customer may edit their own file only, never score someone new.
      if (application !== undefined && user.role === 'customer') {
        throw apiError('FORBIDDEN_ROLE', { role: user.role });
      }
      if (id !== undefined) assertClientAccess(user, id);
      const context = explaining();
      const { record } = context.scores;
      let result: ScoredApplication;
      let changed: unknown;
      let clientId: number | null;
      if (application !== undefined) {
        try {
          result = scoreNewApplication(context.scorer, application);
        } catch (error) {
          throw badField('application')(error);
        }
        const given = application.SK_ID_CURR;
        clientId = typeof given === 'number' ? given : null;
      } else {
        const clients = app.ctx.clients;
        const stored = id === undefined ? undefined : context.rowOf.get(id);
        if (id === undefined || stored === undefined || !clients?.exists(id)) {
          throw apiError('CLIENT_NOT_FOUND', { id: id ?? 0 });
        }
        loader ??= cachedApplicationLoader((many) =>
          clients.withDb((db) => loadApplications(db, many)),
        );
        const base = await loader(id).catch((error: unknown) => {
          throw badField('changes')(error);
        });
        // The stored history: the model's columns of the in-memory feature table (NaN = missing).
        const history = (_name: string, j: number): number | null | undefined =>
          context.columns[j]?.[stored];
        try {
          const edited = whatIfInMemory(context.scorer, base, changes ?? {}, history);
          result = edited;
          changed = edited.changed;
        } catch (error) {
          throw badField('changes')(error);
        }
        clientId = id;
      }
      const score = scoreApplicant(result.rawProbability, record);
      const explanation = explainRow(
        result.shap ?? context.explainer.explainRow(result.row),
        context.scorer.featureNames,
        result.row,
        { run: record, stats: context.stats },
      );
      await recordAudit(app, request, {
        action: WHAT_IF_ACTION,
        clientId,
        modelVersion: record.id,
        inputs: application !== undefined ? { application } : { id: clientId, changes },
        output: { probability: score.probability, decision: score.decision },
      });
      return {
        clientId,
        modelVersion: record.id,
        history: application !== undefined ? 'none' : 'stored',
        ...(changed === undefined ? {} : { changed }),
        score: { ...score, threshold: record.threshold },
        ...(detail === 'reasons'
          ? { reasons: explanation.reasons }
          : compactExplanation(explanation, false)),
      };
    },
  );
}
