/**
 * Comparisons for the dashboard's "Compared with" section (src/explain):
 * - GET /api/clients/:id/similar?k=10: the k most similar clients with a known outcome, in the
 *   space of the model's most important features (standardised, importance-weighted), with their
 *   observed default rate and mean calibrated probability of default.
 * - GET /api/population/features/:name?group=all|similar|filtered&client=ID&k=&…filters: the
 *   feature's distribution for all clients, the client's similar clients or the clients passing
 *   the list's filters (histogram on shared bins and quantiles, split by outcome) and the
 *   client's value and percentile.
 * - GET /api/population/scatter (./scatter.ts): two features of a group, sampled (staff only).
 * A customer compares their own file with fixed groups only (./group.ts) and sees them as coarse
 * aggregates (src/explain/disclosure.ts): no filters, no k, no neighbour list, no scatter.
 * Every query is audited with its group and filters (client.similar, population.features).
 */
import type { FastifyInstance } from 'fastify';
import {
  coarsenComparison,
  compareWithGroup,
  distributionOf,
  rowsOfIds,
} from '../../explain/index.ts';
import { newClientValues } from '../applications/new-clients.ts';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';
import { coarseDistribution, exactDistribution, unitOf } from './distribution-answer.ts';
import {
  assertGroupAccess,
  CUSTOMER_SIMILAR_GROUP,
  comparedNewClient,
  comparing,
  groupAudit,
  groupQuery,
  MIN_FIXED_GROUP,
  resolveGroup,
} from './group.ts';
import { scatterRoutes } from './scatter.ts';

/** Staff's neighbour list when `k` is not given. */
const DEFAULT_NEIGHBOURS = 10;

const similarQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    k: {
      type: 'integer',
      minimum: 1,
      maximum: 50,
      description: `neighbours listed: staff only (default ${DEFAULT_NEIGHBOURS}); a customer gets the figures of their fixed similar group and no list`,
    },
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

/** A number as JSON can carry it: NaN (no value) and null (withheld) give null. */
function finiteOrNull(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}

export async function comparisonRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(scatterRoutes);
  const app = typed(fastify);

  app.get(
    '/api/clients/:id/similar',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      config: { expensive: true },
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
      const customer = user.role === 'customer';
      // A customer's group is fixed: no k, no list of neighbours (distance, outcome, score).
      if (customer && request.query.k !== undefined) {
        throw apiError('FIXED_GROUPS_ONLY', { field: 'query.k' });
      }
      const { index, population, scores } = comparing(fastify.ctx);
      // A new applicant (app store) is compared by their application's values, no history.
      const known = population.rowOf(id) !== undefined;
      const newClient = known ? undefined : await newClientValues(fastify, id);
      if (!known && !newClient) throw apiError('CLIENT_NOT_FOUND', { id });
      const k = customer ? CUSTOMER_SIMILAR_GROUP : (request.query.k ?? DEFAULT_NEIGHBOURS);
      const result = newClient
        ? index.nearest(
            index.space.map((f) => newClient(f.name)),
            k,
          )
        : index.nearestToClient(id, k);
      const size = result.neighbours.length;
      if (customer && size < MIN_FIXED_GROUP) throw apiError('GROUP_TOO_SMALL');
      // The client against the neighbours' averages on the features of the space (the "compared
      // with" table); for a customer, figures on fewer than 10 clients are withheld.
      const comparison = compareWithGroup(
        population,
        id,
        rowsOfIds(
          population,
          result.neighbours.map((n) => n.id),
        ),
        result.space.map((f) => f.name),
        newClient,
      )
        .map((c) => (customer ? coarsenComparison(c) : c))
        .map((c) => ({
          feature: c.feature,
          unit: unitOf(c.feature),
          client: finiteOrNull(c.client),
          groupMean: finiteOrNull(c.groupMean),
          groupMedian: finiteOrNull(c.groupMedian),
          groupCount: c.groupCount,
        }));
      await recordAudit(app, request, {
        action: 'client.similar',
        clientId: id,
        modelVersion: scores.record.id,
        inputs: { id, k: request.query.k ?? null },
        output: { k, size, neighbours: customer ? 'withheld' : 'listed' },
      });
      return {
        clientId: id,
        space: [...result.space],
        size,
        neighbours: customer ? null : result.neighbours.map((n) => ({ ...n })),
        defaultRate: finiteOrNull(result.defaultRate),
        meanScore: result.meanScore,
        comparison,
      };
    },
  );

  app.get(
    '/api/population/features/:name',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      config: { expensive: true },
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
      // A customer: their own client, a fixed group (no filters, no k).
      assertGroupAccess(user, q);
      const c = comparing(fastify.ctx);
      if (!c.population.columns.has(name)) throw apiError('FEATURE_NOT_FOUND', { name });
      const newClient = await comparedNewClient(fastify, c, q.client);
      const group = resolveGroup(user, c, q, newClient);
      const d = distributionOf(c.population, name, {
        rows: group.rows,
        ...(newClient ? { clientValue: newClient(name) } : { clientId: q.client }),
      });
      const customer = user.role === 'customer';
      await recordAudit(app, request, {
        action: 'population.features',
        clientId: q.client ?? null,
        modelVersion: c.scores.record.id,
        inputs: { feature: name, query: q },
        output: { feature: name, ...groupAudit(q, group), coarse: customer },
      });
      return customer ? coarseDistribution(q.group, d) : exactDistribution(q.group, d);
    },
  );
}
