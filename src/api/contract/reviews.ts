/**
 * A client's requests for a human review of the assessment (CCD 2023/2225 Art. 18): the answers
 * of POST and GET /api/clients/:id/reviews and GET /api/reviews (src/api/reviews/routes.ts).
 */
import { decisionSchema } from './score.ts';

/** The reason categories a decision must give (src/api/decisions/routes.ts). */
export const REASON_CATEGORIES = [
  'additional-income',
  'guarantee',
  'data-error',
  'review-request',
  'other',
] as const;

export const reasonCategorySchema = {
  $id: 'ReasonCategory',
  type: 'string',
  enum: REASON_CATEGORIES,
  description:
    "why the adviser decided so: 'additional-income' (justified additional income), 'guarantee', 'data-error' (the file held wrong data), 'review-request' (the client's review request), 'other'",
} as const;

export const reviewStatusSchema = {
  $id: 'ReviewStatus',
  type: 'string',
  enum: ['received', 'in-review', 'decided'],
  description:
    "'received' (filed), 'in-review' (an adviser took it), 'decided' (a decision answered it)",
} as const;

const outcome = {
  type: ['object', 'null'],
  description: 'the decision that answered the request; null until decided',
  required: ['decisionId', 'decision', 'reasonCategory', 'justification', 'username', 'at'],
  additionalProperties: false,
  properties: {
    decisionId: { type: 'integer', description: "the decision's audit record id" },
    decision: { type: 'string', enum: decisionSchema.enum },
    reasonCategory: { $ref: 'ReasonCategory#' },
    justification: { type: ['string', 'null'] },
    username: { type: 'string', description: 'the adviser who decided' },
    at: { type: 'string', format: 'date-time' },
  },
} as const;

export const reviewRecordSchema = {
  $id: 'ReviewRecord',
  type: 'object',
  required: [
    'id',
    'clientId',
    'username',
    'role',
    'pointOfView',
    'corrections',
    'status',
    'createdAt',
    'updatedAt',
    'outcome',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'integer' },
    clientId: { type: 'integer' },
    username: {
      type: 'string',
      description: 'who filed it (the customer, or an adviser for them)',
    },
    role: { $ref: 'Role#' },
    pointOfView: { type: 'string', description: "the client's point of view, as written" },
    corrections: {
      type: 'object',
      description: 'application fields the client says are wrong, with the values they give',
      additionalProperties: { type: ['string', 'number'] },
    },
    status: { $ref: 'ReviewStatus#' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    outcome,
  },
} as const;

export const reviewListSchema = {
  $id: 'ReviewList',
  type: 'object',
  required: ['reviews'],
  additionalProperties: false,
  properties: {
    reviews: {
      type: 'array',
      items: { $ref: 'ReviewRecord#' },
      description: 'newest first, at most 200',
    },
  },
} as const;
