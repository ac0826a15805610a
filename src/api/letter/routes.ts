/**
 * GET /api/clients/:id/letter (every role; a customer their own file): the explanation letter a
 * client is handed — the decision and its date, the model version, the probability in words, the
 * principal reasons (the client view's, as GET /api/clients/:id/explanation gives them in
 * `clientReasons`: the same codes, the same order), what would change the decision (the recourse
 * proposals, every changed field named), the adviser's final decision and justification, and
 * the client's rights (CCD 2023/2225 Art. 18). `?lang=fr|en`; `?format=html` (a page with a
 * print stylesheet, the default) or `pdf` (application/pdf, ./pdf.ts). Each letter produced is
 * audited as client.letter: who, which client, which model, and the SHA-256 of the bytes sent.
 * It explains and searches recourse (up to ≈ 30 scorings): counted against the per-user limits.
 */
import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { explainRow, recourseWith, scoreInMemory } from '../../explain/index.ts';
import { scoreApplicant } from '../../model/scoring.ts';
import { applicationOf, scoredRowOf } from '../applications/new-clients.ts';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { decisionsOf } from '../decisions/routes.ts';
import { apiError } from '../errors.ts';
import { explainingOf } from '../explanation/explaining.ts';
import { RECOURSE_TIME_LIMIT_MS } from '../recourse/routes.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';
import { type LetterInput, letterContent } from './content.ts';
import { letterHtml } from './html.ts';
import { letterPdf } from './pdf.ts';

export const LETTER_ACTION = 'client.letter';

const querystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    lang: {
      type: 'string',
      enum: ['fr', 'en'],
      default: 'fr',
      description: "the letter's language",
    },
    format: {
      type: 'string',
      enum: ['html', 'pdf'],
      default: 'html',
      description: "'html': a page with a print stylesheet; 'pdf': application/pdf (A4)",
    },
  },
} as const;

export async function letterRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  app.get(
    '/api/clients/:id/letter',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      config: { expensive: true },
      schema: {
        tags: ['scoring'],
        summary:
          'The letter explaining the decision to the client, with their rights (HTML or PDF)',
        params: clientIdParams,
        querystring,
        response: {
          200: {
            description: 'the letter: text/html by default, application/pdf with format=pdf',
            content: {
              'text/html': { schema: { type: 'string' } },
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...errorResponses(400, 401, 403, 404, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const id = Number(request.params.id);
      assertClientAccess(user, id);
      const { lang, format } = request.query;
      const context = explainingOf(fastify);
      // A stored client, or a new applicant of the app store.
      const client = await scoredRowOf(fastify, context, id);
      if (!client) throw apiError('CLIENT_NOT_FOUND', { id });
      const { score, values } = client;
      const { model, record } = context.scores;
      // The explanation route's own call (its default top), so the client reasons are its.
      const explained = explainRow(
        context.explainer.explainRow(values),
        model.featureNames,
        values,
        {
          run: record,
          stats: context.stats,
          topN: 10,
          // A new applicant's unknown fields are to complete, never reasons.
          ...(client.unknown ? { unknown: client.unknown } : {}),
        },
      );
      const refused = score.decision === 'refuse';
      const reasons = refused
        ? explained.clientReasons.adverse
        : explained.clientReasons.favourable;

      let proposals: LetterInput['proposals'] = [];
      const applicant = refused ? await applicationOf(fastify, id) : undefined;
      if (applicant) {
        const { application, history } = applicant;
        const result = await recourseWith(
          async (a) => {
            await yieldToLoop();
            return scoreInMemory(context.scorer, a, history, { explain: false }).rawProbability;
          },
          (raw) => scoreApplicant(raw, record).decision,
          application,
          { timeLimitMs: RECOURSE_TIME_LIMIT_MS },
        );
        proposals = result.proposals;
      }
      const [latest] = await decisionsOf(app, id);
      const letter = letterContent({
        lang,
        clientId: id,
        now: Date.now(),
        modelVersion: record.id,
        modelDecision: score.decision,
        probability: score.probability,
        threshold: score.threshold,
        reasons,
        proposals,
        finalDecision: latest
          ? {
              decision: latest.decision,
              at: Date.parse(latest.at),
              justification: latest.justification,
              reasonCategory: latest.reasonCategory,
            }
          : null,
      });
      const body =
        format === 'pdf'
          ? await letterPdf(letter, new Date())
          : Buffer.from(letterHtml(letter), 'utf8');
      const sha256 = createHash('sha256').update(body).digest('hex');
      await recordAudit(app, request, {
        action: LETTER_ACTION,
        clientId: id,
        modelVersion: record.id,
        inputs: { id, model: record.id, lang, format },
        output: {
          format,
          lang,
          sha256,
          bytes: body.length,
          reasons: [...letter.reasonCodes],
          proposals: proposals.length,
          finalDecision: latest?.id ?? null,
        },
      });
      const type = format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8';
      const name = `creditlens-letter-${id}-${lang}.${format}`;
      return (
        reply
          .type(type)
          .header(
            'content-disposition',
            `${format === 'pdf' ? 'attachment' : 'inline'}; filename="${name}"`,
          )
          .header('x-content-sha256', sha256)
          // The bytes as they are (a Buffer is never serialised); the schema can only say "string".
          .send(body as unknown as string)
      );
    },
  );
}
