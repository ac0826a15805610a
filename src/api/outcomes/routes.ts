/**
 * POST /api/outcomes (admin): a batch of observed outcomes of granted loans. Checked whole before
 * anything is written — each item's schema (the error names its index), its date (a real day, not
 * in the future), its client (a stored application whose final decision is grant, ./eligibility.ts)
 * — then recorded in one transaction: all of it or, on a conflicting outcome, none of it. The same
 * outcome sent again is counted as unchanged, so a re-sent file is harmless. Audited.
 */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/record.ts';
import { currentUser, requireRole } from '../auth/session.ts';
import { outcomeBatchBody } from '../contract/outcomes.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { errorResponses } from '../schemas.ts';
import { OutcomeConflictError } from '../store/outcome-conflict.ts';
import type { NewOutcome } from '../store/types.ts';
import { outcomeRefusals } from './eligibility.ts';
import { parseOutcomeDate } from './outcome-date.ts';

export const OUTCOMES_ACTION = 'admin.outcomes.record';

export async function outcomeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);

  app.post(
    '/api/outcomes',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary:
          'Records observed outcomes of granted loans (defaulted 0/1 and the day observed), all or nothing; the same outcome again is unchanged',
        body: outcomeBatchBody,
        response: {
          200: { $ref: 'OutcomeBatchResult#' },
          ...errorResponses(400, 401, 403, 409, 413, 422),
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const today = Date.now();
      const outcomes: NewOutcome[] = request.body.outcomes.map((item, index) => {
        const observedAt = parseOutcomeDate(item.date);
        const field = `body.outcomes.${index}.date`;
        if (observedAt === null) {
          throw apiError('BAD_REQUEST', { field, reason: `not a real day: '${item.date}'` });
        }
        if (observedAt > today) {
          throw apiError('BAD_REQUEST', { field, reason: `${item.date} is in the future` });
        }
        return {
          clientId: item.clientId,
          defaulted: item.defaulted === 1 ? 1 : 0,
          observedAt,
          recordedBy: user.username,
        };
      });
      const refusals = await outcomeRefusals(app.ctx.store, outcomes);
      const first = refusals[0];
      if (first !== undefined) {
        throw apiError(first.code, {
          field: `body.outcomes.${first.index}.clientId`,
          index: first.index,
          reason: first.reason,
          more: refusals.length > 1 ? ` (and ${refusals.length - 1} more items refused)` : '',
        });
      }
      let result: Awaited<ReturnType<typeof app.ctx.store.outcomes.recordAll>>;
      try {
        result = await app.ctx.store.outcomes.recordAll(outcomes);
      } catch (error) {
        if (!(error instanceof OutcomeConflictError)) throw error;
        throw apiError('OUTCOME_CONFLICT', {
          field: `body.outcomes.${error.index}`,
          index: error.index,
          reason: error.message,
        });
      }
      const stored = await app.ctx.store.outcomes.count();
      await recordAudit(app, request, {
        action: OUTCOMES_ACTION,
        inputs: request.body,
        output: { items: outcomes.length, recorded: result.recorded, unchanged: result.unchanged },
      });
      return { recorded: result.recorded, unchanged: result.unchanged, stored };
    },
  );
}
