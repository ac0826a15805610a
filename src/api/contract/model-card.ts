/** The active model's card data: the answer of GET /api/model (src/model/run-record.ts, served). */

const METRIC_NAMES = [
  'rocAuc',
  'gini',
  'ks',
  'prAuc',
  'brier',
  'logLoss',
  'threshold',
  'cost',
  'normalisedCost',
  'recall',
  'precision',
  'fBeta',
] as const;

const curve = {
  type: 'object',
  required: ['x', 'y'],
  additionalProperties: false,
  properties: {
    x: { type: 'array', items: { type: 'number' } },
    y: { type: 'array', items: { type: 'number' } },
  },
} as const;

const reliabilityCurve = {
  type: 'object',
  required: ['predicted', 'observed', 'count'],
  additionalProperties: false,
  properties: {
    predicted: { type: 'array', items: { type: 'number' }, description: 'mean PD per bin' },
    observed: { type: 'array', items: { type: 'number' }, description: 'default rate per bin' },
    count: { type: 'array', items: { type: 'integer' } },
  },
} as const;

/** Metric name → value (mean or standard deviation over folds). */
const metricRecord = {
  type: 'object',
  required: METRIC_NAMES,
  additionalProperties: false,
  properties: Object.fromEntries(METRIC_NAMES.map((m) => [m, { type: 'number' }])) as {
    [M in (typeof METRIC_NAMES)[number]]: { type: 'number' };
  },
} as const;

export const binaryMetricsSchema = {
  $id: 'BinaryMetrics',
  type: 'object',
  description: 'positive class = default; threshold-dependent metrics at `threshold`',
  required: [...METRIC_NAMES, 'beta', 'confusion'],
  additionalProperties: false,
  properties: {
    ...metricRecord.properties,
    beta: { type: 'number' },
    confusion: {
      type: 'object',
      required: ['truePositive', 'falsePositive', 'trueNegative', 'falseNegative'],
      additionalProperties: false,
      properties: {
        truePositive: { type: 'integer' },
        falsePositive: { type: 'integer' },
        trueNegative: { type: 'integer' },
        falseNegative: { type: 'integer' },
      },
    },
  },
} as const;

/** One model of a comparison (src/model/run-record.ts VariantMetrics). */
const variantMetrics = {
  type: 'object',
  required: [
    'monotone',
    'clientExplainableOnly',
    'featureCount',
    'cvRocAuc',
    'cvRocAucStd',
    'cvNormalisedCost',
    'cvNormalisedCostStd',
    'holdoutRocAuc',
    'holdoutNormalisedCost',
    'threshold',
  ],
  additionalProperties: false,
  properties: {
    monotone: { type: 'boolean', description: 'trained with the declared monotone constraints' },
    clientExplainableOnly: {
      type: 'boolean',
      description: 'trained on the client-explainable features only',
    },
    featureCount: { type: 'integer' },
    cvRocAuc: { type: 'number', description: 'out-of-fold, mean over folds' },
    cvRocAucStd: { type: 'number' },
    cvNormalisedCost: { type: 'number', description: 'out-of-fold, mean over folds' },
    cvNormalisedCostStd: { type: 'number' },
    holdoutRocAuc: { type: 'number' },
    holdoutNormalisedCost: { type: 'number', description: "at the model's own threshold" },
    threshold: { type: 'number', description: 'chosen on its own out-of-fold predictions' },
  },
} as const;

