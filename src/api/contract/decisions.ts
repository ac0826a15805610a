/**
 * The adviser's final decisions on a client: the answers of POST and GET
 * /api/clients/:id/decisions (src/api/decisions/routes.ts). (`Decision` is the grant/refuse value.)
 */
import { REASON_CATEGORIES } from './reviews.ts';
import { decisionSchema } from './score.ts';

export const decisionRecordSchema = {
  $id: 'DecisionRecord',
  type: 'object',
  required: [
    'id',
    'clientId',
    'at',
    'username',
    'decision',
    'modelDecision',
    'followsModel',
    'justification',
    'reasonCategory',
    'reviewId',
    'modelVersion',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', description: 'audit record id' },
    clientId: { type: 'integer' },
    at: { type: 'string', format: 'date-time', description: 'ISO 8601 time' },
    username: { type: ['string', 'null'] },
    decision: {
      type: 'string',
      enum: decisionSchema.enum,
      description: "the adviser's final decision (grant or refuse, as a Decision)",
    },
    modelDecision: { $ref: 'Decision#' },
    followsModel: { type: 'boolean' },
    justification: {
      type: ['string', 'null'],
      description: 'why the adviser decided so (trimmed); null when none was given',
    },
    reasonCategory: {
      type: ['string', 'null'],
      enum: [...REASON_CATEGORIES, null],
      description:
        'the reason category (ReasonCategory); null for decisions recorded before categories',
    },
    reviewId: {
      type: ['integer', 'null'],
      description: 'the review request this decision answered and closed; else null',
    },
    modelVersion: { type: ['string', 'null'] },
  },
} as const;

/** The decisions recorded on a client, newest first (at most 100). */
export const decisionHistorySchema = {
  $id: 'DecisionHistory',
  type: 'object',
  required: ['decisions'],
  additionalProperties: false,
  properties: { decisions: { type: 'array', items: { $ref: 'DecisionRecord#' } } },
} as const;

/** A page of the decisions recorded across clients, newest first: GET /api/decisions. */
export const decisionPageSchema = {
  $id: 'DecisionPage',
  type: 'object',
  required: ['total', 'page', 'pageSize', 'decisions'],
  additionalProperties: false,
  properties: {
    total: { type: 'integer', description: 'decisions passing the filters, over every page' },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    decisions: { type: 'array', items: { $ref: 'DecisionRecord#' } },
  },
} as const;
