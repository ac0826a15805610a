/**
 * Champion and challenger (issue 15): a challenger trained without promotion, on the development
 * data and optionally a window of stored labelled applications, compared with the active model on
 * the same recent applications with outcomes. See docs/training.md.
 */
export {
  AUC_TEST_LEVEL,
  type Challenge,
  challenge,
  MIN_EACH_CLASS,
  type ModelOnWindow,
} from './compare.ts';
export { type FeatureRows, featureRows, type HistoryOf } from './feature-rows.ts';
export {
  type LabelledApplication,
  labelledFromFiles,
  labelledFromStore,
  type StoredApplicationLike,
} from './labelled.ts';
export { challengeOnWindow, type RunToCompare, type WindowChallenge } from './on-window.ts';
export { type ChallengeReport, challengeMarkdown, saveChallenge } from './report.ts';
export { type ExtendedTraining, withWindowRows } from './training-window.ts';
