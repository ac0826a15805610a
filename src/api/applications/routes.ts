/**
 * POST /api/applications (advisers and admins): a new applicant's application — the body of
 * POST /api/score's new application — validated, scored and explained with the active model by
 * the row evaluator of the training feature SQL (no training/serving skew), stored in the app
 * store with a new client id (./new-clients.ts resolves its file), the final decision left pending,
 * and audited as `client.application` — the application, its audit record and the
 * Idempotency-Key's answer in one transaction: a failed audit write stores nothing, and a retried
 * request stores it once.
 */
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { type ScoredApplication, scoreNewApplication } from '../../explain/index.ts';
import { auditEntry } from '../audit/record.ts';
import { currentUser, requireRole } from '../auth/session.ts';
import { type Infer, typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { servedToComplete } from '../explanation/compact.ts';
import { explainingOf } from '../explanation/explaining.ts';
import { idempotencyHeaders, idempotent } from '../idempotency/idempotency.ts';
import { errorResponses } from '../schemas.ts';
import type { StoredApplication } from '../store/types.ts';
import { badField, newApplicationBody } from '../what-if/body.ts';
import { rewordFieldError } from '../what-if/field-schemas.ts';
import { outOfRangeIn, scoredAnswer } from '../what-if/scored.ts';

export const APPLICATION_ACTION = 'client.application';

const savedApplication = { $ref: 'SavedApplication#' } as const;

/** The field validator's errors named as POST /api/score names them (body.application.FIELD). */
function bodyValidator(server: FastifyInstance): FastifySchemaCompiler<unknown> {
  return (route) => {
    const compile = server.validatorCompiler;
    if (!compile) throw new Error('POST /api/applications: the server has no validator compiler');
    const check = compile(route);
    if (route.httpPart !== 'body') return check;
    const validate = (body: unknown) => {
      const result = check(body);
      validate.errors = check.errors?.map((error) => rewordFieldError(error, body)) ?? null;
      return result;
    };
    validate.errors = null as typeof check.errors;
    return validate;
  };
}

export async function applicationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  app.post(
    '/api/applications',
    {
      onRequest: requireRole('adviser', 'admin'),
      config: { expensive: true },
      validatorCompiler: bodyValidator(fastify),
      schema: {
        tags: ['scoring'],
        summary:
          "A new applicant's application stored, scored and explained; the client file opens, the decision pending",
        headers: idempotencyHeaders,
        body: newApplicationBody,
        response: { 201: savedApplication, ...errorResponses(400, 401, 403, 422, 503) },
      },
    },
    async (request, reply) =>
      idempotent(app, request, reply, async (write) => {
        const user = currentUser(request);
        const { application, detail } = request.body;
        if (application.SK_ID_CURR !== undefined) {
          throw apiError('BAD_REQUEST', {
            field: 'body.application.SK_ID_CURR',
            reason: 'a new client id is allocated when the application is stored: leave it out',
          });
        }
        const context = explainingOf(fastify);
        let result: ScoredApplication;
        try {
          result = scoreNewApplication(context.scorer, application);
        } catch (error) {
          throw badField('application', error);
        }
        const scored = scoredAnswer(context, result, detail, 'adviser', true);
        const { score } = scored.answer;
        const createdAt = Date.now();
        const answer = (stored: StoredApplication): Infer<typeof savedApplication> => ({
          clientId: stored.clientId,
          createdAt: new Date(createdAt).toISOString(),
          status: 'pending',
          history: 'none',
          outOfRange: outOfRangeIn(context, result.row),
          ...scored.answer,
          toComplete: servedToComplete(scored.explanation),
        });
        // The application, its audit record and the key's answer commit together.
        const stored = await app.ctx.store.applications.create(
          {
            createdAt,
            createdBy: user.id,
            source: 'api',
            application: { ...result.application },
            modelVersion: scored.answer.modelVersion,
            features: Array.from(result.row, (v) => (Number.isNaN(v) ? null : v)),
            probability: score.probability,
            decision: score.decision,
          },
          {
            entry: ({ clientId }) =>
              auditEntry(request, {
                action: APPLICATION_ACTION,
                clientId,
                modelVersion: scored.answer.modelVersion,
                inputs: { application },
                output: { probability: score.probability, decision: score.decision, pending: true },
              }),
            keep: write && ((id, saved) => write.along(201, () => answer(saved))(id)),
          },
        );
        void reply.code(201);
        return answer(stored);
      }),
  );
}
