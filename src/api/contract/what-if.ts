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
  description:
    'an application field that differs from the stored application, with both values: given by the caller, or derived by the loan rule (src/explain/loan-terms.ts)',
  required: ['field', 'before', 'after', 'derived'],
  additionalProperties: false,
  properties: {
    field: { type: 'string', description: 'as in application_train.csv' },
    before: fieldValue,
    after: fieldValue,
    derived: {
      type: ['string', 'null'],
      enum: ['same-term', 'new-term', 'follows-amount', null],
      description:
        "null: given by the caller; 'same-term': the instalment recomputed for a new amount over the same term (A′ = A · C′ / C); 'new-term': the instalment for a new term (A′ = C′ / n′); 'follows-amount': a goods loan's price following the amount at the stored ratio (G′ = G · C′ / C)",
    },
  },
} as const;

export const outOfRangeSchema = {
  $id: 'OutOfRange',
  type: 'object',
  description:
    'a value of the scored application outside the situations the model knows: beyond the 1st–99th percentiles of the feature among the train clients of the served population (src/explain/out-of-range.ts)',
  required: ['feature', 'fields', 'value', 'p1', 'p99', 'textFr', 'textEn'],
  additionalProperties: false,
  properties: {
    feature: { type: 'string', description: 'the feature of the model (docs/features.md)' },
    fields: {
      type: 'array',
      items: { type: 'string' },
      description: 'the application fields it is computed from',
    },
    value: { type: 'number' },
    p1: { type: 'number', description: '1st percentile among the train clients' },
    p99: { type: 'number', description: '99th percentile among the train clients' },
    textFr: { type: 'string', description: '"… — hors des situations connues du modèle (…)"' },
    textEn: { type: 'string', description: '"… — outside the situations the model knows (…)"' },
  },
} as const;

const outOfRange = {
  type: 'array',
  items: { $ref: 'OutOfRange#' },
  description:
    'values outside the situations the model knows (a stored client: among the features the changes moved; a new application: all), in feature order; empty when none',
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
    'outOfRange',
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
      description:
        'every field the changes really changed, old → new: those given, then those the loan rule derived (instalment, goods price)',
    },
    score: { $ref: 'ApplicantScore#' },
    outOfRange,
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
    'outOfRange',
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
    outOfRange,
    ...explaining,
    toComplete: {
      type: 'array',
      items: { $ref: 'ToComplete#' },
      description:
        'units left unknown by the fields not given that the model weighs, by reason code, largest first, with the fields to give: information to complete, never reasons',
    },
  },
} as const;
