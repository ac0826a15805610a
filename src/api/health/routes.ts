/** GET /healthz (the process answers) and GET /readyz (the databases are usable). */
import type { FastifyInstance } from 'fastify';

const checksSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'not ready'] },
    checks: {
      type: 'object',
      properties: {
        appStore: { type: 'boolean' },
        database: { type: 'boolean' },
        model: { type: 'boolean' },
      },
    },
    problem: { type: 'string' },
  },
} as const;

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: { type: 'object', properties: { status: { type: 'string' } } } },
      },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the app database, the client database and the active model are usable',
        response: { 200: checksSchema, 503: checksSchema },
      },
    },
    async (_request, reply) => {
      const { store, clients, clientsProblem, scores, modelProblem } = app.ctx;
      const appStore = store.healthy();
      let database = false;
      if (clients) database = await clients.check().catch(() => false);
      const model = scores !== null;
      const ready = appStore && database && model;
      const body: Record<string, unknown> = {
        status: ready ? 'ok' : 'not ready',
        checks: { appStore, database, model },
      };
      if (!database) body.problem = clientsProblem ?? 'the client database is missing its tables';
      else if (!model) body.problem = modelProblem ?? 'no active model';
      return reply.status(ready ? 200 : 503).send(body);
    },
  );
}
