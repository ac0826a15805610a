/**
 * GET /api/clients (paged list with filters) and GET /api/clients/:id (the grouped file).
 * Customers: the list holds only their own row; any other file is 403.
 */
import type { FastifyInstance } from 'fastify';
import { newClientFile } from '../applications/new-client-file.ts';
import { listWithNewClients } from '../applications/new-client-list.ts';
import { isNewClientId } from '../applications/new-clients.ts';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { withFinalDecisions } from '../decisions/latest.ts';
import { apiError } from '../errors.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';
import { SORT_VALUES } from './client-list.ts';
import { checkFilters, FILTER_PROPERTIES } from './filters.ts';
import type { ClientRepository } from './repository.ts';

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    search: {
      type: 'string',
      pattern: '^[0-9]{0,9}$',
      description: 'SK_ID_CURR, exact or a prefix (digits)',
    },
    ...FILTER_PROPERTIES,
    page: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    sort: {
      type: 'string',
      enum: SORT_VALUES,
      default: 'id',
      description: 'a column key; a leading "-" sorts descending',
    },
  },
} as const;

function repository(app: FastifyInstance): ClientRepository {
  const { clients, clientsProblem } = app.ctx;
  if (!clients) throw apiError('NOT_READY', { reason: clientsProblem ?? 'no client database' });
  return clients;
}

/** A new applicant's file, from the app store (no model needed to describe it). */
async function newApplicantFile(app: FastifyInstance, id: number) {
  const stored = await app.ctx.store.applications.get(id);
  return stored ? newClientFile(stored) : undefined;
}

export async function clientRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  app.get(
    '/api/clients',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['clients'],
        summary: 'Paged client list with filters (a customer sees only their own row)',
        querystring: listQuery,
        response: { 200: { $ref: 'ClientList#' }, ...errorResponses(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const q = request.query;
      const { scores, modelProblem } = fastify.ctx;
      checkFilters(q, { scores, modelProblem });
      const onlyId = user.role === 'customer' ? (user.clientId ?? -1) : undefined;
      // The new applicants (app store) first, then the feature store's clients.
      const result = await listWithNewClients(
        fastify,
        repository(fastify),
        { ...q, onlyId },
        scores,
      );
      const clients = await withFinalDecisions(fastify, result.clients);
      return { total: result.total, page: q.page, pageSize: q.pageSize, clients };
    },
  );

  app.get(
    '/api/clients/:id',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['clients'],
        summary: "A client's descriptive file, grouped in sections, with bilingual labels",
        params: clientIdParams,
        response: { 200: { $ref: 'ClientFile#' }, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const id = Number(request.params.id);
      assertClientAccess(user, id);
      const file = isNewClientId(id)
        ? await newApplicantFile(fastify, id)
        : repository(fastify).file(id);
      if (!file) throw apiError('CLIENT_NOT_FOUND', { id });
      await recordAudit(app, request, {
        action: 'client.view',
        clientId: id,
        inputs: { id },
        output: { sections: file.sections.length },
      });
      return file;
    },
  );
}
