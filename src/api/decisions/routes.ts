/**
 * POST /api/clients/:id/decisions (staff): the adviser's final decision, following the model or
 * overriding it with a justification. GET /api/clients/:id/decisions (customer: own file) lists them.
 * The audit trail is the record: a decision is an audit entry, durable before the answer. A POST
 * with an Idempotency-Key is recorded once, however often it is retried (../idempotency/).
 */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import type { decisionRecordSchema } from '../contract/decisions.ts';
import { type Infer, typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { idempotencyHeaders, idempotent } from '../idempotency/idempotency.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';

export const DECISION_ACTION = 'client.decision';
/** An override must say why in at least this many characters (after trimming). */
export const MIN_JUSTIFICATION = 10;

const decisionBody = {
  type: 'object',
  required: ['decision', 'followsModel'],
  additionalProperties: false,
  properties: {
    decision: { type: 'string', enum: ['grant', 'refuse'] },
    followsModel: {
      type: 'boolean',
      description: "true when the decision is the model's; must agree with the model's decision",
    },
    justification: {
      type: 'string',
      maxLength: 2000,
      description: `why the model is overridden (required then, at least ${MIN_JUSTIFICATION} characters)`,
    },
  },
} as const;

/** What a decision's audit record keeps (its output summary, as JSON). */
type StoredDecision = Pick<
  Infer<typeof decisionRecordSchema>,
  'decision' | 'modelDecision' | 'followsModel' | 'justification'
>;

export async function decisionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  function modelScore(id: number) {
    const { scores, modelProblem } = fastify.ctx;
    if (!scores) throw apiError('NOT_READY', { reason: modelProblem ?? 'no active model' });
    const score = scores.scoreOf(id);
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
        const score = modelScore(id);
        const { decision, followsModel } = request.body;
        const follows = decision === score.decision;
        if (followsModel !== follows) {
          throw apiError('BAD_REQUEST', {
            field: 'body.followsModel',
            reason: `the model's decision is ${score.decision}, the decision ${decision}`,
          });
        }
        const justification = request.body.justification?.trim() ?? '';
        if (!follows && justification.length < MIN_JUSTIFICATION) {
          throw apiError('BAD_REQUEST', {
            field: 'body.justification',
            reason: `overriding the model needs a justification of at least ${MIN_JUSTIFICATION} characters`,
          });
        }
        const stored: StoredDecision = {
          decision,
          modelDecision: score.decision,
          followsModel: follows,
          justification: justification === '' ? null : justification,
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
      modelScore(id);
      const { records } = await fastify.ctx.store.audit.query({
        clientId: id,
        action: DECISION_ACTION,
        page: 1,
        pageSize: 100,
      });
      return {
        decisions: records.map((r) => {
          const stored = JSON.parse(r.outputSummary) as StoredDecision;
          return {
            id: r.id,
            clientId: id,
            at: new Date(r.at).toISOString(),
            username: r.username,
            ...stored,
            modelVersion: r.modelVersion,
          };
        }),
      };
    },
  );
}
