/**
 * POST /api/clients/:id/decisions (staff): the adviser's final decision, following the model or
 * overriding it, always with a reason category and a justification of at least 20 characters; a
 * decision may answer the client's review request (`reviewId`), which closes it with the outcome.
 * GET /api/clients/:id/decisions (customer: own file) lists them; GET /api/decisions (staff,
 * ./across-clients.ts) lists them across clients.
 * The audit trail is the record: a decision is an audit entry, durable before the answer. A POST
 * with an Idempotency-Key is recorded once, however often it is retried (../idempotency/).
 */
import type { FastifyInstance } from 'fastify';
import { newClientOf } from '../applications/new-clients.ts';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import { reasonCategorySchema } from '../contract/reviews.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { idempotencyHeaders, idempotent } from '../idempotency/idempotency.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';
import { decisionsAcrossClients } from './across-clients.ts';
import { DECISION_ACTION, decisionOf, type StoredDecision } from './stored-decision.ts';

/** A decision must say why in at least this many characters (after trimming). */
export const MIN_JUSTIFICATION = 20;

const decisionBody = {
  type: 'object',
  required: ['decision', 'followsModel', 'reasonCategory', 'justification'],
  additionalProperties: false,
  properties: {
    decision: { type: 'string', enum: ['grant', 'refuse'] },
    followsModel: {
      type: 'boolean',
      description: "true when the decision is the model's; must agree with the model's decision",
    },
    // Inline (request schemas are compiled apart from the shared components).
    reasonCategory: {
      type: 'string',
      enum: reasonCategorySchema.enum,
      description: reasonCategorySchema.description,
    },
    justification: {
      type: 'string',
      maxLength: 2000,
      description: `why the adviser decides so, at least ${MIN_JUSTIFICATION} characters once trimmed`,
    },
    reviewId: {
      type: 'integer',
      minimum: 1,
      description:
        "the client's open review request this decision answers: it is closed with this decision as its outcome",
    },
  },
} as const;

/** The decisions recorded on a client, newest first (at most 100). */
export async function decisionsOf(app: FastifyInstance, clientId: number) {
  const { records } = await app.ctx.store.audit.query({
    clientId,
    action: DECISION_ACTION,
    page: 1,
    pageSize: 100,
  });
  return records.map((r) => decisionOf(r, clientId));
}

export async function decisionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  async function modelScore(id: number) {
    const { scores, modelProblem } = fastify.ctx;
    if (!scores) throw apiError('NOT_READY', { reason: modelProblem ?? 'no active model' });
    // A new applicant (app store): scored by the served model as their file shows it.
    const score = scores.scoreOf(id) ?? (await newClientOf(fastify, id))?.score;
    if (!score) throw apiError('CLIENT_NOT_FOUND', { id });
    return score;
  }

  app.post(
    '/api/clients/:id/decisions',
    {
      onRequest: requireRole('adviser', 'admin'),
      schema: {
        tags: ['decisions'],
        summary: "Records the final decision on the client's application",
        params: clientIdParams,
        headers: idempotencyHeaders,
        body: decisionBody,
        response: {
          201: { $ref: 'DecisionRecord#' },
          ...errorResponses(400, 401, 403, 404, 422, 503),
        },
      },
    },
    async (request, reply) =>
      idempotent(app, request, reply, async (write) => {
        const user = currentUser(request);
        const id = Number(request.params.id);
        const score = await modelScore(id);
        const { decision, followsModel, reasonCategory } = request.body;
        const reviewId = request.body.reviewId ?? null;
        const follows = decision === score.decision;
        if (followsModel !== follows) {
          throw apiError('BAD_REQUEST', {
            field: 'body.followsModel',
            reason: `the model's decision is ${score.decision}, the decision ${decision}`,
          });
        }
        const justification = request.body.justification?.trim() ?? '';
        if (justification.length < MIN_JUSTIFICATION) {
          throw apiError('BAD_REQUEST', {
            field: 'body.justification',
            reason: `a decision needs a justification of at least ${MIN_JUSTIFICATION} characters`,
          });
        }
        if (reviewId !== null) {
          const review = await app.ctx.store.reviews.get(reviewId);
          if (!review || review.clientId !== id)
            throw apiError('REVIEW_NOT_FOUND', { id: reviewId });
          if (review.status === 'decided') throw apiError('REVIEW_DECIDED', { id: reviewId });
        }
        const stored: StoredDecision = {
          decision,
          modelDecision: score.decision,
          followsModel: follows,
          justification,
          reasonCategory,
          reviewId,
        };
        const at = Date.now();
        const answer = (auditId: number) => ({
          id: auditId,
          clientId: id,
          at: new Date(at).toISOString(),
          username: user.username,
          ...stored,
          modelVersion: score.modelVersion,
        });
        const auditId = await recordAudit(
          app,
          request,
          {
            action: DECISION_ACTION,
            clientId: id,
            modelVersion: score.modelVersion,
            inputs: { id, ...stored },
            output: { ...stored },
          },
          write?.along(201, answer),
        );
        if (reviewId !== null) {
          await app.ctx.store.reviews.close(
            reviewId,
            {
              decisionId: auditId,
              decision,
              reasonCategory,
              justification,
              username: user.username,
              at,
            },
            at,
          );
        }
        void reply.code(201);
        return answer(auditId);
      }),
  );

  app.get(
    '/api/clients/:id/decisions',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['decisions'],
        summary: 'The decisions recorded on the client, newest first',
        params: clientIdParams,
        response: {
          200: { $ref: 'DecisionHistory#' },
          ...errorResponses(400, 401, 403, 404, 503),
        },
      },
    },
    async (request) => {
      const id = Number(request.params.id);
      assertClientAccess(currentUser(request), id);
      await modelScore(id);
      return { decisions: await decisionsOf(app, id) };
    },
  );

  decisionsAcrossClients(fastify);
}
