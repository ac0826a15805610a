/**
 * The client's human review requests (EU Consumer Credit Directive 2023/2225, Art. 18: human
 * intervention, their point of view, contesting the assessment):
 * - POST /api/clients/:id/reviews (a customer on their own file; an adviser or admin on their
 *   behalf): the point of view (20–2,000 characters once trimmed) and, optionally, corrected
 *   application fields (each within the range or values of the application field table, as a
 *   what-if's). Stored, audited (client.review-request), `Idempotency-Key` accepted.
 * - GET /api/clients/:id/reviews (the customer their own; staff any): with status and outcome.
 * - GET /api/reviews?status=&open=&order= (staff): the worklist, newest first or the oldest first,
 *   one status or those still to handle.
 * - PATCH /api/reviews/:reviewId (staff): takes a request in review (audited).
 * A decision answering a request closes it (../decisions/routes.ts, `reviewId`).
 *
 * The request is stored, then its audit record appended (with the idempotent answer): the store's
 * `along` transaction only keeps answers, so the two are not one transaction. A server killed
 * between them leaves a request without its audit record (and a retry files a second one); never
 * an audited request that was not stored.
 */
import type { FastifyInstance } from 'fastify';
import { isNewClientId, newClientExists } from '../applications/new-clients.ts';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import { type REASON_CATEGORIES, reviewStatusSchema } from '../contract/reviews.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { idempotencyHeaders, idempotent } from '../idempotency/idempotency.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';
import type { Review } from '../store/types.ts';
import { fieldProperties } from '../what-if/field-schemas.ts';

export const REVIEW_REQUEST_ACTION = 'client.review.request';
export const REVIEW_TAKEN_ACTION = 'client.review.taken';
/** The point of view's length, in characters once trimmed. */
export const POINT_OF_VIEW_MIN = 20;
export const POINT_OF_VIEW_MAX = 2000;
/** Review requests listed at most. */
const LISTED = 200;

const reviewBody = {
  type: 'object',
  required: ['pointOfView'],
  additionalProperties: false,
  properties: {
    pointOfView: {
      type: 'string',
      minLength: POINT_OF_VIEW_MIN,
      maxLength: POINT_OF_VIEW_MAX + 200,
      description: `the client's point of view, ${POINT_OF_VIEW_MIN}–${POINT_OF_VIEW_MAX} characters once trimmed`,
    },
    corrections: {
      type: 'object',
      maxProperties: 40,
      description:
        'application fields the client says are wrong and the right values, each within its range or values (docs/application-fields.md), never null; the identifier cannot change',
      properties: fieldProperties(['SK_ID_CURR']),
      additionalProperties: false,
    },
  },
} as const;

const worklistQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: {
      type: 'string',
      enum: reviewStatusSchema.enum,
      description: reviewStatusSchema.description,
    },
    open: {
      type: 'boolean',
      description: 'true: only the requests still to handle (received or in review)',
    },
    order: {
      type: 'string',
      enum: ['newest', 'oldest'],
      default: 'newest',
      description: "'oldest': the longest waiting first",
    },
  },
} as const;

const reviewParams = {
  type: 'object',
  required: ['reviewId'],
  additionalProperties: false,
  properties: { reviewId: { type: 'string', pattern: '^[0-9]{1,9}$' } },
} as const;

const takeBody = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['in-review'], description: 'take the request in review' },
  },
} as const;

type ReasonCategory = (typeof REASON_CATEGORIES)[number];

const iso = (ms: number) => new Date(ms).toISOString();

/** A stored review as answered. */
export function servedReview(r: Review) {
  return {
    id: r.id,
    clientId: r.clientId,
    username: r.username,
    role: r.role,
    pointOfView: r.pointOfView,
    corrections: r.corrections,
    status: r.status,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    outcome:
      r.outcome === null
        ? null
        : {
            ...r.outcome,
            reasonCategory: r.outcome.reasonCategory as ReasonCategory,
            at: iso(r.outcome.at),
          },
  };
}

