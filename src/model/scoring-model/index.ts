/**
 * The served model of a run, trees or logistic regression, behind one interface (scoring-model.ts),
 * and its model.json (model-file.ts).
 */
export type { LogisticParts } from './logistic-parts.ts';
export { logisticScoringModel } from './logistic-scoring.ts';
export {
  LOGISTIC_FORMAT,
  LOGISTIC_VERSION,
  parseScoringModel,
  serializeScoringModel,
} from './model-file.ts';
export {
  asScoringModel,
  type ContributionExplainer,
  type LogisticScoringModel,
  type ScoringModel,
  type TreesScoringModel,
  treesScoringModel,
} from './scoring-model.ts';
