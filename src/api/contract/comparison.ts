/**
 * The comparisons of a client with other clients (src/api/comparison, on src/explain): similar
 * clients, a feature's distribution in a group, two features of a group as a scatter.
 */
import { nullableFeatureUnit } from './explanation.ts';

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
  required: ['feature', 'unit', 'client', 'groupMean', 'groupMedian', 'groupCount'],
  additionalProperties: false,
  properties: {
    feature: { type: 'string' },
    unit: nullableFeatureUnit,
    client: { type: ['number', 'null'], description: "the client's value; null when missing" },
    groupMean: {
      type: ['number', 'null'],
      description:
        'over the members with a value; null when none has one (for a customer: fewer than 10)',
    },
    groupMedian: {
      type: ['number', 'null'],
      description: 'null when none has a value (for a customer: fewer than 10 on either side)',
    },
    groupCount: {
      type: ['integer', 'null'],
      description: 'members with a value; null for a customer (see docs/api.md, "Privacy")',
    },
  },
} as const;

/** The answer of GET /api/clients/:id/similar. */
export const similarClientsSchema = {
  $id: 'SimilarClients',
  type: 'object',
  required: ['clientId', 'space', 'size', 'neighbours', 'defaultRate', 'meanScore', 'comparison'],
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
    size: {
      type: 'integer',
      description:
        "the similar clients the figures cover: k for staff, the fixed group's size for a customer",
    },
    neighbours: {
      type: ['array', 'null'],
      description:
        'nearest first, all with a known outcome; null for a customer (no neighbour list)',
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
      type: 'array',
      description:
        'the client beside the neighbours on each feature of the space (for a customer, figures on fewer than 10 clients are null)',
      items: { $ref: 'FeatureComparison#' },
    },
  },
} as const;

/** A quantile: null when withheld from a customer (fewer than 10 values at or beyond it). */
const quantile = {
  type: ['number', 'null'],
  description: 'null when withheld from a customer: fewer than 10 values on either side',
} as const;

/** Quantiles of a group's values (src/explain/distribution.ts); null when the group has none. */
const quantilesOrNull = {
  type: ['object', 'null'],
  required: ['p5', 'p25', 'p50', 'p75', 'p95'],
  additionalProperties: false,
  properties: {
    p5: quantile,
    p25: quantile,
    p50: { ...quantile, description: 'the median; null when withheld from a customer' },
    p75: quantile,
    p95: quantile,
  },
} as const;

/** Clients per bin of one outcome; null when suppressed for a customer (1 to 9 clients). */
const counts = {
  type: ['array', 'null'],
  items: { type: 'integer' },
  description: 'null: withheld from a customer, fewer than 10 clients of this outcome',
} as const;

/** How a customer's answer was coarsened (src/explain/disclosure.ts); null for staff (exact). */
const disclosure = {
  type: ['object', 'null'],
  required: ['minCell', 'merged', 'suppressed'],
  additionalProperties: false,
  description:
    'how the answer was coarsened for a customer: every count shown is 0 or at least minCell, adjacent bins merged to get there; outcomes with 1 to minCell − 1 clients (with a value, or without one) suppressed. Null for staff: their answer is exact',
  properties: {
    minCell: { type: 'integer', description: 'the fewest clients a figure shown rests on (10)' },
    merged: {
      type: 'boolean',
      description: 'whether adjacent bins were merged (edges are then a subset of the shared ones)',
    },
    suppressed: {
      type: 'array',
      description: 'the outcomes whose counts and quantiles are withheld (null)',
      items: { type: 'string', enum: ['repaid', 'defaulted', 'unknown'] },
    },
  },
} as const;

/** The answer of GET /api/population/features/:name (src/explain/distribution.ts). */
export const featureDistributionSchema = {
  $id: 'FeatureDistribution',
  type: 'object',
  required: [
    'group',
    'feature',
    'unit',
    'size',
    'missing',
    'edges',
    'counts',
    'quantiles',
    'client',
    'disclosure',
  ],
  additionalProperties: false,
  properties: {
    group: { $ref: 'GroupName#' },
    feature: { type: 'string' },
    unit: nullableFeatureUnit,
    size: { type: 'integer', description: 'clients in the group' },
    missing: {
      type: ['integer', 'null'],
      description:
        'clients of the group without a value; null when withheld from a customer (an outcome suppressed)',
    },
    edges: {
      type: 'array',
      items: { type: 'number' },
      description:
        'bins + 1 edges shared by every group; values beyond the ends count in the end bins. For a customer, merged bins drop inner edges (a subset of the shared ones)',
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
          description:
            '0–100 within the group (a whole number for a customer); null when the group is empty',
        },
      },
    },
    disclosure,
  },
} as const;

/** The answer of GET /api/population/scatter (src/explain/scatter.ts). */
export const scatterSchema = {
  $id: 'Scatter',
  type: 'object',
  required: ['group', 'x', 'y', 'xUnit', 'yUnit', 'size', 'available', 'points', 'client'],
  additionalProperties: false,
  properties: {
    group: { $ref: 'GroupName#' },
    x: { type: 'string', description: 'feature on the horizontal axis' },
    y: { type: 'string', description: 'feature on the vertical axis' },
    xUnit: nullableFeatureUnit,
    yUnit: nullableFeatureUnit,
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
