/** What both answers of POST /api/score share: the model version, the score and its explanation. */
import { explainRow, type ScoredApplication, unknownFieldsOf } from '../../explain/index.ts';
import { scoreApplicant } from '../../model/scoring.ts';
import { compactExplanation, servedReasonParts, type View } from '../explanation/compact.ts';
import type { Explaining } from '../explanation/explaining.ts';
import type { StoredClientBody } from './body.ts';

/** The audit action of both (with the changes, or the application). */
export const WHAT_IF_ACTION = 'client.whatif';

/** `full`: contributions, themes and reasons; `reasons`: the reasons only. */
export type Detail = StoredClientBody['detail'];

/**
 * The scored application under the served model, explained as `detail` asks for `view` (a
 * customer: the client view), and the explanation itself. For a new application, its unknown
 * fields are information to complete (explanation.toComplete), never reasons.
 */
export function scoredAnswer(
  context: Explaining,
  result: ScoredApplication,
  detail: Detail,
  view: View,
  newApplication = false,
) {
  const { record } = context.scores;
  const score = scoreApplicant(result.rawProbability, record);
  const explanation = explainRow(
    result.shap ?? context.explainer.explainRow(result.row),
    context.scorer.featureNames,
    result.row,
    {
      run: record,
      stats: context.stats,
      ...(newApplication ? { unknown: unknownFieldsOf(result.application) } : {}),
    },
  );
  const answer = {
    modelVersion: record.id,
    score: { ...score, threshold: record.threshold },
    ...(detail === 'reasons'
      ? servedReasonParts(explanation, view)
      : compactExplanation(explanation, false, view)),
  };
  return { answer, explanation };
}
