/**
 * GET /api/clients/:id/recourse (every role; a customer their own file): for a refused client,
 * the smallest changes of the loan itself — a lower amount at the same term, or a longer term for
 * the same amount (src/explain/recourse.ts), each completed by the loan rule and naming every
 * field it changes — that the served model would grant, and how far each stands from the
 * threshold in percentage points, each re-scored
 * through the one feature definition (in memory, as the what-if: scoreInMemory with the client's
 * stored history), in French and English sentences. The search scores up to ≈ 30 applications,
 * so it is bounded in time (RECOURSE_TIME_LIMIT_MS; `complete: false` when cut short). Audited
 * as client.recourse.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import {
  type Decide,
  type RecourseResult,
  recourseWith,
  type Scorer,
  scoreInMemory,
  scorerFromModel,
} from '../../explain/index.ts';
import { scoreApplicant } from '../../model/scoring.ts';
import { applicationOf } from '../applications/new-clients.ts';
import { recordAudit } from '../audit/record.ts';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { clientIdParams, errorResponses } from '../schemas.ts';
import type { ScoreTable } from '../scoring/score-table.ts';

export const RECOURSE_ACTION = 'client.recourse';

/** No scoring of the search starts after this long (the answer then says complete: false). */
export const RECOURSE_TIME_LIMIT_MS = 1500;

export async function recourseRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  // One scorer per served model (its SHAP tables are built once, though recourse never asks).
  const scorers = new WeakMap<ScoreTable, Scorer>();

  app.get(
    '/api/clients/:id/recourse',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      config: { expensive: true },
      schema: {
        tags: ['scoring'],
        summary: 'For a refused client: the smallest changes of the loan that would be granted',
        params: clientIdParams,
        response: { 200: { $ref: 'Recourse#' }, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const id = Number(request.params.id);
      assertClientAccess(user, id);
      const { scores, clients, modelProblem } = fastify.ctx;
      if (!scores || !clients) {
        throw apiError('NOT_READY', { reason: modelProblem ?? 'no active model' });
      }
      // A stored client, or a new applicant of the app store (no history).
      const applicant = await applicationOf(fastify, id);
      if (!applicant) throw apiError('CLIENT_NOT_FOUND', { id });
      const { record, model } = scores;
      let scorer = scorers.get(scores);
      if (!scorer) {
        scorer = scorerFromModel(model);
        scorers.set(scores, scorer);
      }
      const decide: Decide = (raw) => scoreApplicant(raw, record).decision;
      // Only the stored application comes from DuckDB; every scoring of the search is in memory.
      const { application, history } = applicant;
      const result: RecourseResult = await recourseWith(
        async (a) => {
          // Each scoring is about a millisecond of CPU, up to ≈ 30 of them: between two, the
          // event loop serves whatever waits (/healthz, other users), not only this search.
          await yieldToLoop();
          return scoreInMemory(scorer, a, history, { explain: false }).rawProbability;
        },
        decide,
        application,
        { timeLimitMs: RECOURSE_TIME_LIMIT_MS },
      );
      // How far from the threshold, in percentage points (below 0: the granted side).
      const gap = (probability: number) => 100 * (probability - record.threshold);
      const proposals = result.proposals.map((p) => {
        const s = scoreApplicant(p.rawProbability, record);
        return {
          kind: p.kind,
          changes: p.changes,
          changed: [...p.changed],
          probability: s.probability,
          ppFromThreshold: gap(s.probability),
          points: s.points,
          textFr: p.textFr,
          textEn: p.textEn,
        };
      });
      await recordAudit(app, request, {
        action: RECOURSE_ACTION,
        clientId: id,
        modelVersion: record.id,
        inputs: { id, model: record.id },
        output: {
          decision: result.decision,
          proposals: proposals.map((p) => p.kind),
          complete: result.complete,
        },
      });
      const probability = scoreApplicant(result.rawProbability, record).probability;
      return {
        clientId: id,
        modelVersion: record.id,
        decision: result.decision,
        probability,
        threshold: record.threshold,
        ppFromThreshold: gap(probability),
        proposals,
        evaluations: result.evaluations,
        complete: result.complete,
      };
    },
  );
}
