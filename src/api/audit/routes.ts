/** GET /api/audit (admin): the audit trail, newest first, filtered and paged. */
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { errorResponses } from '../schemas.ts';

const querystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    user: { type: 'string', minLength: 1, maxLength: 64, description: 'user name' },
    client: { type: 'integer', minimum: 0, maximum: 999_999_999, description: 'SK_ID_CURR' },
    action: { type: 'string', pattern: '^[a-z.]{1,64}$', description: 'e.g. client.view' },
    from: { type: 'string', format: 'date-time', description: 'inclusive, ISO 8601' },
    to: { type: 'string', format: 'date-time', description: 'exclusive, ISO 8601' },
    page: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  },
} as const;

function epochOf(field: string, iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw apiError('BAD_REQUEST', { field, reason: 'not a date-time' });
  return ms;
}

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  app.get(
    '/api/audit',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['audit'],
        summary: 'The audit trail (admin), newest first',
        querystring,
        response: { 200: { $ref: 'AuditPage#' }, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const result = await fastify.ctx.store.audit.query({
        username: q.user,
        clientId: q.client,
        action: q.action,
        from: epochOf('query.from', q.from),
        to: epochOf('query.to', q.to),
        page: q.page,
        pageSize: q.pageSize,
      });
      return {
        total: result.total,
        page: q.page,
        pageSize: q.pageSize,
        records: result.records.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
      };
    },
  );
}