export const modelCardSchema = {
  $id: 'ModelCard',
  type: 'object',
  required: [
    'id',
    'createdAt',
    'codeVersion',
    'chosen',
    'rows',
    'featureCount',
    'excludedFeatures',
    'costs',
    'threshold',
    'decisionBands',
    'scoreScale',
    'scoreBands',
    'holdout',
    'cv',
    'candidates',
    'curves',
    'calibration',
    'importance',
    'fairness',
    'monotone',
    'clientExplainableOnly',
    'comparisons',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'string', description: 'registry identifier, e.g. m-20261128-031500-ab12' },
    createdAt: { type: 'string', format: 'date-time' },
    codeVersion: { type: 'string' },
    chosen: { type: 'string', enum: ['baseline', 'logistic', 'gbdt', 'gbdt-weighted'] },
    rows: {
      type: 'object',
      required: ['train', 'holdout', 'positiveRate'],
      additionalProperties: false,
      properties: {
        train: { type: 'integer' },
        holdout: { type: 'integer' },
        positiveRate: { type: 'number' },
      },
    },
    featureCount: { type: 'integer' },
    excludedFeatures: {
      type: 'array',
      description: 'features left out on purpose (e.g. protected attributes) and why',
      items: {
        type: 'object',
        required: ['name', 'reason'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, reason: { type: 'string' } },
      },
    },
    costs: {
      type: 'object',
      required: ['falseNegative', 'falsePositive'],
      additionalProperties: false,
      properties: {
        falseNegative: { type: 'number', description: 'cost of granting a defaulter' },
        falsePositive: { type: 'number', description: 'cost of refusing a good client' },
      },
    },
    threshold: { type: 'number', description: 'refuse when PD ≥ threshold' },
    decisionBands: {
      type: ['object', 'null'],
      required: ['acceptBelow', 'declineFrom'],
      additionalProperties: false,
      properties: { acceptBelow: { type: 'number' }, declineFrom: { type: 'number' } },
    },
    scoreScale: { $ref: 'ScoreScale#' },
    scoreBands: { type: 'array', items: { $ref: 'ScoreBand#' } },
    holdout: { $ref: 'BinaryMetrics#' },
    cv: {
      type: 'object',
      description: 'mean and standard deviation over cross-validation folds',
      required: ['mean', 'std'],
      additionalProperties: false,
      properties: { mean: metricRecord, std: metricRecord },
    },
    candidates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'holdout'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', enum: ['baseline', 'logistic', 'gbdt', 'gbdt-weighted'] },
          holdout: { $ref: 'BinaryMetrics#' },
        },
      },
    },
    curves: {
      type: 'object',
      required: ['roc', 'precisionRecall', 'cost'],
      additionalProperties: false,
      properties: {
        roc: curve,
        precisionRecall: curve,
        cost: { ...curve, description: 'normalised cost (y) against threshold (x), out-of-fold' },
      },
    },
    calibration: {
      type: 'object',
      required: [
        'method',
        'cvBrier',
        'brierBefore',
        'brierAfter',
        'reliabilityBefore',
        'reliabilityAfter',
      ],
      additionalProperties: false,
      properties: {
        method: { type: 'string', enum: ['identity', 'platt', 'isotonic'] },
        cvBrier: {
          type: 'object',
          description: 'cross-validated Brier score of each method tried, by method name',
          additionalProperties: { type: 'number' },
        },
        brierBefore: { type: 'number' },
        brierAfter: { type: 'number' },
        reliabilityBefore: reliabilityCurve,
        reliabilityAfter: reliabilityCurve,
      },
    },
    importance: {
      type: 'object',
      required: ['features', 'themes'],
      additionalProperties: false,
      properties: {
        features: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'meanAbsShap', 'labelFr', 'labelEn'],
            additionalProperties: false,
            properties: {
              name: { type: 'string' },
              meanAbsShap: { type: 'number', description: 'mean |SHAP| on the holdout, log-odds' },
              labelFr: { type: 'string' },
              labelEn: { type: 'string' },
            },
          },
        },
        themes: {
          type: 'array',
          items: {
            type: 'object',
            required: ['theme', 'meanAbsShap'],
            additionalProperties: false,
            properties: { theme: { type: 'string' }, meanAbsShap: { type: 'number' } },
          },
        },
      },
    },
    fairness: {
      type: 'array',
      items: {
        type: 'object',
        required: ['attribute', 'referenceGroup', 'groups'],
        additionalProperties: false,
        properties: {
          attribute: { type: 'string', enum: ['gender', 'age band'] },
          referenceGroup: { type: 'string' },
          groups: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'group',
                'count',
                'approvalRate',
                'defaultRate',
                'adverseImpactRatio',
                'approvalRateOfRepayers',
                'flagged',
              ],
              additionalProperties: false,
              properties: {
                group: { type: 'string' },
                count: { type: 'integer' },
                approvalRate: { type: 'number' },
                defaultRate: { type: 'number' },
                adverseImpactRatio: { type: 'number', description: '< 0.8 is flagged' },
                approvalRateOfRepayers: { type: 'number' },
                flagged: { type: 'boolean' },
              },
            },
          },
        },
      },
    },
    monotone: {
      type: 'object',
      description:
        'monotone constraints imposed (declared in src/data/features/monotone.ts) and directions learned',
      required: ['enabled', 'constraints', 'learned'],
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean', description: 'false: trained with --no-monotone' },
        constraints: {
          type: 'array',
          items: {
            type: 'object',
            required: ['feature', 'direction'],
            additionalProperties: false,
            properties: {
              feature: { type: 'string' },
              direction: {
                type: 'integer',
                enum: [1, -1],
                description: '1: more never lowers the risk; −1: more never raises it',
              },
            },
          },
        },
        learned: {
          type: 'array',
          description:
            'features with a declared direction, or left free, that the model uses: the direction read from the SHAP dependence on the holdout',
          items: {
            type: 'object',
            required: ['feature', 'declared', 'correlation', 'direction'],
            additionalProperties: false,
            properties: {
              feature: { type: 'string' },
              declared: { type: 'integer', enum: [1, 0, -1], description: '0: none declared' },
              correlation: {
                type: ['number', 'null'],
                description: 'Spearman ρ of values and contributions; null when unused',
              },
              direction: { type: 'string', enum: ['riskier', 'safer', 'mixed', 'unused'] },
            },
          },
        },
      },
    },
    clientExplainableOnly: {
      type: 'boolean',
      description: 'trained on the client-explainable features only (reason-code catalogue)',
    },
    comparisons: {
      type: 'array',
      description:
        'the served model beside one trained alike (served hyper-parameters, same folds and holdout) but for one setting',
      items: {
        type: 'object',
        required: ['setting', 'served', 'alternative'],
        additionalProperties: false,
        properties: {
          setting: { type: 'string', enum: ['monotone', 'client-explainable-only'] },
          served: variantMetrics,
          alternative: variantMetrics,
        },
      },
    },
  },
} as const;
