/** GET /healthz (the process answers) and GET /readyz (the databases are usable). */
import type { FastifyInstance } from 'fastify';
import { typed } from '../contract/typed.ts';

export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: { $ref: 'Liveness#' } },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the app database, the client database and the active model are usable',
        response: { 200: { $ref: 'Readiness#' }, 503: { $ref: 'Readiness#' } },
      },
    },
    async (_request, reply) => {
      const { store, clients, clientsProblem, scores, modelProblem } = fastify.ctx;
      const appStore = await store.healthy().catch(() => false);
      let database = false;
      if (clients) database = await clients.check().catch(() => false);
      const model = scores !== null;
      const checks = { appStore, database, model };
      const engine = store.engine;
      if (appStore && database && model) {
        return reply.code(200).send({ status: 'ok', appStore: engine, checks });
      }
      // The first of the app store, the client data and the model that is missing.
      const problem = !appStore
        ? `the app store (${engine === 'postgres' ? 'PostgreSQL' : 'SQLite'}) does not answer`
        : !database
          ? (clientsProblem ?? 'the client database is missing its tables')
          : !model
            ? (modelProblem ?? 'no active model')
            : undefined;
      return reply.code(503).send({ status: 'not ready', appStore: engine, checks, problem });
    },
  );
}
