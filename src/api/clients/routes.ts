/**
 * GET /api/clients (paged list with filters) and GET /api/clients/:id (the grouped file).
 * Customers: the list holds only their own row; any other file is 403.
 */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import { apiError } from '../errors.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';
import { type ClientListQuery, SORT_VALUES } from './client-list.ts';
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

const nullableNumber = { type: ['number', 'null'] } as const;
const nullableString = { type: ['string', 'null'] } as const;

const summarySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    split: { type: 'string', enum: ['train', 'test'] },
    contractType: nullableString,
    gender: nullableString,
    incomeType: nullableString,
    age: nullableNumber,
    income: nullableNumber,
    credit: nullableNumber,
    annuity: nullableNumber,
    probability: { ...nullableNumber, description: 'calibrated PD; null without a model' },
    points: nullableNumber,
    decision: { anyOf: [{ type: 'string', enum: ['grant', 'refuse'] }, { type: 'null' }] },
    band: {
      anyOf: [{ type: 'string', enum: ['excellent', 'good', 'fair', 'poor'] }, { type: 'null' }],
    },
  },
} as const;

const valueSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    label_fr: { type: 'string' },
    label_en: { type: 'string' },
    unit: nullableString,
    value: nullableNumber,
    category: nullableString,
    category_fr: { ...nullableString, description: 'the category in French words' },
    category_en: { ...nullableString, description: 'the category in English words' },
  },
} as const;

const fileSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    split: { type: 'string', enum: ['train', 'test'] },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string' },
          label_fr: { type: 'string' },
          label_en: { type: 'string' },
          values: { type: 'array', items: valueSchema },
        },
      },
    },
  },
} as const;

function repository(app: FastifyInstance): ClientRepository {
  const { clients, clientsProblem } = app.ctx;
  if (!clients) throw apiError('NOT_READY', { reason: clientsProblem ?? 'no client database' });
  return clients;
}

export async function clientRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: Omit<ClientListQuery, 'onlyId'> }>(
    '/api/clients',
    {
      preHandler: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['clients'],
        summary: 'Paged client list with filters (a customer sees only their own row)',
        querystring: listQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              total: { type: 'integer' },
              page: { type: 'integer' },
              pageSize: { type: 'integer' },
              clients: { type: 'array', items: summarySchema },
            },
          },
          ...errorResponses(400, 401, 403, 503),
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const q = request.query;
      const { scores, modelProblem } = app.ctx;
      checkFilters(q, { scores, modelProblem });
      const onlyId = user.role === 'customer' ? (user.clientId ?? -1) : undefined;
      const result = repository(app).list({ ...q, onlyId }, scores);
      return { total: result.total, page: q.page, pageSize: q.pageSize, clients: result.clients };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/clients/:id',
    {
      preHandler: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['clients'],
        summary: "A client's descriptive file, grouped in sections, with bilingual labels",
        params: clientIdParams,
        response: { 200: fileSchema, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const id = Number(request.params.id);
      assertClientAccess(user, id);
      const file = repository(app).file(id);
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
