/** A client's score: the answer of GET /api/clients/:id/score and the part of others that repeat it. */

export const bandNameSchema = {
  $id: 'BandName',
  type: 'string',
  enum: ['excellent', 'good', 'fair', 'poor'],
  description: 'plain-language band of points, best first',
} as const;

export const decisionSchema = {
  $id: 'Decision',
  type: 'string',
  enum: ['grant', 'refuse'],
  description: 'refuse when the calibrated probability ≥ the threshold',
} as const;

export const scoreScaleSchema = {
  $id: 'ScoreScale',
  type: 'object',
  description: 'points = offset + factor · ln(odds good:bad)',
  required: ['basePoints', 'baseOdds', 'pointsToDoubleOdds'],
  additionalProperties: false,
  properties: {
    basePoints: { type: 'number', description: 'points at the reference odds' },
    baseOdds: { type: 'number', description: 'reference odds good:bad' },
    pointsToDoubleOdds: { type: 'number' },
  },
} as const;

export const scoreBandSchema = {
  $id: 'ScoreBand',
  type: 'object',
  required: ['name', 'minPoints'],
  additionalProperties: false,
  properties: {
    name: { $ref: 'BandName#' },
    minPoints: {
      type: ['number', 'null'],
      description: 'lowest points of the band (inclusive); null for the poorest band (−∞)',
    },
  },
} as const;

export const scoreSchema = {
  $id: 'Score',
  type: 'object',
  required: [
    'clientId',
    'probability',
    'rawProbability',
    'points',
    'band',
    'decision',
    'recommendation',
    'threshold',
    'modelVersion',
    'scoreScale',
    'scoreBands',
  ],
  additionalProperties: false,
  properties: {
    clientId: { type: 'integer' },
    probability: { type: 'number', description: 'calibrated probability of default' },
    rawProbability: { type: 'number', description: "the model's probability before calibration" },
    points: { type: 'number', description: 'points on the run scale (higher is safer)' },
    band: { $ref: 'BandName#' },
    decision: { $ref: 'Decision#' },
    recommendation: {
      type: ['string', 'null'],
      enum: ['accept', 'refer', 'decline', null],
      description: 'accept / refer to a person / decline, when the run has decision bands',
    },
    threshold: { type: 'number', description: 'refuse when probability ≥ threshold' },
    modelVersion: { type: 'string' },
    scoreScale: { $ref: 'ScoreScale#' },
    scoreBands: {
      type: 'array',
      items: { $ref: 'ScoreBand#' },
      description: 'the bands, best first (to place them on a probability gauge)',
    },
  },
} as const;
