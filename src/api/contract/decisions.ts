/**
 * The adviser's final decisions on a client: the answers of POST and GET
 * /api/clients/:id/decisions (src/api/decisions/routes.ts). (`Decision` is the grant/refuse value.)
 */
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
      description: 'why the model was overridden (trimmed); null when none was given',
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
