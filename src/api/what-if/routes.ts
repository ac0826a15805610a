/**
 * POST /api/score: what-if on a stored client (`{ clientId, changes }`; every role, a customer
 * their own file) or a new application (`{ application }`; advisers and admins), computed in
 * memory by the row evaluator of the training feature SQL (src/data/features/row-eval), scored and
 * explained with the served model's preparation (../explanation/explaining.ts). Audited as
 * client.whatif.
 */
import type { FastifyInstance } from 'fastify';
import { assertClientAccess, currentUser, requireRole } from '../auth/session.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { errorResponses } from '../schemas.ts';
import { scoreBody, scoreBodyValidator } from './body.ts';
import { scoreNewApplicant } from './new-application.ts';
import { storedClientWhatIf } from './stored-client.ts';

export async function whatIfRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  const whatIf = storedClientWhatIf(fastify);
  app.post(
    '/api/score',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      config: { expensive: true },
      validatorCompiler: scoreBodyValidator(fastify),
      schema: {
        tags: ['scoring'],
        summary:
          "What-if: a client's application with some fields changed, or a new application, scored and explained",
        body: scoreBody,
        response: {
          200: { oneOf: [{ $ref: 'WhatIfAnswer#' }, { $ref: 'NewApplicationAnswer#' }] },
          ...errorResponses(400, 401, 403, 404, 503),
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { body } = request;
      if ('application' in body) {
        // A customer may edit their own file only, never score someone new.
        if (user.role === 'customer') throw apiError('FORBIDDEN_ROLE', { role: user.role });
        return scoreNewApplicant(fastify, request, body);
      }
      assertClientAccess(user, body.clientId);
      return whatIf(request, body);
    },
  );
}
