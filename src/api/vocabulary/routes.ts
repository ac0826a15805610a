/**
 * GET /api/categories (every role): the values each categorical column of an application takes,
 * most frequent first, in French and English words. The dashboard's selects and labels read them
 * here, so the wording lives in one place (src/explain/category-labels.ts) and the values in
 * another (src/data/value-sets.ts), both of them the API's.
 */
import type { FastifyInstance } from 'fastify';
import { APPLICATION_VALUE_SETS } from '../../data/value-sets.ts';
import { categoryLabel } from '../../explain/category-labels.ts';
import { requireRole } from '../auth/session.ts';
import type { categoriesSchema } from '../contract/categories.ts';
import type { Infer } from '../contract/typed.ts';
import { typed } from '../contract/typed.ts';
import { errorResponses } from '../schemas.ts';

type Categories = Infer<typeof categoriesSchema>;

/** Built once: the value sets and their wording do not change while the server runs. */
function categories(): Categories {
  return {
    columns: Object.entries(APPLICATION_VALUE_SETS).map(([name, values]) => ({
      name,
      values: values.map(([value]) => ({ value, ...categoryLabel(name, value) })),
    })),
  };
}

export async function vocabularyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  const answer = categories();
  app.get(
    '/api/categories',
    {
      onRequest: requireRole('adviser', 'admin', 'customer'),
      schema: {
        tags: ['vocabulary'],
        summary: 'The category values of an application, in French and English words',
        response: { 200: { $ref: 'Categories#' }, ...errorResponses(401, 403) },
      },
    },
    async (_request, reply) => {
      // The same for every user and every request until the server is upgraded.
      void reply.header('cache-control', 'private, max-age=3600');
      return answer;
    },
  );
}
