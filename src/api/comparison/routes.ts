/**
 * Comparisons for the dashboard's "Compared with" section (src/explain):
 * - GET /api/clients/:id/similar?k=10: the k most similar clients with a known outcome, in the
 *   space of the model's most important features (standardised, importance-weighted), with their
 *   observed default rate and mean calibrated probability of default.
 * - GET /api/population/features/:name?group=all|similar|filtered&client=ID&k=&…filters: the
 *   feature's distribution for all clients, the client's similar clients or the clients passing
 *   the list's filters (histogram on shared bins and quantiles, split by outcome) and the
 *   client's value and percentile.
 * - GET /api/population/scatter (./scatter.ts): two features of a group, sampled.
 * A customer may only compare their own file (and sees other clients only as aggregates and
 * anonymous neighbours: ids of neighbours are withheld from the customer role).
 */
import type { FastifyInstance } from 'fastify';
import { compareWithGroup, distributionOf, rowsOfIds } from '../../explain/index.ts';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';
import {
  assertGroupAccess,
  comparing,
  groupQuery,
  groupRows,
  MIN_CUSTOMER_GROUP,
} from './group.ts';
import { scatterRoutes } from './scatter.ts';

const similarQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    k: { type: 'integer', minimum: 1, maximum: 50, default: 10, description: 'neighbours' },
  },
} as const;

const featureParams = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[A-Za-z0-9_]{1,100}$', description: 'feature name' },
  },
} as const;

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

export async function comparisonRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(scatterRoutes);
  const app = typed(fastify);

  app.get(
    '/api/clients/:id/similar',
    {
      preHandler: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['comparison'],
        summary: 'The most similar clients with a known outcome, their default rate and mean PD',
        params: clientIdParams,
        querystring: similarQuery,
        response: { 200: { $ref: 'SimilarClients#' }, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const id = Number(request.params.id);
      assertClientAccess(user, id);
      const { index, population, scores } = comparing(fastify.ctx);
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
      const neighbours = result.neighbours.map(({ id: neighbourId, ...rest }) =>
        user.role === 'customer' ? rest : { id: neighbourId, ...rest },
      );
      // The client against the neighbours' averages on the features of the space (the "compared
      // with" table); withheld from a customer for groups small enough to single someone out.
      const comparison =
        user.role === 'customer' && result.neighbours.length < MIN_CUSTOMER_GROUP
          ? null
          : compareWithGroup(
              population,
              id,
              rowsOfIds(
                population,
                result.neighbours.map((n) => n.id),
              ),
              result.space.map((f) => f.name),
            ).map((c) => ({
              feature: c.feature,
              client: finiteOrNull(c.client),
              groupMean: finiteOrNull(c.groupMean),
              groupMedian: finiteOrNull(c.groupMedian),
              groupCount: c.groupCount,
            }));
      return {
        clientId: id,
        space: [...result.space],
        neighbours,
        defaultRate: finiteOrNull(result.defaultRate),
        meanScore: result.meanScore,
        comparison,
      };
    },
  );

  app.get(
    '/api/population/features/:name',
    {
      preHandler: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['comparison'],
        summary: "A feature's distribution for all, similar or filtered clients, by outcome",
        params: featureParams,
        querystring: groupQuery,
        response: {
          200: { $ref: 'FeatureDistribution#' },
          ...errorResponses(400, 401, 403, 404, 503),
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { name } = request.params;
      const q = request.query;
      // A customer compares their own file only: the client parameter is required and theirs.
      assertGroupAccess(user, q);
      const c = comparing(fastify.ctx);
      if (!c.population.columns.has(name)) throw apiError('FEATURE_NOT_FOUND', { name });
      const rows = groupRows(user, c, q);
      const d = distributionOf(c.population, name, { rows, clientId: q.client });
      // In an empty group the client has a value but no percentile.
      const client = d.client && {
        value: d.client.value,
        percentile: finiteOrNull(d.client.percentile),
      };
      return {
        group: q.group,
        feature: d.feature,
        size: d.size,
        missing: d.missing,
        edges: [...d.edges],
        counts: {
          repaid: [...d.counts.repaid],
          defaulted: [...d.counts.defaulted],
          unknown: [...d.counts.unknown],
        },
        quantiles: d.quantiles,
        client,
      };
    },
  );
}
