/** GET /api/audit (admin): the audit trail, newest first, filtered and paged. */
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../auth/session.ts';
import { apiError } from '../errors.ts';
import { errorResponses } from '../schemas.ts';
import { ROLES } from '../store/types.ts';

interface AuditQueryString {
  user?: string;
  client?: number;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

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

const recordSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    userId: { type: ['integer', 'null'] },
    username: { type: ['string', 'null'] },
    role: { anyOf: [{ type: 'string', enum: ROLES }, { type: 'null' }] },
    action: { type: 'string' },
    clientId: { type: ['integer', 'null'] },
    modelVersion: { type: ['string', 'null'] },
    inputsFingerprint: { type: 'string', description: 'SHA-256 of the canonical JSON inputs' },
    outputSummary: { type: 'string', description: 'JSON summary of the output' },
    requestId: { type: 'string' },
  },
} as const;

function epochOf(field: string, iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw apiError('BAD_REQUEST', { field, reason: 'not a date-time' });
  return ms;
}

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: AuditQueryString }>(
    '/api/audit',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['audit'],
        summary: 'The audit trail (admin), newest first',
        querystring,
        response: {
          200: {
            type: 'object',
            properties: {
              total: { type: 'integer' },
              page: { type: 'integer' },
              pageSize: { type: 'integer' },
              records: { type: 'array', items: recordSchema },
            },
          },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const result = app.ctx.store.audit.query({
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
