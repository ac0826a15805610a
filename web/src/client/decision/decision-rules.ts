import type { Decision, DecisionBody } from '../../api/types.ts';

/**
 * A decision must say why in at least this many characters after trimming — the API's rule
 * (MIN_JUSTIFICATION in src/api/decisions/routes.ts), checked here first so the adviser hears it
 * before sending.
 */
export const MIN_JUSTIFICATION = 20;

/** The API's reason categories (ReasonCategory). */
export type ReasonCategory = DecisionBody['reasonCategory'];

export type Choice = 'follow' | 'override';

/** What is wrong with the form, or null: no choice yet, or a decision too briefly justified. */
export function formProblem(
  choice: Choice | null,
  justification: string,
): null | { kind: 'choice' } | { kind: 'justification'; missing: number } {
  if (choice === null) return { kind: 'choice' };
  const length = justification.trim().length;
  if (length < MIN_JUSTIFICATION)
    return { kind: 'justification', missing: MIN_JUSTIFICATION - length };
  return null;
}

/** The request body: following keeps the model's decision, overriding takes the other one. */
export function decisionBody(
  modelDecision: Decision,
  choice: Choice,
  justification: string,
  reasonCategory: ReasonCategory = 'other',
): DecisionBody {
  const text = justification.trim();
  const decision =
    choice === 'follow' ? modelDecision : modelDecision === 'grant' ? 'refuse' : 'grant';
  return {
    decision,
    followsModel: choice === 'follow',
    reasonCategory,
    justification: text,
  };
}
