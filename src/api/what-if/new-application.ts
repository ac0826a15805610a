/**
 * A new application (no stored client; advisers and admins): every field validated as a what-if
 * change is, the required ones present, no credit history (every history feature missing),
 * scored and explained in memory.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type ScoredApplication, scoreNewApplication } from '../../explain/index.ts';
import { recordAudit } from '../audit/record.ts';
import type { Infer } from '../contract/typed.ts';
import { servedToComplete } from '../explanation/compact.ts';
import { explainingOf } from '../explanation/explaining.ts';
import { badField, type NewApplicationBody } from './body.ts';
import { outOfRangeIn, scoredAnswer, WHAT_IF_ACTION } from './scored.ts';

const newApplicationAnswer = { $ref: 'NewApplicationAnswer#' } as const;

export async function scoreNewApplicant(
  app: FastifyInstance,
  request: FastifyRequest,
  { application, detail }: NewApplicationBody,
): Promise<Infer<typeof newApplicationAnswer>> {
  const context = explainingOf(app);
  let result: ScoredApplication;
  try {
    result = scoreNewApplication(context.scorer, application);
  } catch (error) {
    throw badField('application', error);
  }
  const given = application.SK_ID_CURR;
  const clientId = typeof given === 'number' ? given : null;
  // Advisers and admins only: the adviser view, and the client's beside it.
  const scored = scoredAnswer(context, result, detail, 'adviser', true);
  const answer = {
    clientId,
    history: 'none' as const,
    outOfRange: outOfRangeIn(context, result.row),
    ...scored.answer,
    toComplete: servedToComplete(scored.explanation),
  };
  // Audited under the SK_ID_CURR given, if any.
  await recordAudit(app, request, {
    action: WHAT_IF_ACTION,
    clientId,
    modelVersion: answer.modelVersion,
    inputs: { application },
    output: { probability: answer.score.probability, decision: answer.score.decision },
  });
  return answer;
}
