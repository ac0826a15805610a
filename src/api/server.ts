/**
 * buildServer: the Fastify application with its plugins, stores and routes, not yet listening.
 * Tests drive it through inject(); `creditlens serve` calls listen() on it.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { adminRoutes } from './admin/routes.ts';
import { applicationRoutes } from './applications/routes.ts';
import { installRefusalAudit } from './audit/refusals.ts';
import { auditRoutes } from './audit/routes.ts';
import { createDemoUsers, type DemoUser } from './auth/demo-users.ts';
import { authRoutes } from './auth/routes.ts';
import { installSessionHook } from './auth/session.ts';
import type { ClientRepository } from './clients/repository.ts';
import { clientRoutes } from './clients/routes.ts';
import { comparisonRoutes } from './comparison/routes.ts';
import { resolveConfig, type ServerOptions } from './config.ts';
import type { AppContext } from './context.ts';
import { COMPONENT_SCHEMAS } from './contract/components.ts';
import { decisionRoutes } from './decisions/routes.ts';
import { installErrorHandlers } from './error-handler.ts';
import { explanationRoutes } from './explanation/routes.ts';
import { clientErrorHandler, frameworkErrors } from './framework-errors.ts';
import { healthRoutes } from './health/routes.ts';
import { letterRoutes } from './letter/routes.ts';
import { installExpensiveLimits } from './limits/expensive-routes.ts';
import { monitoringRoutes } from './monitoring/routes.ts';
import { myDataRoutes } from './my-data/routes.ts';
import { outcomeRoutes } from './outcomes/routes.ts';
import { recourseRoutes } from './recourse/routes.ts';
import { installBodyRules } from './requests/json-bodies.ts';
import { installSameOriginCheck } from './requests/same-origin.ts';
import { reviewRoutes } from './reviews/routes.ts';
import { openServedState } from './scoring/open-served.ts';
import { scoringRoutes } from './scoring/routes.ts';
import { ServedModel } from './scoring/served-model.ts';
import { installServing } from './scoring/serving.ts';
import { openAppStore } from './store/open.ts';
import type { AppStore } from './store/types.ts';
import { installValidators } from './validation.ts';
import { vocabularyRoutes } from './vocabulary/routes.ts';
import { helmetOptions } from './web/csp.ts';
import { WEB_DIST } from './web/paths.ts';
import { webRoutes } from './web/routes.ts';
import { whatIfRoutes } from './what-if/routes.ts';

export interface BuildOptions extends ServerOptions {
  /** An already open store (tests); otherwise the one at appDbPath (SQLite file or PostgreSQL). */
  store?: AppStore;
  /**
   * Client data already loaded (tests share one between servers); the server then neither opens
   * nor closes the DuckDB file.
   */
  clients?: ClientRepository;
  /** Where pino writes (tests capture it); stdout by default. */
  logStream?: NodeJS.WritableStream;
  /** The built dashboard served at `/` (default web/dist); null serves the API alone. */
  webDist?: string | null;
}

export interface BuiltServer {
  app: FastifyInstance;
  /** Demo users created by this start (empty when users already existed). */
  demoUsers: DemoUser[];
}

/** What pino must never write: session cookies, credentials. Bodies are not logged at all. */
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
];

export async function buildServerWithInfo(options: BuildOptions = {}): Promise<BuiltServer> {
  const config = resolveConfig(options);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACT, censor: '[redacted]' },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    // Errors answered before any route runs, in the catalogue's format too.
    frameworkErrors,
    clientErrorHandler,
  });

  const store = options.store ?? (await openAppStore(config.appDbPath));
  const { state, db } = await openServedState(config.dbPath, config.modelsDir, options.clients);
  const served = new ServedModel(state);
  const ctx: AppContext = Object.freeze({
    config,
    store,
    served,
    // Getters: a request reads the state it is pinned to (scoring/served-model.ts), so a swap
    // (a promotion, here or on another replica; a new feature store) never mixes two in one.
    get clients() {
      return served.clients;
    },
    get clientsProblem() {
      return served.clientsProblem;
    },
    get scores() {
      return served.scores;
    },
    get modelProblem() {
      return served.problem;
    },
  });
  app.decorate('ctx', ctx);
  app.addHook('onClose', async () => {
    // Closing writes the pending audit records first.
    if (!options.store) await store.close();
  });
  // Data given by the caller (tests) is theirs: neither watched nor closed here.
  await installServing(app, {
    served,
    dbPath: options.clients ? null : config.dbPath,
    db,
    modelsDir: config.modelsDir,
    ...(store.shared ? { promotions: store.shared.promotions } : {}),
  });

  await store.sessions.purgeExpired(Date.now());
  let demoUsers: DemoUser[] = [];
  try {
    if (config.demoUsers) demoUsers = await createDemoUsers(store.users, state.clients);
  } catch (error) {
    await app.close();
    throw error;
  }

  for (const schema of COMPONENT_SCHEMAS) app.addSchema(schema);
  installValidators(app);
  installErrorHandlers(app);
  await app.register(helmet, helmetOptions);
  await app.register(cookie);
  installSessionHook(app);
  installSameOriginCheck(app);
  installBodyRules(app);
  installExpensiveLimits(app);
  // Every 401/403 on client data is audited (access.refused), whichever route refused it.
  installRefusalAudit(app);
  // The id that error bodies, the audit trail and the log share, for support to find a request.
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', String(request.id));
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'creditlens API',
        description: 'Credit scoring with explanations: clients, scores, audit trail.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'creditlens_session' },
        },
      },
      security: [{ session: [] }],
    },
    // Shared schemas become components named by their $id (Score, ModelCard…), not def-N.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(clientRoutes);
  await app.register(scoringRoutes);
  await app.register(auditRoutes);
  await app.register(decisionRoutes);
  await app.register(explanationRoutes);
  await app.register(whatIfRoutes);
  await app.register(applicationRoutes);
  await app.register(comparisonRoutes);
  await app.register(adminRoutes);
  await app.register(monitoringRoutes);
  await app.register(outcomeRoutes);
  await app.register(recourseRoutes);
  await app.register(reviewRoutes);
  await app.register(letterRoutes);
  await app.register(myDataRoutes);
  await app.register(vocabularyRoutes);
  const webDist = options.webDist === undefined ? WEB_DIST : options.webDist;
  if (webDist !== null) await app.register(webRoutes, { distDir: webDist });
  await app.ready();
  return { app, demoUsers };
}

/** The Fastify application, ready for inject() or listen(). */
export async function buildServer(options: BuildOptions = {}): Promise<FastifyInstance> {
  return (await buildServerWithInfo(options)).app;
}
