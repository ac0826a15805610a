/**
 * The monitoring report: the answer of GET /api/monitoring (src/api/monitoring/routes.ts), the last
 * report `creditlens monitor` stored (src/model/monitoring/report.ts, docs/monitoring.md). A figure
 * that does not exist (no outcome, one class only) is null.
 */

const number = { type: 'number' } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const light = { type: 'string', enum: ['green', 'amber', 'red'] } as const;
const numbers = { type: 'array', items: number } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;

function object<const P extends Record<string, unknown>>(properties: P) {
  return {
    type: 'object',
    required: Object.keys(properties) as readonly (keyof P & string)[],
    additionalProperties: false,
    properties,
  } as const;
}

export const variableStabilitySchema = {
  $id: 'VariableStability',
  type: 'object',
  description: "One variable's stability: PSI on bins fixed on the development data",
  required: ['name', 'psi', 'status', 'bins', 'missingReference', 'missingWindow', 'unseenWindow'],
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    psi: { ...number, description: 'Σ (w − r) ln(w / r) over the bins, shares floored at 0.0001' },
    status: { ...light, description: 'green < 0.10 ≤ amber < 0.25 ≤ red' },
    bins: {
      type: 'object',
      required: ['labels', 'reference', 'window'],
      additionalProperties: false,
      properties: {
        labels: {
          ...strings,
          description: 'deciles "(a, b]", or categories, then "unseen", "missing"',
        },
        reference: { ...numbers, description: 'development rows per bin' },
        window: { ...numbers, description: 'window rows per bin' },
      },
    },
    missingReference: { ...number, description: 'share missing in the development population' },
    missingWindow: { ...number, description: 'share missing in the window' },
    unseenWindow: { ...number, description: 'share of window values no development row had' },
  },
} as const;

const expected = object({
  count: { type: 'integer' },
  expectedDefaultRate: nullableNumber,
  expectedAuc: nullableNumber,
});

const reliability = object({ predicted: numbers, observed: numbers, count: numbers });

const bandBackTest = object({
  band: { type: 'string' },
  count: { type: 'integer' },
  defaults: { type: 'integer' },
  observedRate: number,
  predicted: { ...number, description: 'mean calibrated probability of the band' },
  lower: { ...number, description: 'Jeffreys interval, Beta(d + ½, n − d + ½) quantiles' },
  upper: number,
  level: number,
  pValue: { ...number, description: 'Beta(d + ½, n − d + ½) CDF at the predicted PD' },
  status: { ...light, description: 'red p < 0.01, amber p < 0.05' },
});

const aucInterval = object({
  auc: number,
  standardError: { ...number, description: 'DeLong' },
  lower: number,
  upper: number,
  level: number,
  gini: number,
  giniLower: number,
  giniUpper: number,
  positives: { type: 'integer' },
  negatives: { type: 'integer' },
  test: object({
    developmentAuc: number,
    statistic: { ...nullableNumber, description: 'S = (AUC_dev − AUC) / SE' },
    pValue: { ...number, description: 'one-sided: 1 − Φ(S)' },
  }),
});

export const monitoringReportSchema = {
  $id: 'MonitoringReport',
  ...object({
    format: { type: 'string', enum: ['creditlens-monitoring'] },
    version: { type: 'integer', enum: [1] },
    createdAt: { type: 'string', format: 'date-time' },
    model: object({
      id: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' },
      developmentAuc: number,
      bands: { ...strings, description: 'score bands, best first' },
    }),
    source: object({
      applications: { type: 'string' },
      outcomes: { type: ['string', 'null'] },
      period: {
        type: ['object', 'null'],
        description:
          "the stored applications' window (days, UTC; until null: up to now); null for files",
        required: ['since', 'until'],
        additionalProperties: false,
        properties: {
          since: { type: 'string', format: 'date' },
          until: { type: ['string', 'null'], format: 'date' },
        },
      },
    }),
    rows: object({
      reference: { type: 'integer' },
      window: { type: 'integer' },
      rejected: { type: 'integer' },
    }),
    rejected: {
      type: 'array',
      description: 'the first 20 rows skipped, by line',
      items: object({ line: { type: 'integer' }, message: { type: 'string' } }),
    },
    thresholds: object({
      psi: object({ amber: number, red: number }),
      jeffreys: object({ amber: number, red: number }),
    }),
    summary: object({ status: light, red: strings, amber: strings }),
    score: { $ref: 'VariableStability#' },
    bandMix: object({
      psi: number,
      status: light,
      bands: {
        type: 'array',
        items: object({ band: { type: 'string' }, reference: number, window: number }),
      },
    }),
    features: { type: 'array', items: { $ref: 'VariableStability#' } },
    unseenCategories: {
      type: 'array',
      items: object({
        column: { type: 'string' },
        values: {
          type: 'array',
          items: object({ value: { type: 'string' }, count: { type: 'integer' } }),
        },
        share: number,
      }),
    },
    expected: object({ reference: expected, window: expected }),
    performance: {
      anyOf: [
        { type: 'null' },
        object({
          count: { type: 'integer' },
          defaults: { type: 'integer' },
          observedRate: nullableNumber,
          predictedRate: nullableNumber,
          auc: { anyOf: [{ type: 'null' }, aucInterval] },
          brier: nullableNumber,
          reliability,
          bands: { type: 'array', items: bandBackTest },
          unmatched: { type: 'integer' },
        }),
      ],
    },
  }),
  description: 'The last monitoring report computed by `creditlens monitor`',
} as const;
