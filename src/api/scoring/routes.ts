/** GET /api/clients/:id/score (every role; a customer their own) and GET /api/model (staff). */
import type { FastifyInstance } from 'fastify';
import { newClientOf } from '../applications/new-clients.ts';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';
import { modelCardOf } from './model-card.ts';
import type { ScoreTable } from './score-table.ts';

function scores(app: FastifyInstance): ScoreTable {
  const { scores, modelProblem } = app.ctx;
  if (!scores) throw apiError('NOT_READY', { reason: modelProblem ?? 'no active model' });
  return scores;
}

export async function scoringRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  app.get(
    '/api/clients/:id/score',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['scoring'],
        summary: "The client's calibrated probability of default, points, band and decision",
        params: clientIdParams,
        response: { 200: { $ref: 'Score#' }, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const id = Number(request.params.id);
      assertClientAccess(user, id);
      const table = scores(fastify);
      const score = table.scoreOf(id) ?? (await newClientOf(fastify, id))?.score;
      if (!score) throw apiError('CLIENT_NOT_FOUND', { id });
      await recordAudit(app, request, {
        action: 'client.score',
        clientId: id,
        modelVersion: score.modelVersion,
        inputs: { id, model: score.modelVersion },
        output: { probability: score.probability, points: score.points, decision: score.decision },
      });
      // The bands travel with the score: a customer cannot read the model card.
      return {
        ...score,
        scoreScale: table.record.scoreScale,
        scoreBands: table.record.scoreBands,
      };
    },
  );

  app.get(
    '/api/model',
    {
      onRequest: requireRole('adviser', 'admin'),
      schema: {
        tags: ['scoring'],
        summary: "The active model's card data: metrics, threshold and costs, curves, importance",
        response: { 200: { $ref: 'ModelCard#' }, ...errorResponses(401, 403, 503) },
      },
    },
    async () => modelCardOf(scores(fastify).record),
  );
}
