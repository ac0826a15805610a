/**
 * Comparisons for the dashboard's "Compared with" section (src/explain):
 * - GET /api/clients/:id/similar?k=10: the k most similar clients with a known outcome, in the
 *   space of the model's most important features (standardised, importance-weighted), with their
 *   observed default rate and mean calibrated probability of default.
 * - GET /api/population/features/:name?group=all|similar&client=ID&k=: the feature's distribution
 *   for all clients or the client's similar clients (histogram on shared bins and quantiles, split
 *   by outcome) and the client's value and percentile.
 * A customer may only compare their own file (and sees other clients only as aggregates and
 * anonymous neighbours: ids of neighbours are withheld from the customer role).
 */
import type { FastifyInstance } from 'fastify';
import {
  distributionOf,
  type Population,
  rowsOfIds,
  SimilarIndex,
  similarityFeatures,
} from '../../explain/index.ts';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import { apiError } from '../errors.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';
import type { ScoreTable } from '../scoring/score-table.ts';

/** Built once per served model. */
interface Comparing {
  readonly scores: ScoreTable;
  readonly population: Population;
  readonly index: SimilarIndex;
}

const anyObject = { type: 'object', additionalProperties: true } as const;

const similarQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { k: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
} as const;

const distributionQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    group: { type: 'string', enum: ['all', 'similar'], default: 'all' },
    client: { type: 'integer', minimum: 1, maximum: 999_999_999 },
    k: {
      type: 'integer',
      minimum: 5,
      maximum: 1000,
      default: 200,
      description: 'size of the similar group',
    },
  },
} as const;

const featureParams = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: { type: 'string', pattern: '^[A-Za-z0-9_]{1,100}$' } },
} as const;

export async function comparisonRoutes(app: FastifyInstance): Promise<void> {
  let cached: Comparing | null = null;
  const comparing = (): Comparing => {
    const { scores, clients, modelProblem } = app.ctx;
    if (!scores || !clients) {
      throw apiError('NOT_READY', { reason: modelProblem ?? 'no active model' });
    }
    if (cached?.scores !== scores) {
      const population = clients.population();
      const probability = new Float64Array(population.size);
      for (let r = 0; r < population.size; r++) probability[r] = scores.probabilityAt(r);
      const features = similarityFeatures(scores.record.importance.features, population);
      cached = { scores, population, index: new SimilarIndex(population, features, probability) };
    }
    return cached;
  };

  app.get<{ Params: { id: string }; Querystring: { k: number } }>(
    '/api/clients/:id/similar',
    {
      preHandler: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['comparison'],
        summary: 'The most similar clients with a known outcome, their default rate and mean PD',
        params: clientIdParams,
        querystring: similarQuery,
        response: { 200: anyObject, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const id = Number(request.params.id);
      assertClientAccess(user, id);
      const { index, population, scores } = comparing();
      if (population.rowOf(id) === undefined) throw apiError('CLIENT_NOT_FOUND', { id });
      const result = index.nearestToClient(id, request.query.k);
      await recordAudit(app, request, {
        action: 'client.similar',
        clientId: id,
        modelVersion: scores.record.id,
        inputs: { id, k: request.query.k },
        output: { defaultRate: result.defaultRate, count: result.neighbours.length },
      });
      // A customer sees neighbours as anonymous rows, never other clients' identifiers.
      const neighbours =
        user.role === 'customer'
          ? result.neighbours.map(({ id: _hidden, ...rest }) => rest)
          : result.neighbours;
      return { clientId: id, ...result, neighbours };
    },
  );

  app.get<{
    Params: { name: string };
    Querystring: { group: 'all' | 'similar'; client?: number; k: number };
  }>(
    '/api/population/features/:name',
    {
      preHandler: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['comparison'],
        summary: "A feature's distribution for all or similar clients, split by outcome",
        params: featureParams,
        querystring: distributionQuery,
        response: { 200: anyObject, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { name } = request.params;
      const { group, client, k } = request.query;
      // A customer compares their own file only: the client parameter is required and theirs.
      if (user.role === 'customer' || client !== undefined) assertClientAccess(user, client ?? -1);
      if (group === 'similar' && client === undefined) {
        throw apiError('BAD_REQUEST', {
          field: 'query.client',
          reason: 'group=similar needs the client to compare with',
        });
      }
      const { index, population } = comparing();
      if (!population.columns.has(name)) throw apiError('FEATURE_NOT_FOUND', { name });
      if (client !== undefined && population.rowOf(client) === undefined) {
        throw apiError('CLIENT_NOT_FOUND', { id: client });
      }
      const rows =
        group === 'similar' && client !== undefined
          ? rowsOfIds(
              population,
              index.nearestToClient(client, k).neighbours.map((n) => n.id),
            )
          : undefined;
      return {
        group,
        ...distributionOf(population, name, { rows, clientId: client }),
      };
    },
  );
}
