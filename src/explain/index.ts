/**
 * Explanations of the model's decisions for people: contributions in points and percentage
 * points, themes, reasons as sentences, similar clients, population comparisons, what-if and
 * recourse. Builds on src/engine, src/data and src/model; never imports src/api or src/cli.
 * Methods and their limits: docs/explanations.md.
 */
export { categoryLabel } from './category-labels.ts';
export {
  type ClientReasonOptions,
  type ClientReasonSet,
  clientReasonsOf,
  OTHER_ELEMENTS,
  type OtherElements,
} from './client-reasons.ts';
export { clientView, isClientVisible } from './client-view.ts';
export {
  type Contribution,
  type ContributionOptions,
  type ContributionSet,
  contributionsOf,
  type RestOfContributions,
} from './contributions.ts';
export {
  type CoarseComparison,
  type CoarseDistribution,
  type CoarseQuantiles,
  coarsenComparison,
  coarsenDistribution,
  MIN_CELL,
  mergeRuns,
  OUTCOMES,
  type Outcome,
  quantileShown,
} from './disclosure.ts';
export {
  type Distribution,
  type DistributionOptions,
  distributionOf,
  percentileOf,
  type Quantiles,
  rowsOfIds,
} from './distribution.ts';
export { type ExplainOptions, type Explanation, explainRow } from './explanation.ts';
export { categoryOf, type FeatureGroup, featureGroups } from './feature-groups.ts';
export { formatValue, type Lang } from './format.ts';
export { compareWithGroup, type FeatureComparison } from './group-comparison.ts';
export {
  type GoodsPriceRule,
  instalmentFor,
  type Loan,
  type LoanChanges,
  LoanOptionError,
  type LoanOptions,
  type LoanRule,
  loanOf,
  withLoanRule,
} from './loan-terms.ts';
export {
  type FeatureRange,
  featureRangesOf,
  type OutOfRange,
  outOfRangeOf,
  RANGE_TAIL,
  rangedFeature,
} from './out-of-range.ts';
export { loadPopulation, type Population, populationOf } from './population.ts';
export {
  type Reason,
  type ReasonOptions,
  type ReasonSet,
  reasonsOf,
} from './reasons.ts';
export {
  type Decide,
  type Evaluate,
  RECOURSE_FIELDS,
  type RecourseOptions,
  type RecourseProposal,
  type RecourseResult,
  recourseFor,
  recourseWith,
} from './recourse.ts';
export { type ReferenceStat, referenceStats, referenceStatsOf } from './reference-stats.ts';
export { type Scatter, scatterOf } from './scatter.ts';
export { rowForScorer, type Scorer, scorerFromModel } from './scorer.ts';
export {
  type SimilarClient,
  SimilarIndex,
  type SimilarResult,
  similarityFeatures,
} from './similar.ts';
export { contributionsByTheme, type ThemeContribution } from './themes.ts';
export { type ToComplete, toCompleteOf } from './to-complete.ts';
export { type UnknownFields, unknownFieldsOf } from './unknown-fields.ts';
export {
  applyChanges,
  cachedApplicationLoader,
  type FieldChange,
  loadApplication,
  loadApplications,
  NEW_APPLICATION_REQUIRED,
  type ScoredApplication,
  scoreApplication,
  scoreInMemory,
  scoreNewApplication,
  type WhatIfResult,
  whatIf,
  whatIfInMemory,
} from './what-if.ts';
