/**
 * A refused client's recourse: the answer of GET /api/clients/:id/recourse (src/explain/recourse.ts,
 * each proposal scored by src/model/scoring.ts).
 */

export const recourseProposalSchema = {
  $id: 'RecourseProposal',
  type: 'object',
  description: 'a change of the loan itself that the served model grants (re-scored to be sure)',
  required: [
    'kind',
    'changes',
    'changed',
    'probability',
    'ppFromThreshold',
    'points',
    'textFr',
    'textEn',
  ],
  additionalProperties: false,
  properties: {
    kind: {
      type: 'string',
      enum: ['lower-amount', 'longer-term'],
      description:
        "lower-amount: a lower amount over the same term (instalment recomputed, a goods loan's price following the amount); longer-term: the same amount, instalment = credit / term",
    },
    changes: {
      type: 'object',
      description:
        'the application fields changed, with their new values (POST /api/score with them gives the same probability)',
      additionalProperties: false,
      properties: {
        AMT_CREDIT: { type: 'number' },
        AMT_ANNUITY: { type: 'number' },
        AMT_GOODS_PRICE: { type: 'number' },
      },
    },
    changed: {
      type: 'array',
      items: { $ref: 'FieldChange#' },
      description:
        'every field the proposal changes, old → new: the amount or term asked, and the instalment and goods price the loan rule derived from it',
    },
    probability: { type: 'number', description: 'calibrated PD with the change' },
    ppFromThreshold: {
      type: 'number',
      description:
        'how far the proposal is from the threshold, in percentage points: 100 × (probability − threshold), below 0 on the granted side',
    },
    points: { type: 'number', description: 'points on the run scale with the change' },
    textFr: { type: 'string' },
    textEn: { type: 'string' },
  },
} as const;

export const recourseSchema = {
  $id: 'Recourse',
  type: 'object',
  description: 'for a refused client, the smallest changes of the loan that would be granted',
  required: [
    'clientId',
    'modelVersion',
    'decision',
    'probability',
    'threshold',
    'ppFromThreshold',
    'proposals',
    'evaluations',
    'complete',
  ],
  additionalProperties: false,
  properties: {
    clientId: { type: 'integer' },
    modelVersion: { type: 'string' },
    decision: { $ref: 'Decision#' },
    probability: { type: 'number', description: 'calibrated PD of the application as it is' },
    threshold: { type: 'number', description: 'refuse when probability ≥ threshold' },
    ppFromThreshold: {
      type: 'number',
      description:
        'how far the application as it is stands from the threshold, in percentage points: 100 × (probability − threshold), 0 or more when refused',
    },
    proposals: {
      type: 'array',
      items: { $ref: 'RecourseProposal#' },
      description: 'empty when granted already, or when no searched change grants',
    },
    evaluations: { type: 'integer', description: 'applications scored by the search' },
    complete: { type: 'boolean', description: 'false when the time limit cut the search short' },
  },
} as const;
