/**
 * Observed outcomes of granted loans: the body and answer of POST /api/outcomes
 * (src/api/outcomes/routes.ts). A batch is recorded all or nothing; the same outcome sent again is
 * counted as unchanged (the route is idempotent by content).
 */

/** Items per request: 1,000 items of 57 bytes fit the 64 KiB body limit (a larger file: the CLI). */
export const OUTCOME_BATCH_MAX = 1_000;

const outcomeItem = {
  type: 'object',
  description: "One granted loan's observed outcome",
  required: ['clientId', 'defaulted', 'date'],
  additionalProperties: false,
  properties: {
    clientId: {
      type: 'integer',
      minimum: 1,
      maximum: 9_007_199_254_740_991,
      description: "the stored application's client id",
    },
    defaulted: { type: 'integer', enum: [0, 1], description: '1 = defaulted, 0 = repaid' },
    date: {
      type: 'string',
      format: 'date',
      description: 'the day the outcome was observed (YYYY-MM-DD, not in the future)',
    },
  },
} as const;

/** The request body (inline in the route: request bodies are validated without the components). */
export const outcomeBatchBody = {
  type: 'object',
  required: ['outcomes'],
  additionalProperties: false,
  properties: {
    outcomes: {
      type: 'array',
      minItems: 1,
      maxItems: OUTCOME_BATCH_MAX,
      items: outcomeItem,
    },
  },
} as const;

export const outcomeBatchResultSchema = {
  $id: 'OutcomeBatchResult',
  type: 'object',
  description: 'What the batch did: every item recorded anew or already there, identical',
  required: ['recorded', 'unchanged', 'stored'],
  additionalProperties: false,
  properties: {
    recorded: { type: 'integer', description: 'items recorded by this request' },
    unchanged: { type: 'integer', description: 'items already recorded with the same outcome' },
    stored: { type: 'integer', description: 'outcomes in the store after the request' },
  },
} as const;
