/**
 * The answers of POST /api/score: a stored client's application with fields changed
 * (WhatIfAnswer), or a new application (NewApplicationAnswer), scored and explained
 * (src/explain/what-if.ts, src/model/scoring.ts).
 */
import { explainingParts } from './explanation.ts';

export const applicantScoreSchema = {
  $id: 'ApplicantScore',
  type: 'object',
  description:
    "an application's score (src/model/scoring.ts) with the threshold its decision was taken against",
  required: [
    'probability',
    'rawProbability',
    'points',
    'band',
    'decision',
    'recommendation',
    'threshold',
  ],
  additionalProperties: false,
  properties: {
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
  },
} as const;

/** An application field's value as the files give it: a number, a text, or missing. */
const fieldValue = { anyOf: [{ type: 'number' }, { type: ['string', 'null'] }] } as const;

export const fieldChangeSchema = {
  $id: 'FieldChange',
  type: 'object',
  description: 'an application field that differs from the stored application, with both values',
  required: ['field', 'before', 'after'],
  additionalProperties: false,
  properties: {
    field: { type: 'string', description: 'as in application_train.csv' },
    before: fieldValue,
    after: fieldValue,
  },
} as const;

/** The explaining part; contributions and themes absent with detail: 'reasons'. */
const explaining = {
  ...explainingParts,
  contributions: { $ref: 'ContributionSet#' },
  themes: {
    type: 'array',
    items: { $ref: 'ThemeContribution#' },
    description: "themes by decreasing |logOdds|; absent with detail: 'reasons'",
  },
  reasons: { $ref: 'ReasonSet#' },
} as const;

export const whatIfAnswerSchema = {
  $id: 'WhatIfAnswer',
  type: 'object',
  description:
    "a stored client's application with `changes` applied, scored and explained with their stored history; `contributions` and `themes` are absent with detail: 'reasons'",
  required: [
    'clientId',
    'modelVersion',
    'history',
    'changed',
    'score',
    'view',
    'reasons',
    'clientReasons',
  ],
  additionalProperties: false,
  properties: {
    clientId: { type: 'integer' },
    modelVersion: { type: 'string' },
    history: {
      type: 'string',
      enum: ['stored'],
      description: "the history features are the client's stored ones",
    },
    changed: {
      type: 'array',
      items: { $ref: 'FieldChange#' },
      description: 'the fields the changes really changed',
    },
    score: { $ref: 'ApplicantScore#' },
    ...explaining,
  },
} as const;

export const newApplicationAnswerSchema = {
  $id: 'NewApplicationAnswer',
  type: 'object',
  description:
    "a new application (no stored client), scored and explained with no credit history; its unknown fields are never reasons but `toComplete`; `contributions` and `themes` are absent with detail: 'reasons'",
  required: [
    'clientId',
    'modelVersion',
    'history',
    'score',
    'view',
    'reasons',
    'clientReasons',
    'toComplete',
  ],
  additionalProperties: false,
  properties: {
    clientId: {
      type: ['integer', 'null'],
      description: 'the SK_ID_CURR the application gives, else null',
    },
    modelVersion: { type: 'string' },
    history: {
      type: 'string',
      enum: ['none'],
      description: 'a new applicant has no credit history: every history feature is missing',
    },
    score: { $ref: 'ApplicantScore#' },
    ...explaining,
    toComplete: {
      type: 'array',
      items: { $ref: 'ToComplete#' },
      description:
        'units left unknown by the fields not given that the model weighs, by reason code, largest first, with the fields to give: information to complete, never reasons',
    },
  },
} as const;
