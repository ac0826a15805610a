/**
 * The shared schemas of the API contract, registered once with app.addSchema and referenced by
 * "$id#". They become the OpenAPI document's components (named by $id), from which the
 * dashboard's types are generated (web/src/api/generated/).
 */
import { errorBodySchema } from '../errors.ts';
import { savedApplicationSchema } from './applications.ts';
import { auditPageSchema, auditRecordSchema } from './audit.ts';
import { categoriesSchema, categoryValueSchema } from './categories.ts';
import { clientDataSchema, heldValueSchema } from './client-data.ts';
import {
  clientFileSchema,
  clientListSchema,
  clientSummarySchema,
  fileSectionSchema,
  fileValueSchema,
} from './clients.ts';
import {
  featureComparisonSchema,
  featureDistributionSchema,
  groupNameSchema,
  scatterSchema,
  similarClientSchema,
  similarClientsSchema,
} from './comparison.ts';
import { decisionHistorySchema, decisionPageSchema, decisionRecordSchema } from './decisions.ts';
import {
  clientReasonSetSchema,
  contributionSchema,
  contributionSetSchema,
  contributionUnitSchema,
  explanationSchema,
  featureThemeSchema,
  otherElementsSchema,
  reasonFamilySchema,
  reasonSchema,
  reasonSetSchema,
  restOfContributionsSchema,
  themeContributionSchema,
  toCompleteSchema,
} from './explanation.ts';
import { livenessSchema, readinessSchema } from './health.ts';
import { binaryMetricsSchema, modelCardSchema } from './model-card.ts';
import { modelListSchema, modelSummarySchema, promotionSchema } from './model-registry.ts';
import { monitoringReportSchema, variableStabilitySchema } from './monitoring.ts';
import { outcomeBatchResultSchema } from './outcomes.ts';
import { recourseProposalSchema, recourseSchema } from './recourse.ts';
import {
  reasonCategorySchema,
  reviewListSchema,
  reviewRecordSchema,
  reviewStatusSchema,
} from './reviews.ts';
import {
  bandNameSchema,
  decisionSchema,
  scoreBandSchema,
  scoreScaleSchema,
  scoreSchema,
} from './score.ts';
import {
  currentUserSchema,
  roleSchema,
  sessionSchema,
  userAccountAnswerSchema,
  userAccountListSchema,
  userAccountSchema,
  userSchema,
} from './users.ts';
import {
  applicantScoreSchema,
  fieldChangeSchema,
  newApplicationAnswerSchema,
  outOfRangeSchema,
  whatIfAnswerSchema,
} from './what-if.ts';

export const COMPONENT_SCHEMAS = [
  errorBodySchema,
  bandNameSchema,
  decisionSchema,
  scoreScaleSchema,
  scoreBandSchema,
  scoreSchema,
  binaryMetricsSchema,
  modelCardSchema,
  clientSummarySchema,
  clientListSchema,
  fileValueSchema,
  fileSectionSchema,
  clientFileSchema,
  groupNameSchema,
  similarClientSchema,
  featureComparisonSchema,
  similarClientsSchema,
  featureDistributionSchema,
  scatterSchema,
  roleSchema,
  userSchema,
  userAccountSchema,
  currentUserSchema,
  sessionSchema,
  userAccountListSchema,
  userAccountAnswerSchema,
  auditRecordSchema,
  auditPageSchema,
  reasonCategorySchema,
  reviewStatusSchema,
  reviewRecordSchema,
  reviewListSchema,
  decisionRecordSchema,
  decisionHistorySchema,
  decisionPageSchema,
  heldValueSchema,
  clientDataSchema,
  modelSummarySchema,
  modelListSchema,
  promotionSchema,
  variableStabilitySchema,
  monitoringReportSchema,
  outcomeBatchResultSchema,
  livenessSchema,
  readinessSchema,
  categoryValueSchema,
  categoriesSchema,
  featureThemeSchema,
  contributionUnitSchema,
  contributionSchema,
  restOfContributionsSchema,
  contributionSetSchema,
  themeContributionSchema,
  reasonFamilySchema,
  reasonSchema,
  reasonSetSchema,
  otherElementsSchema,
  clientReasonSetSchema,
  toCompleteSchema,
  explanationSchema,
  applicantScoreSchema,
  fieldChangeSchema,
  outOfRangeSchema,
  whatIfAnswerSchema,
  newApplicationAnswerSchema,
  savedApplicationSchema,
  recourseProposalSchema,
  recourseSchema,
] as const;

export type ComponentSchemas = typeof COMPONENT_SCHEMAS extends readonly [...infer T] ? T : never;
