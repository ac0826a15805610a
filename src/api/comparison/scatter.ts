/**
 * GET /api/population/scatter?x=&y=&group=all|similar|filtered&client=&max=&…filters: two
 * features of a group for a scatter plot, with each point's outcome and the client's point. The
 * points are a deterministic sample (every n-th client of the group in id order, see
 * src/explain/scatter.ts), so the picture does not jump between calls; they carry no ids.
 */
import type { FastifyInstance } from 'fastify';
import { scatterOf } from '../../explain/index.ts';
import { currentUser, requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { errorResponses } from '../schemas.ts';
import { assertGroupAccess, comparing, GROUP_PROPERTIES, groupRows } from './group.ts';

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
      preHandler: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['comparison'],
        summary: 'Two features of a group, sampled, with outcomes and the client placed',
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
      const rows = groupRows(user, c, q);
      const s = scatterOf(c.population, q.x, q.y, { rows, max: q.max, clientId: q.client });
      return {
        group: q.group,
        x: q.x,
        y: q.y,
        size: rows ? rows.length : c.population.size,
        available: s.available,
        points: {
          x: s.xs,
          y: s.ys,
          outcome: s.outcomes.map((o) => (o === null ? 'unknown' : OUTCOME[o])),
        },
        client: s.client,
      };
    },
  );
}
