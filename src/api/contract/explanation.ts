/**
 * A client's explanation: the answer of GET /api/clients/:id/explanation and the explaining part
 * of POST /api/score. The data is src/explain's (contributions.ts, themes.ts, reasons.ts), as
 * served by src/api/explanation/compact.ts.
 */
import { THEMES, UNITS } from '../../data/features/dictionary-types.ts';

export const featureThemeSchema = {
  $id: 'FeatureTheme',
  type: 'string',
  enum: [...THEMES, 'other'],
  description:
    "the feature dictionary's theme of a unit (explanations are told by theme); 'other' for a feature outside the dictionary",
} as const;

export const contributionUnitSchema = {
  $id: 'ContributionUnit',
  type: 'string',
  enum: [...UNITS, 'category'],
  description:
    "how a unit's value reads (the dictionary's unit); 'category' for a categorical (its value is in `category`)",
} as const;

/** The three scales every contribution (and every sum of them) is given in. */
const effect = {
  logOdds: {
    type: 'number',
    description: 'SHAP value in log-odds of default: > 0 raises the risk',
  },
  points: {
    type: 'number',
    description: 'the same on the score scale: > 0 raises the score (lowers the risk)',
  },
  probabilityPoints: {
    type: 'number',
    description:
      "share of the probability's change from the expected one, in percentage points: > 0 raises the probability of default",
  },
} as const;

export const contributionSchema = {
  $id: 'Contribution',
  type: 'object',
  description: "one explanation unit: a feature, or a categorical's one-hot columns together",
  required: [
    'key',
    'features',
    'labelFr',
    'labelEn',
    'theme',
    'unit',
    'actionable',
    'immutable',
    'sensitive',
    'value',
    'category',
    'logOdds',
    'points',
    'probabilityPoints',
  ],
  additionalProperties: false,
  properties: {
    key: {
      type: 'string',
      description: 'the feature name, or the raw categorical column for a one-hot group',
    },
    features: {
      type: 'array',
      items: { type: 'string' },
      description: 'the model features summed into this unit',
    },
    labelFr: { type: 'string' },
    labelEn: { type: 'string' },
    theme: { $ref: 'FeatureTheme#' },
    unit: { $ref: 'ContributionUnit#' },
    actionable: {
      type: 'boolean',
      description: 'the applicant can change it for this application (amount, term, goods price)',
    },
    immutable: {
      type: 'boolean',
      description: 'cannot change (age, gender, past history): never proposed as recourse',
    },
    sensitive: {
      type: 'boolean',
      description: 'a protected attribute or derived from one (present only when the model has it)',
    },
    value: {
      type: ['number', 'null'],
      description: "the client's value; null when missing, and for a categorical (see `category`)",
    },
    category: {
      type: ['string', 'null'],
      description: "for a categorical: the client's category, null when missing or unknown",
    },
    ...effect,
  },
} as const;

export const restOfContributionsSchema = {
  $id: 'RestOfContributions',
  type: 'object',
  description: 'what the top units leave out, summed',
  required: ['count', 'logOdds', 'points', 'probabilityPoints'],
  additionalProperties: false,
  properties: { count: { type: 'integer', description: 'units summed' }, ...effect },
} as const;

export const contributionSetSchema = {
  $id: 'ContributionSet',
  type: 'object',
  description: 'expectedLogOdds + Σ logOdds of every unit = logOdds, exactly',
  required: ['expectedLogOdds', 'logOdds', 'expectedProbability', 'probability', 'top', 'rest'],
  additionalProperties: false,
  properties: {
    expectedLogOdds: {
      type: 'number',
      description: "the model's mean margin (log-odds) over its training data",
    },
    logOdds: { type: 'number', description: "the client's margin" },
    expectedProbability: {
      type: 'number',
      description: 'the calibrated probability at the expected margin: the "average client"',
    },
    probability: {
      type: 'number',
      description: "the client's calibrated probability of default, as the score route gives it",
    },
    all: {
      type: 'array',
      items: { $ref: 'Contribution#' },
      description: 'every unit, largest |logOdds| first; only with ?all=true (≈150 KB)',
    },
    top: {
      type: 'array',
      items: { $ref: 'Contribution#' },
      description: 'the largest units (|logOdds|), one by one',
    },
    rest: { $ref: 'RestOfContributions#' },
  },
} as const;

export const themeContributionSchema = {
  $id: 'ThemeContribution',
  type: 'object',
  description:
    "one theme's units summed (exact: the themes add up to the whole), for the waterfall",
  required: ['theme', 'logOdds', 'points', 'probabilityPoints', 'count', 'contributions'],
  additionalProperties: false,
  properties: {
    theme: { $ref: 'FeatureTheme#' },
    ...effect,
    count: { type: 'integer', description: "the theme's units (the totals cover them all)" },
    contributions: {
      type: 'array',
      items: { $ref: 'Contribution#' },
      description: "the theme's largest units (|logOdds|), at most 8",
    },
  },
} as const;

export const reasonSchema = {
  $id: 'Reason',
  type: 'object',
  description:
    "a main reason of the score as French and English sentences citing the client's value and a population reference",
  required: [
    'key',
    'features',
    'direction',
    'theme',
    'textFr',
    'textEn',
    'labelFr',
    'labelEn',
    'valueFr',
    'valueEn',
    'referenceFr',
    'referenceEn',
    'logOdds',
    'points',
    'probabilityPoints',
    'sensitive',
  ],
  additionalProperties: false,
  properties: {
    key: { type: 'string', description: 'the unit (Contribution.key) behind the reason' },
    features: { type: 'array', items: { type: 'string' } },
    direction: {
      type: 'string',
      enum: ['adverse', 'favourable'],
      description: 'adverse raises the risk, favourable lowers it',
    },
    theme: { $ref: 'FeatureTheme#' },
    textFr: {
      type: 'string',
      description:
        'the whole sentence, e.g. "Âge : 24 ans, contre 44 ans pour les clients qui ont remboursé"',
    },
    textEn: { type: 'string' },
    labelFr: { type: 'string' },
    labelEn: { type: 'string' },
    valueFr: { type: 'string', description: "the client's value as written in the sentence" },
    valueEn: { type: 'string' },
    referenceFr: {
      type: ['string', 'null'],
      description: 'the population reference as written in the sentence; null when there is none',
    },
    referenceEn: { type: ['string', 'null'] },
    ...effect,
    sensitive: {
      type: 'boolean',
      description:
        'a protected attribute (or one derived from it) drives the reason: flagged, and its sentence says so',
    },
  },
} as const;

export const reasonSetSchema = {
  $id: 'ReasonSet',
  type: 'object',
  description: 'at most four reasons each way, largest first, at most two per theme',
  required: ['adverse', 'favourable'],
  additionalProperties: false,
  properties: {
    adverse: { type: 'array', items: { $ref: 'Reason#' } },
    favourable: { type: 'array', items: { $ref: 'Reason#' } },
  },
} as const;

export const explanationSchema = {
  $id: 'Explanation',
  type: 'object',
  description:
    'why the model scored the client so: exact TreeSHAP contributions, the same by theme, and the main reasons',
  required: ['clientId', 'modelVersion', 'contributions', 'themes', 'reasons'],
  additionalProperties: false,
  properties: {
    clientId: { type: 'integer' },
    modelVersion: { type: 'string' },
    contributions: { $ref: 'ContributionSet#' },
    themes: {
      type: 'array',
      items: { $ref: 'ThemeContribution#' },
      description: 'themes by decreasing |logOdds|',
    },
    reasons: { $ref: 'ReasonSet#' },
  },
} as const;
