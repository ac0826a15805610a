/**
 * GET /api/clients/:id/explanation (every role; a customer their own file): why the model scored
 * the client as it did — exact TreeSHAP contributions in log-odds, points and percentage points
 * (top N and the rest), each labelled by its reason code, the same grouped by theme, up to four
 * adverse and four favourable reasons in French and English (the adviser's view), and the client's
 * view of them (client-explainable codes only, each family once, the rest pooled; src/explain). A
 * customer is answered the client view only (`view: 'client'`): the listed units and `reasons`
 * are the client-explainable ones, the sums still cover everything. The SHAP explainer and the
 * population references are built once per served model (./explaining.ts); the serialised answers
 * of the last 500 explanations (per view) are kept with them (a stored client's explanation only
 * changes with the model, and a dashboard asks for the same client again and again). Every request
 * is audited, served from the cache or not.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { explainRow } from '../../explain/index.ts';
import { scoredRowOf } from '../applications/new-clients.ts';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import { type Infer, typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';
import { compactExplanation, viewOf } from './compact.ts';
import { type CachedAnswer, explainingOf } from './explaining.ts';

export const EXPLANATION_ACTION = 'client.explanation';

const querystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    top: {
      type: 'integer',
      minimum: 1,
      maximum: 50,
      default: 10,
      description: 'contributions listed one by one; the others are summed as "the rest"',
    },
    all: {
      type: 'boolean',
      default: false,
      description: 'also list every unit (contributions.all); large',
    },
  },
} as const;

const explanation = { $ref: 'Explanation#' } as const;

/** Sends an answer already serialised by the route's response schema, as is. */
function sendSerialised(reply: FastifyReply, json: CachedAnswer['json']): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}

export async function explanationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  app.get(
    '/api/clients/:id/explanation',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      // Every unit (?all=true) is computed and serialised each time: ≈150 KB, tens of ms.
      config: { expensive: (request) => (request.query as { all?: boolean }).all === true },
      schema: {
        tags: ['scoring'],
        summary: 'Why the model scored the client so: contributions, themes and reasons',
        params: clientIdParams,
        querystring,
        response: { 200: explanation, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const id = Number(request.params.id);
      assertClientAccess(user, id);
      const context = explainingOf(fastify);
      // A stored client's row, or a new applicant's (the app store's, scored by this model).
      const client = await scoredRowOf(fastify, context, id);
      if (!client) throw apiError('CLIENT_NOT_FOUND', { id });
      const { top, all } = request.query;
      const { model, record } = context.scores;
      const view = viewOf(user.role);
      const key = `${id}/${top}/${view}`;
      let answer: CachedAnswer | undefined = all ? undefined : context.answers.get(key);
      if (answer === undefined) {
        const { values } = client;
        const explained = explainRow(
          context.explainer.explainRow(values),
          model.featureNames,
          values,
          {
            run: record,
            stats: context.stats,
            topN: top,
            ...(client.unknown ? { unknown: client.unknown } : {}),
          },
        );
        const body: Infer<typeof explanation> = {
          clientId: id,
          modelVersion: record.id,
          ...compactExplanation(explained, all, view),
        };
        // Every unit makes the serialisation the longest step: what waits goes first.
        if (all) await yieldToLoop();
        answer = {
          // The route's own serializer (fast-json-stringify of the Explanation schema), so the
          // cached string is exactly what returning `body` would send.
          json: reply.serialize(body),
          probability: explained.contributions.probability,
          adverse: explained.reasons.adverse.map((r) => r.key),
          told: explained.clientReasons.adverse.map((r) => r.code),
        };
        if (!all) context.answers.set(key, answer);
      }
      await recordAudit(app, request, {
        action: EXPLANATION_ACTION,
        clientId: id,
        modelVersion: record.id,
        inputs: { id, model: record.id, top },
        output: {
          probability: answer.probability,
          adverse: [...answer.adverse],
          // The adverse reason codes a client is told (the customer view, a letter).
          told: [...answer.told],
        },
      });
      return sendSerialised(reply, answer.json);
    },
  );
}
