/** A client's score: the answer of GET /api/clients/:id/score and the part of others that repeat it. */
import { BAND_NAMES } from '../../model/run-record.ts';

export const bandNameSchema = {
  $id: 'BandName',
  type: 'string',
  enum: [...BAND_NAMES],
  description:
    "plain-language band of points, best first: 'excellent', 'good', 'fair' are granted, 'high' and 'poor' refused (bands never straddle the threshold)",
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
  required: ['name', 'minPoints', 'decision'],
  additionalProperties: false,
  properties: {
    name: { $ref: 'BandName#' },
    minPoints: {
      type: ['number', 'null'],
      description:
        "lowest points of the band (inclusive); null for the poorest band (−∞). The threshold's points are an edge: the granted band above it starts there, exactly",
    },
    // The decision of every client in the band: a band never holds both.
    decision: { $ref: 'Decision#' },
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
