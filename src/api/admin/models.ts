/**
 * Model administration (admin only): the registry's runs, any run's model card, and promoting one. A promotion loads
 * the run, scores every client with it (the new ScoreTable), marks it active in the registry and
 * only then swaps the served model, so a failure at any step leaves the old model served and
 * active; requests in flight finish on the old table (see ../scoring/served-model.ts).
 */
import type { FastifyInstance } from 'fastify';
import { DataError } from '../../data/errors.ts';
import { ModelError } from '../../model/errors.ts';
import { listRuns, loadRun, promoteRun, type RunSummary } from '../../model/registry/index.ts';
import { RUN_ID_PATTERN } from '../../model/registry/run-id.ts';
import type { RunRecord } from '../../model/run-record.ts';
import { recordAudit } from '../audit/record.ts';
import { requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { errorResponses } from '../schemas.ts';
import { modelCardOf } from '../scoring/model-card.ts';
import { ScoreTable } from '../scoring/score-table.ts';

const runIdParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: RUN_ID_PATTERN.source } },
} as const;

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

export async function modelAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  const { modelsDir } = fastify.ctx.config;

  /** The registry's runs, newest first; none when nothing was ever trained. */
  async function runs(): Promise<RunSummary[]> {
    try {
      return await listRuns(modelsDir);
    } catch (error) {
      if (error instanceof ModelError && error.code === 'MISSING_MODELS_DIR') return [];
      if (error instanceof ModelError) throw apiError('NOT_READY', { reason: error.message });
      throw error;
    }
  }

  app.get(
    '/api/admin/models',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: "The registry's runs, newest first: metrics summary, active and served flags",
        response: {
          200: { $ref: 'ModelList#' },
          ...errorResponses(401, 403, 503),
        },
      },
    },
    async (request) => {
      const served = fastify.ctx.scores?.record.id ?? null;
      const models = (await runs()).map((r) => ({
        ...r,
        holdoutAuc: finiteOrNull(r.holdoutAuc),
        holdoutCost: finiteOrNull(r.holdoutCost),
        served: r.id === served,
      }));
      await recordAudit(app, request, {
        action: 'admin.models.list',
        modelVersion: served,
        inputs: {},
        output: { count: models.length },
      });
      return { served, models };
    },
  );

  app.get(
    '/api/admin/models/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: "A run's model card, served or not (what GET /api/model says of the served one)",
        params: runIdParams,
        response: {
          200: { $ref: 'ModelCard#' },
          ...errorResponses(400, 401, 403, 404, 409, 503),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      // Only a listed id: loadRun would also take a prefix, and the card names one run.
      if (!(await runs()).some((r) => r.id === id)) throw apiError('MODEL_NOT_FOUND', { id });
      let record: RunRecord;
      try {
        record = (await loadRun(modelsDir, id)).record;
      } catch (error) {
        if (error instanceof ModelError)
          throw apiError('MODEL_UNUSABLE', { id, reason: error.message });
        throw error;
      }
      await recordAudit(app, request, {
        action: 'admin.model.card',
        modelVersion: id,
        inputs: { id },
        output: { chosen: record.chosen },
      });
      return modelCardOf(record);
    },
  );

  app.post(
    '/api/admin/models/:id/promote',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Makes a run active and serves it at once, without a restart',
        params: runIdParams,
        response: {
          200: { $ref: 'Promotion#' },
          ...errorResponses(400, 401, 403, 404, 409, 503),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { clients, clientsProblem, served } = fastify.ctx;
      if (!clients) throw apiError('NOT_READY', { reason: clientsProblem ?? 'no client data' });
      const result = await served.exclusive(async () => {
        if (!(await runs()).some((r) => r.id === id)) throw apiError('MODEL_NOT_FOUND', { id });
        const previous = served.scores;
        let table = previous;
        if (previous?.record.id !== id) {
          try {
            table = await ScoreTable.compute(clients, await loadRun(modelsDir, id));
          } catch (error) {
            // A corrupt run, or one needing features the table lacks: the caller chose it.
            if (error instanceof ModelError || error instanceof DataError) {
              throw apiError('MODEL_UNUSABLE', { id, reason: error.message });
            }
            throw error;
          }
        }
        await promoteRun(modelsDir, id);
        if (table && table !== previous) served.swap(table);
        return { served: id, previous: previous?.record.id ?? null, clients: table?.size ?? 0 };
      });
      await recordAudit(app, request, {
        action: 'admin.model.promote',
        modelVersion: id,
        inputs: { id },
        output: { previous: result.previous, clients: result.clients },
      });
      return result;
    },
  );
}
