/**
 * GET /api/clients/:id/data?format=json|csv (a customer their own file; staff any): everything
 * held about the client (GDPR Art. 15, access, and Art. 20, portability) — the application as
 * stored, the credit history aggregates with their labels, the active model's score, the
 * advisers' decisions and the client's review requests. JSON (ClientData), or one CSV of
 * `section,field,label_fr,label_en,value` rows: a single file a spreadsheet opens as it is, with
 * the same content as the JSON (decisions and reviews one row per field, `decision.1.justification`),
 * and no archive format to unpack. Audited as client.data (the SHA-256 of what was sent).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dictionaryEntry, FEATURE_DICTIONARY } from '../../data/features/dictionary.ts';
import { applicationOf, isNewClientId, newClientOf } from '../applications/new-clients.ts';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import type { clientDataSchema } from '../contract/client-data.ts';
import { type Infer, typed } from '../contract/typed.ts';
import { decisionsOf } from '../decisions/routes.ts';
import { apiError } from '../errors.ts';
import { servedReview } from '../reviews/routes.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';

export const DATA_ACTION = 'client.data';

type ClientData = Infer<typeof clientDataSchema>;
type HeldValue = ClientData['application'][number];

const querystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: {
      type: 'string',
      enum: ['json', 'csv'],
      default: 'json',
      description:
        "'json' (ClientData) or 'csv' (one file of section,field,label_fr,label_en,value rows)",
    },
  },
} as const;

/** A CSV cell: quoted when it holds a comma, a quote or a line break; a formula never starts it. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  // A spreadsheet would run "=…", "+…", "-…", "@…" as a formula (CSV injection): prefix a quote.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The data as CSV rows: section, field, labels, value. */
export function clientDataCsv(data: ClientData): string {
  const rows: (string | number | boolean | null)[][] = [
    ['section', 'field', 'label_fr', 'label_en', 'value'],
    ['client', 'SK_ID_CURR', 'Identifiant du client', 'Client identifier', data.clientId],
    ['client', 'generatedAt', 'Date de l’extraction', 'Extracted at', data.generatedAt],
  ];
  const held = (section: string, v: HeldValue) =>
    rows.push([section, v.field, v.label_fr, v.label_en, v.category ?? v.value]);
  for (const v of data.application) held('application', v);
  for (const v of data.history) held('history', v);
  if (data.score) {
    for (const [k, v] of Object.entries(data.score)) rows.push(['score', k, null, null, v]);
  }
  const records = (section: string, list: readonly Record<string, unknown>[]) => {
    list.forEach((record, i) => {
      for (const [k, v] of Object.entries(record)) {
        const value =
          v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
            ? v
            : JSON.stringify(v);
        rows.push([section, `${section}.${i + 1}.${k}`, null, null, value]);
      }
    });
  };
  records('decision', data.decisions);
  records('review', data.reviews);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export async function myDataRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  app.get(
    '/api/clients/:id/data',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['clients'],
        summary: 'Everything held about the client (GDPR Art. 15 and 20), as JSON or CSV',
        params: clientIdParams,
        querystring,
        response: {
          200: {
            description: 'ClientData as JSON, or with format=csv one CSV file',
            content: {
              'application/json': { schema: { $ref: 'ClientData#' } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...errorResponses(400, 401, 403, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const id = Number(request.params.id);
      assertClientAccess(user, id);
      const { clients, scores, modelProblem } = fastify.ctx;
      if (!clients && !isNewClientId(id)) {
        throw apiError('NOT_READY', { reason: modelProblem ?? 'no client data' });
      }
      // A stored client, or a new applicant of the app store (no history).
      const applicant = await applicationOf(fastify, id);
      if (!applicant) throw apiError('CLIENT_NOT_FOUND', { id });
      const stored = applicant.application;
      const application: HeldValue[] = Object.entries(stored).map(([field, v]) => {
        const entry = dictionaryEntry(field);
        return {
          field,
          label_fr: entry?.label_fr ?? field,
          label_en: entry?.label_en ?? field,
          value: typeof v === 'number' ? v : null,
          category: typeof v === 'string' ? v : null,
        };
      });
      const history: HeldValue[] = FEATURE_DICTIONARY.filter(
        (e) => e.source_table !== 'application',
      ).map((e) => ({
        field: e.name,
        label_fr: e.label_fr,
        label_en: e.label_en,
        value: applicant.history(e.name, 0) ?? null,
        category: null,
      }));
      const score =
        scores?.scoreOf(id) ?? (scores ? (await newClientOf(fastify, id))?.score : undefined);
      const reviews = await app.ctx.store.reviews.list({ clientId: id, limit: 1000 });
      const data: ClientData = {
        clientId: id,
        generatedAt: new Date().toISOString(),
        application,
        history,
        score: score
          ? {
              modelVersion: score.modelVersion,
              probability: score.probability,
              points: score.points,
              band: score.band,
              decision: score.decision,
              threshold: score.threshold,
            }
          : null,
        decisions: await decisionsOf(app, id),
        reviews: reviews.map(servedReview),
      };
      const { format } = request.query;
      const body = format === 'csv' ? clientDataCsv(data) : JSON.stringify(data);
      const sha256 = createHash('sha256').update(body).digest('hex');
      await recordAudit(app, request, {
        action: DATA_ACTION,
        clientId: id,
        modelVersion: score?.modelVersion ?? null,
        inputs: { id, format },
        output: {
          format,
          sha256,
          application: application.length,
          history: history.length,
          decisions: data.decisions.length,
          reviews: data.reviews.length,
        },
      });
      const name = `creditlens-data-${id}.${format}`;
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(body);
    },
  );
}
