/**
 * The API's answers and requests under the names the dashboard uses. Every type here is the
 * generated contract (generated/api-types.ts, from GET /api/openapi.json) or a part of it: no
 * shape is written by hand, so a change of the API that the dashboard does not follow fails to
 * compile.
 */
import type {
  BinaryMetrics,
  FeatureDistribution,
  ModelCard,
  PopulationFeaturesDetailParams,
  ScoreCreatePayload,
} from './generated/api-types.ts';

export type {
  ApplicantScore,
  AuditPage,
  AuditRecord,
  BandName,
  BinaryMetrics,
  Categories,
  CategoryValue,
  ClientFile,
  ClientList,
  ClientReasonSet,
  ClientSummary,
  ClientsDecisionsCreatePayload as DecisionBody,
  Contribution,
  ContributionSet,
  ContributionUnit,
  Decision,
  DecisionHistory,
  DecisionPage,
  DecisionRecord,
  Explanation,
  FeatureDistribution,
  FeatureTheme,
  FieldChange,
  FileSection,
  FileValue,
  GroupName,
  ModelCard,
  NewApplicationAnswer,
  Reason,
  ReasonCategory,
  ReasonSet,
  Recourse,
  RecourseProposal,
  ReviewRecord,
  ReviewStatus,
  Role,
  Scatter,
  Score,
  ScoreBand,
  ScoreScale,
  Session,
  SimilarClients,
  ThemeContribution,
  ToComplete,
  User,
  WhatIfAnswer,
} from './generated/api-types.ts';

/** A distribution's quantiles (of the whole group, its repaid or its defaulted clients). */
export type Quantiles = NonNullable<FeatureDistribution['quantiles']['all']>;

/** The filters a comparison group is defined with: GET /api/population/*'s query, as the list's. */
export type GroupFilters = Pick<
  PopulationFeaturesDetailParams,
  | 'contractType'
  | 'gender'
  | 'incomeType'
  | 'ageMin'
  | 'ageMax'
  | 'decision'
  | 'pointsMin'
  | 'pointsMax'
>;

/** A new application as POST /api/score takes it: each field with its type, range or values. */
export type NewApplication = Extract<ScoreCreatePayload, { application: unknown }>['application'];

/** The model card's measures that are numbers (not the confusion counts nor β). */
export type MetricName = Exclude<keyof BinaryMetrics, 'confusion' | 'beta'>;

/** A curve of the model card, as columns. */
export type Curve = ModelCard['curves']['cost'];

/** A reliability curve of the model card (predicted against observed default rate per bin). */
export type ReliabilityCurve = ModelCard['calibration']['reliabilityAfter'];
