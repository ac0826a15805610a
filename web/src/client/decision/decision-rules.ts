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

export type FormProblem =
  | { kind: 'choice' }
  | { kind: 'category' }
  | { kind: 'justification'; missing: number };

/**
 * What is wrong with the form, first things first, or null: no choice yet, no reason category,
 * a decision too briefly justified.
 */
export function formProblem(
  choice: Choice | null,
  justification: string,
  category: ReasonCategory | null,
): FormProblem | null {
  if (choice === null) return { kind: 'choice' };
  if (category === null) return { kind: 'category' };
  const length = justification.trim().length;
  if (length < MIN_JUSTIFICATION)
    return { kind: 'justification', missing: MIN_JUSTIFICATION - length };
  return null;
}

/**
 * The request body: following keeps the model's decision, overriding takes the other one; a
 * decision answering the client's review request names it (`reviewId`), which closes it.
 */
export function decisionBody(
  modelDecision: Decision,
  choice: Choice,
  justification: string,
  reasonCategory: ReasonCategory,
  reviewId: number | null = null,
): DecisionBody {
  const text = justification.trim();
  const decision =
    choice === 'follow' ? modelDecision : modelDecision === 'grant' ? 'refuse' : 'grant';
  return {
    decision,
    followsModel: choice === 'follow',
    reasonCategory,
    justification: text,
    ...(reviewId !== null ? { reviewId } : {}),
  };
}
