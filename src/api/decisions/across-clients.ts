/**
 * GET /api/decisions (staff): the final decisions recorded across clients, newest first, paged,
 * filtered by overrides only, reason category, adviser and dates — the advisers' follow-up. The
 * audit trail is the record (a decision is an audit entry): the action and client index
 * (migration 6) finds them, the filters on what a decision said read its output summary.
 */
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../auth/session.ts';
import { reasonCategorySchema } from '../contract/reviews.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { errorResponses } from '../schemas.ts';
import { DECISION_ACTION, decisionOf } from './stored-decision.ts';

const querystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    overridesOnly: {
      type: 'boolean',
      default: false,
      description: "true: only the decisions against the model's opinion",
    },
    reasonCategory: {
      type: 'string',
      enum: reasonCategorySchema.enum,
      description: reasonCategorySchema.description,
    },
    adviser: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
      description: 'the user name of who decided',
    },
    from: { type: 'string', format: 'date-time', description: 'inclusive, ISO 8601' },
    to: { type: 'string', format: 'date-time', description: 'exclusive, ISO 8601' },
    page: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
} as const;

function epochOf(field: string, iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw apiError('BAD_REQUEST', { field, reason: 'not a date-time' });
  return ms;
}

/** Registers GET /api/decisions (called by ./routes.ts's plugin). */
export function decisionsAcrossClients(fastify: FastifyInstance): void {
  const app = typed(fastify);
  app.get(
    '/api/decisions',
    {
      onRequest: requireRole('adviser', 'admin'),
      schema: {
        tags: ['decisions'],
        summary: 'The final decisions recorded across clients, newest first, filtered and paged',
        querystring,
        response: { 200: { $ref: 'DecisionPage#' }, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const from = epochOf('query.from', q.from);
      const to = epochOf('query.to', q.to);
      if (from !== undefined && to !== undefined && to <= from) {
        throw apiError('BAD_REQUEST', { field: 'query.to', reason: 'must be after query.from' });
      }
      const outputHas: Record<string, string | boolean> = {};
      if (q.overridesOnly) outputHas.followsModel = false;
      if (q.reasonCategory !== undefined) outputHas.reasonCategory = q.reasonCategory;
      const result = await fastify.ctx.store.audit.query({
        action: DECISION_ACTION,
        username: q.adviser,
        from,
        to,
        outputHas,
        page: q.page,
        pageSize: q.pageSize,
      });
      return {
        total: result.total,
        page: q.page,
        pageSize: q.pageSize,
        decisions: result.records.map((r) => decisionOf(r, r.clientId ?? 0)),
      };
    },
  );
}
