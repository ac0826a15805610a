/** What both answers of POST /api/score share: the model version, the score and its explanation. */
import {
  explainRow,
  type OutOfRange,
  outOfRangeOf,
  type ScoredApplication,
  unknownFieldsOf,
} from '../../explain/index.ts';
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

/**
 * The values of a scored row outside the situations the model knows (beyond the train clients'
 * 1st–99th percentiles): for a stored client (`stored`, their row in the feature columns) among
 * the features the changes moved; for a new application, all.
 */
export function outOfRangeIn(
  context: Explaining,
  row: Float64Array,
  stored?: number,
): OutOfRange[] {
  const moved = (j: number) => {
    if (stored === undefined) return true;
    const before = context.columns[j]?.[stored] as number;
    const after = row[j] as number;
    return !(before === after || (Number.isNaN(before) && Number.isNaN(after)));
  };
  return outOfRangeOf(context.ranges, context.scorer.featureNames, row, moved);
}
