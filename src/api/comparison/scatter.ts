/**
 * GET /api/population/scatter?x=&y=&group=all|similar|filtered&client=&max=&…filters: two
 * features of a group for a scatter plot, with each point's outcome and the client's point. The
 * points are a deterministic sample (every n-th client of the group in id order, see
 * src/explain/scatter.ts), so the picture does not jump between calls; they carry no ids.
 * Staff only: a point is one real client's pair of values and outcome, and two samples of groups
 * that differ by one person give that person's point (a customer gets 403 FORBIDDEN_ROLE).
 * Audited as population.scatter with the group and its filters.
 */
import type { FastifyInstance } from 'fastify';
import { scatterOf } from '../../explain/index.ts';
import { recordAudit } from '../audit/record.ts';
import { currentUser, requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { errorResponses } from '../schemas.ts';
import { unitOf } from './distribution-answer.ts';
import {
  assertGroupAccess,
  comparedNewClient,
  comparing,
  GROUP_PROPERTIES,
  groupAudit,
  resolveGroup,
} from './group.ts';

export const DEFAULT_SCATTER_POINTS = 1500;

const featureName = { type: 'string', pattern: '^[A-Za-z0-9_]{1,100}$' } as const;

const scatterQuery = {
  type: 'object',
  required: ['x', 'y'],
  additionalProperties: false,
  properties: {
    x: { ...featureName, description: 'feature on the horizontal axis' },
    y: { ...featureName, description: 'feature on the vertical axis' },
    max: {
      type: 'integer',
      minimum: 1,
      maximum: 5000,
      default: DEFAULT_SCATTER_POINTS,
      description: 'at most this many points',
    },
    ...GROUP_PROPERTIES,
  },
} as const;

const OUTCOME = { 0: 'repaid', 1: 'defaulted' } as const;

export async function scatterRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  app.get(
    '/api/population/scatter',
    {
      onRequest: requireRole('adviser', 'admin'),
      config: { expensive: true },
      schema: {
        tags: ['comparison'],
        summary: 'Two features of a group, sampled, with outcomes and the client placed (staff)',
        querystring: scatterQuery,
        response: { 200: { $ref: 'Scatter#' }, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const q = request.query;
      assertGroupAccess(user, q);
      const c = comparing(fastify.ctx);
      for (const axis of ['x', 'y'] as const) {
        if (!c.population.columns.has(q[axis])) {
          throw apiError('FEATURE_NOT_FOUND', { name: q[axis], field: `query.${axis}` });
        }
      }
      const newClient = await comparedNewClient(fastify, c, q.client);
      const group = resolveGroup(user, c, q, newClient);
      const s = scatterOf(c.population, q.x, q.y, {
        rows: group.rows,
        max: q.max,
        ...(newClient ? {} : { clientId: q.client }),
      });
      // A new applicant's point, from their application's values.
      const point = newClient ? { x: newClient(q.x), y: newClient(q.y) } : null;
      const client = point && !Number.isNaN(point.x) && !Number.isNaN(point.y) ? point : s.client;
      await recordAudit(app, request, {
        action: 'population.scatter',
        clientId: q.client ?? null,
        modelVersion: c.scores.record.id,
        inputs: { query: q },
        output: { x: q.x, y: q.y, ...groupAudit(q, group), points: s.xs.length },
      });
      return {
        group: q.group,
        x: q.x,
        y: q.y,
        xUnit: unitOf(q.x),
        yUnit: unitOf(q.y),
        size: group.size,
        available: s.available,
        points: {
          x: s.xs,
          y: s.ys,
          outcome: s.outcomes.map((o) => (o === null ? 'unknown' : OUTCOME[o])),
        },
        client,
      };
    },
  );
}
