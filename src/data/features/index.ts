/**
 * The feature store: one SQL definition per feature group (./sql), computed in batch for training
 * and scoring (`features` table) and for one applicant at run time (what-if), plus the bilingual
 * feature dictionary.
 */
export type { RawApplication } from './application-input.ts';
export { buildFeatures, buildFeaturesIn, DICTIONARY_TABLE, type FeatureSummary } from './build.ts';
export {
  dictionaryEntry,
  FEATURE_DICTIONARY,
  type FeatureEntry,
  THEMES,
  type Theme,
  UNITS,
  type Unit,
} from './dictionary.ts';
export {
  countFeatureRows,
  FEATURES_TABLE,
  type FeatureColumns,
  featureNamesOf,
  featureTableColumns,
  hasTables,
  KEY_COLUMNS,
  readFeatureColumns,
} from './feature-table.ts';
export { featuresForApplication, type WhatIfOptions } from './what-if.ts';
