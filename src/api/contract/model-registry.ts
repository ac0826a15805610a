/**
 * The registry's runs and a promotion: the answers of GET /api/admin/models and POST
 * /api/admin/models/:id/promote (src/api/admin/models.ts).
 */

const nullableNumber = { type: ['number', 'null'] } as const;

export const modelSummarySchema = {
  $id: 'ModelSummary',
  type: 'object',
  required: [
    'id',
    'createdAt',
    'chosen',
    'source',
    'holdoutAuc',
    'holdoutCost',
    'threshold',
    'active',
    'served',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    chosen: {
      type: 'string',
      enum: ['baseline', 'logistic', 'gbdt', 'gbdt-weighted'],
      description: 'the candidate the run serves',
    },
    source: {
      type: 'string',
      enum: ['feature-table', 'csv'],
      description: 'feature table or CSV',
    },
    holdoutAuc: { ...nullableNumber, description: 'holdout ROC-AUC of the chosen candidate' },
    holdoutCost: {
      ...nullableNumber,
      description: 'holdout normalised cost (< 1 beats the best trivial policy)',
    },
    threshold: { type: 'number' },
    active: { type: 'boolean', description: 'the registry names it active' },
    served: { type: 'boolean', description: 'this server scores with it now' },
  },
} as const;

/** The registry's runs, newest first. */
export const modelListSchema = {
  $id: 'ModelList',
  type: 'object',
  required: ['served', 'models'],
  additionalProperties: false,
  properties: {
    served: { type: ['string', 'null'], description: 'the run this server scores with' },
    models: { type: 'array', items: { $ref: 'ModelSummary#' } },
  },
} as const;

export const promotionSchema = {
  $id: 'Promotion',
  type: 'object',
  required: ['served', 'previous', 'clients'],
  additionalProperties: false,
  properties: {
    served: { type: 'string', description: 'the run served from now on' },
    previous: { type: ['string', 'null'], description: 'the run served before' },
    clients: { type: 'integer', description: 'clients scored by the new model' },
  },
} as const;
