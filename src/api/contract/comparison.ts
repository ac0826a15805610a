/**
 * The comparisons of a client with other clients (src/api/comparison, on src/explain): similar
 * clients, a feature's distribution in a group, two features of a group as a scatter.
 */

/** The group a client is compared with. */
export const groupNameSchema = {
  $id: 'GroupName',
  type: 'string',
  enum: ['all', 'similar', 'filtered'],
  description: "every client, the client's k similar clients, or the clients passing the filters",
} as const;

/** A neighbour among the similar clients (src/explain/similar.ts). */
export const similarClientSchema = {
  $id: 'SimilarClient',
  type: 'object',
  required: ['distance', 'defaulted', 'score'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', description: 'SK_ID_CURR; withheld from customers' },
    distance: {
      type: 'number',
      description: 'weighted Euclidean distance in the standardised space (0 = identical)',
    },
    defaulted: { type: 'boolean' },
    score: {
      type: ['number', 'null'],
      description: "the neighbour's calibrated probability of default; null without scores",
    },
  },
} as const;

/** The client beside a group on one feature (src/explain/group-comparison.ts). */
export const featureComparisonSchema = {
  $id: 'FeatureComparison',
  type: 'object',
  required: ['feature', 'client', 'groupMean', 'groupMedian', 'groupCount'],
  additionalProperties: false,
  properties: {
    feature: { type: 'string' },
    client: { type: ['number', 'null'], description: "the client's value; null when missing" },
    groupMean: {
      type: ['number', 'null'],
      description: 'over the members with a value; null when none has one',
    },
    groupMedian: { type: ['number', 'null'] },
    groupCount: { type: 'integer', description: 'members with a value' },
  },
} as const;

/** The answer of GET /api/clients/:id/similar. */
export const similarClientsSchema = {
  $id: 'SimilarClients',
  type: 'object',
  required: ['clientId', 'space', 'neighbours', 'defaultRate', 'meanScore', 'comparison'],
  additionalProperties: false,
  properties: {
    clientId: { type: 'integer' },
    space: {
      type: 'array',
      description: "the model's most important features, weighted (weights sum to 1)",
      items: {
        type: 'object',
        required: ['name', 'weight'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, weight: { type: 'number' } },
      },
    },
    neighbours: {
      type: 'array',
      description: 'nearest first, all with a known outcome',
      items: { $ref: 'SimilarClient#' },
    },
    defaultRate: {
      type: ['number', 'null'],
      description: 'share of the neighbours who defaulted; null without neighbours',
    },
    meanScore: {
      type: ['number', 'null'],
      description: "the neighbours' mean calibrated probability of default; null without scores",
    },
    comparison: {
      type: ['array', 'null'],
      description:
        'the client beside the neighbours on each feature of the space; null when withheld (a customer with fewer neighbours than the minimum group)',
      items: { $ref: 'FeatureComparison#' },
    },
  },
} as const;

/** Quantiles of a group's values (src/explain/distribution.ts); null when the group has none. */
const quantilesOrNull = {
  type: ['object', 'null'],
  required: ['p5', 'p25', 'p50', 'p75', 'p95'],
  additionalProperties: false,
  properties: {
    p5: { type: 'number' },
    p25: { type: 'number' },
    p50: { type: 'number', description: 'the median' },
    p75: { type: 'number' },
    p95: { type: 'number' },
  },
} as const;

const counts = { type: 'array', items: { type: 'integer' } } as const;

/** The answer of GET /api/population/features/:name (src/explain/distribution.ts). */
export const featureDistributionSchema = {
  $id: 'FeatureDistribution',
  type: 'object',
  required: ['group', 'feature', 'size', 'missing', 'edges', 'counts', 'quantiles', 'client'],
  additionalProperties: false,
  properties: {
    group: { $ref: 'GroupName#' },
    feature: { type: 'string' },
    size: { type: 'integer', description: 'clients in the group' },
    missing: { type: 'integer', description: 'clients of the group without a value' },
    edges: {
      type: 'array',
      items: { type: 'number' },
      description:
        'bins + 1 edges shared by every group; values beyond the ends count in the end bins',
    },
    counts: {
      type: 'object',
      description: 'clients per bin, by outcome',
      required: ['repaid', 'defaulted', 'unknown'],
      additionalProperties: false,
      properties: {
        repaid: counts,
        defaulted: counts,
        unknown: { ...counts, description: 'clients without a known outcome (test split)' },
      },
    },
    quantiles: {
      type: 'object',
      description: "over the group's values, and its repaid and defaulted clients (null if none)",
      required: ['all', 'repaid', 'defaulted'],
      additionalProperties: false,
      properties: { all: quantilesOrNull, repaid: quantilesOrNull, defaulted: quantilesOrNull },
    },
    client: {
      type: ['object', 'null'],
      description: "the client's value and place; null without a client or a value",
      required: ['value', 'percentile'],
      additionalProperties: false,
      properties: {
        value: { type: 'number' },
        percentile: {
          type: ['number', 'null'],
          description: '0–100 within the group; null when the group is empty',
        },
      },
    },
  },
} as const;

/** The answer of GET /api/population/scatter (src/explain/scatter.ts). */
export const scatterSchema = {
  $id: 'Scatter',
  type: 'object',
  required: ['group', 'x', 'y', 'size', 'available', 'points', 'client'],
  additionalProperties: false,
  properties: {
    group: { $ref: 'GroupName#' },
    x: { type: 'string', description: 'feature on the horizontal axis' },
    y: { type: 'string', description: 'feature on the vertical axis' },
    size: { type: 'integer', description: 'clients in the group' },
    available: { type: 'integer', description: 'clients of the group with both values' },
    points: {
      type: 'object',
      description: 'columns, one entry per point (a deterministic sample; no ids)',
      required: ['x', 'y', 'outcome'],
      additionalProperties: false,
      properties: {
        x: { type: 'array', items: { type: 'number' } },
        y: { type: 'array', items: { type: 'number' } },
        outcome: {
          type: 'array',
          items: { type: 'string', enum: ['repaid', 'defaulted', 'unknown'] },
        },
      },
    },
    client: {
      type: ['object', 'null'],
      description: "the client's point; null without a client or when a value is missing",
      required: ['x', 'y'],
      additionalProperties: false,
      properties: { x: { type: 'number' }, y: { type: 'number' } },
    },
  },
} as const;
