/**
 * Everything held about a client, as GET /api/clients/:id/data answers it in JSON (GDPR Art. 15
 * and 20; src/api/my-data/routes.ts): the application, the credit history aggregates with their
 * labels, the score, the decisions and the review requests.
 */
export const heldValueSchema = {
  $id: 'HeldValue',
  type: 'object',
  description: 'one value held: a number or a category (the other null; both null when missing)',
  required: ['field', 'label_fr', 'label_en', 'value', 'category'],
  additionalProperties: false,
  properties: {
    field: { type: 'string', description: 'the column, as in the Home Credit files' },
    label_fr: { type: 'string' },
    label_en: { type: 'string' },
    value: { type: ['number', 'null'], description: 'a numeric value' },
    category: { type: ['string', 'null'], description: 'a categorical value, as stored' },
  },
} as const;

export const clientDataSchema = {
  $id: 'ClientData',
  type: 'object',
  required: ['clientId', 'generatedAt', 'application', 'history', 'score', 'decisions', 'reviews'],
  additionalProperties: false,
  properties: {
    clientId: { type: 'integer' },
    generatedAt: { type: 'string', format: 'date-time' },
    application: {
      type: 'array',
      items: { $ref: 'HeldValue#' },
      description: 'the application as stored (application_train / application_test)',
    },
    history: {
      type: 'array',
      items: { $ref: 'HeldValue#' },
      description:
        'the aggregates of the credit history (credit bureau, previous applications, instalments, cards), one per feature',
    },
    score: {
      type: ['object', 'null'],
      description: "the active model's score; null without a model",
      required: ['modelVersion', 'probability', 'points', 'band', 'decision', 'threshold'],
      additionalProperties: false,
      properties: {
        modelVersion: { type: 'string' },
        probability: { type: 'number', description: 'probability of default' },
        points: { type: 'number' },
        band: { type: 'string' },
        decision: { $ref: 'Decision#' },
        threshold: { type: 'number' },
      },
    },
    decisions: { type: 'array', items: { $ref: 'DecisionRecord#' } },
    reviews: { type: 'array', items: { $ref: 'ReviewRecord#' } },
  },
} as const;
