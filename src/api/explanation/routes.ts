/**
 * GET /api/clients/:id/explanation (every role; a customer their own file): why the model scored
 * the client as it did — exact TreeSHAP contributions in log-odds, points and percentage points
 * (top N and the rest), the same grouped by theme, and up to four adverse and four favourable
 * reasons in French and English (src/explain). The SHAP explainer and the population references
 * are built once per served model, on the first request.
 */
import type { FastifyInstance } from 'fastify';
import { DataError } from '../../data/errors.ts';
import { ShapExplainer } from '../../engine/index.ts';
import {
  cachedApplicationLoader,
  type Explanation,
  explainRow,
  type ReferenceStat,
  referenceStatsOf,
  type Scorer,
  scorerFromModel,
  whatIf,
} from '../../explain/index.ts';
import { scoreApplicant } from '../../model/scoring.ts';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import type { ClientRepository } from '../clients/repository.ts';
import { apiError } from '../errors.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';
import type { ScoreTable } from '../scoring/score-table.ts';

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
}

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
  };
}

/** Units listed per theme in the answer (the rest of a theme is summed in its totals). */
const UNITS_PER_THEME = 8;

/**
 * The explanation as served: without `contributions.all` (every unit, ~150 KB) unless asked, and
 * each theme with its largest units only; sums stay exact (themes carry their own totals).
 */
function compact(explanation: Explanation, withAll: boolean) {
  const { all, ...contributions } = explanation.contributions;
  return {
    contributions: withAll ? { ...contributions, all } : contributions,
    themes: explanation.themes.map((t) => ({
      ...t,
      count: t.contributions.length,
      contributions: t.contributions.slice(0, UNITS_PER_THEME),
    })),
    reasons: explanation.reasons,
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
  clientId: number;
  changes: Record<string, string | number | null>;
}

const whatIfBody = {
  type: 'object',
  required: ['clientId', 'changes'],
  additionalProperties: false,
  properties: {
    clientId: { type: 'integer', minimum: 1, maximum: 999_999_999 },
    changes: {
      type: 'object',
      maxProperties: 40,
      description:
        'application fields (as in application_train.csv) and their new values; each is validated (type, range, category set)',
      additionalProperties: {
        anyOf: [{ type: 'string', maxLength: 100 }, { type: 'number' }, { type: 'null' }],
      },
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
    async (request) => {
      const user = currentUser(request);
      const id = Number(request.params.id);
      assertClientAccess(user, id);
      const context = explaining();
      const row = context.rowOf.get(id);
      if (row === undefined) throw apiError('CLIENT_NOT_FOUND', { id });
      const values = Float64Array.from(context.columns, (column) => column[row] as number);
      const { model, record } = context.scores;
      const explanation = explainRow(
        context.explainer.explainRow(values),
        model.featureNames,
        values,
        { run: record, stats: context.stats, topN: request.query.top },
      );
      await recordAudit(app, request, {
        action: EXPLANATION_ACTION,
        clientId: id,
        modelVersion: record.id,
        inputs: { id, model: record.id, top: request.query.top },
        output: {
          probability: explanation.contributions.probability,
          adverse: explanation.reasons.adverse.map((r) => r.key),
        },
      });
      return { clientId: id, modelVersion: record.id, ...compact(explanation, request.query.all) };
    },
  );

  // One loader per server: a client's stored application, read once from DuckDB then reused.
  let loader: ReturnType<typeof cachedApplicationLoader> | null = null;

  app.post<{ Body: WhatIfBody }>(
    '/api/score',
    {
      preHandler: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['scoring'],
        summary: "What-if: the client's application with some fields changed, scored and explained",
        body: whatIfBody,
        response: { 200: anyResult, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { clientId: id, changes } = request.body;
      assertClientAccess(user, id);
      const context = explaining();
      const clients = app.ctx.clients;
      if (!clients?.exists(id)) throw apiError('CLIENT_NOT_FOUND', { id });
      const { record } = context.scores;
      const result = await clients
        .withDb((db) => {
          loader ??= cachedApplicationLoader(db);
          return whatIf(db, context.scorer, id, changes, {
            load: loader,
            storedHistory: (feature) => clients.storedValue(id, feature),
          });
        })
        .catch((error: unknown) => {
          if (error instanceof DataError) {
            const field = error.where.column ?? 'changes';
            throw apiError('BAD_REQUEST', {
              field: `body.changes.${field}`,
              reason: error.message,
            });
          }
          throw error;
        });
      const score = scoreApplicant(result.rawProbability, record);
      const explanation = explainRow(
        result.shap ?? context.explainer.explainRow(result.row),
        context.scorer.featureNames,
        result.row,
        { run: record, stats: context.stats },
      );
      await recordAudit(app, request, {
        action: WHAT_IF_ACTION,
        clientId: id,
        modelVersion: record.id,
        inputs: { id, changes },
        output: { probability: score.probability, decision: score.decision },
      });
      return {
        clientId: id,
        modelVersion: record.id,
        changed: result.changed,
        score: { ...score, threshold: record.threshold },
        ...compact(explanation, false),
      };
    },
  );
}