export async function reviewRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  async function assertClient(id: number): Promise<void> {
    // A new applicant's file is in the app store.
    if (isNewClientId(id)) {
      if (!(await newClientExists(fastify, id))) throw apiError('CLIENT_NOT_FOUND', { id });
      return;
    }
    const { clients, modelProblem } = fastify.ctx;
    if (!clients) throw apiError('NOT_READY', { reason: modelProblem ?? 'no client data' });
    if (!clients.exists(id)) throw apiError('CLIENT_NOT_FOUND', { id });
  }

  app.post(
    '/api/clients/:id/reviews',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['reviews'],
        summary: "Requests a human review of the client's assessment, with their point of view",
        params: clientIdParams,
        headers: idempotencyHeaders,
        body: reviewBody,
        response: {
          201: { $ref: 'ReviewRecord#' },
          ...errorResponses(400, 401, 403, 404, 422, 503),
        },
      },
    },
    async (request, reply) =>
      idempotent(app, request, reply, async (write) => {
        const user = currentUser(request);
        const id = Number(request.params.id);
        assertClientAccess(user, id);
        await assertClient(id);
        const pointOfView = request.body.pointOfView.trim();
        if (pointOfView.length < POINT_OF_VIEW_MIN || pointOfView.length > POINT_OF_VIEW_MAX) {
          throw apiError('BAD_REQUEST', {
            field: 'body.pointOfView',
            reason: `${POINT_OF_VIEW_MIN} to ${POINT_OF_VIEW_MAX} characters once trimmed, not ${pointOfView.length}`,
          });
        }
        const corrections: Review['corrections'] = {};
        for (const [field, value] of Object.entries(request.body.corrections ?? {})) {
          // A correction gives the right value; "missing" corrects nothing.
          if (value === null || value === undefined) {
            throw apiError('BAD_REQUEST', {
              field: `body.corrections.${field}`,
              reason: 'give the right value, not null',
            });
          }
          corrections[field] = value;
        }
        const review = await app.ctx.store.reviews.create({
          clientId: id,
          userId: user.id,
          username: user.username,
          role: user.role,
          pointOfView,
          corrections,
          createdAt: Date.now(),
        });
        const answer = servedReview(review);
        await recordAudit(
          app,
          request,
          {
            action: REVIEW_REQUEST_ACTION,
            clientId: id,
            inputs: { id, pointOfView, corrections },
            // The fields named, never the client's words or values.
            output: { reviewId: review.id, corrected: Object.keys(corrections) },
          },
          write?.along(201, () => answer),
        );
        void reply.code(201);
        return answer;
      }),
  );

  app.get(
    '/api/clients/:id/reviews',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['reviews'],
        summary: "The client's review requests with their status and outcome, newest first",
        params: clientIdParams,
        response: { 200: { $ref: 'ReviewList#' }, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const id = Number(request.params.id);
      assertClientAccess(currentUser(request), id);
      await assertClient(id);
      const reviews = await app.ctx.store.reviews.list({ clientId: id, limit: LISTED });
      return { reviews: reviews.map(servedReview) };
    },
  );

  app.get(
    '/api/reviews',
    {
      onRequest: requireRole('adviser', 'admin'),
      schema: {
        tags: ['reviews'],
        summary:
          "The advisers' worklist: review requests of every client, by status or still open, newest or oldest first",
        querystring: worklistQuery,
        response: { 200: { $ref: 'ReviewList#' }, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { status, open, order } = request.query;
      if (open && status === 'decided') {
        throw apiError('BAD_REQUEST', {
          field: 'query.open',
          reason: 'an open request is never decided: drop status=decided or open=true',
        });
      }
      const reviews = await app.ctx.store.reviews.list({
        status,
        open,
        oldestFirst: order === 'oldest',
        limit: LISTED,
      });
      return { reviews: reviews.map(servedReview) };
    },
  );

  app.patch(
    '/api/reviews/:reviewId',
    {
      onRequest: requireRole('adviser', 'admin'),
      schema: {
        tags: ['reviews'],
        summary: 'Takes a review request in review',
        params: reviewParams,
        body: takeBody,
        response: { 200: { $ref: 'ReviewRecord#' }, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const reviewId = Number(request.params.reviewId);
      const { reviews } = app.ctx.store;
      const review = await reviews.get(reviewId);
      if (!review) throw apiError('REVIEW_NOT_FOUND', { id: reviewId });
      if (review.status === 'decided') throw apiError('REVIEW_DECIDED', { id: reviewId });
      await reviews.setStatus(reviewId, request.body.status, Date.now());
      await recordAudit(app, request, {
        action: REVIEW_TAKEN_ACTION,
        clientId: review.clientId,
        inputs: { reviewId, status: request.body.status },
        output: { reviewId, status: request.body.status },
      });
      return servedReview((await reviews.get(reviewId)) as Review);
    },
  );
}
