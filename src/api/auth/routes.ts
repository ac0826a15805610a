/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, GET /api/auth/session. */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/record.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { errorResponses } from '../schemas.ts';
import { AttemptCounter } from './attempts.ts';
import { dummyHash, verifyPassword } from './password.ts';
import { cookieOptions, currentUser, newSessionId, SESSION_COOKIE } from './session.ts';

const loginBody = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 256 },
  },
} as const;

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify);
  const { max, windowSeconds } = fastify.ctx.config.loginAttempts;
  const perUser = new AttemptCounter(max, windowSeconds * 1000);
  // Per-IP limit on this plugin's routes only (login); the per-name one is perUser.
  await app.register(rateLimit, { global: false });

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max, timeWindow: windowSeconds * 1000 } },
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the httpOnly session cookie',
        body: loginBody,
        response: {
          200: { $ref: 'CurrentUser#' },
          ...errorResponses(400, 401, 429),
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const now = Date.now();
      const wait = perUser.blockedFor(username, now);
      if (wait > 0) throw apiError('TOO_MANY_REQUESTS', { after: `${wait} s` });
      const found = fastify.ctx.store.users.findByUsername(username);
      // Verify against a dummy hash for unknown names, so timing does not tell which names exist.
      const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyHash()));
      if (!found || !ok) {
        perUser.record(username, now);
        await recordAudit(app, request, {
          action: 'auth.login.failed',
          username,
          inputs: { username },
          output: { ok: false },
        });
        throw apiError('BAD_CREDENTIALS');
      }
      const id = newSessionId();
      const ttl = fastify.ctx.config.sessionTtlSeconds;
      fastify.ctx.store.sessions.create({ id, userId: found.id, expiresAt: now + ttl * 1000 });
      const user = {
        id: found.id,
        username: found.username,
        role: found.role,
        clientId: found.clientId,
      };
      request.user = user;
      await recordAudit(app, request, {
        action: 'auth.login',
        inputs: { username },
        output: { ok: true },
      });
      void reply.setCookie(SESSION_COOKIE, id, cookieOptions(app, request, ttl));
      return { user };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log out: ends the session and clears the cookie',
        response: { 204: { type: 'null' }, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      currentUser(request);
      if (request.sessionId) fastify.ctx.store.sessions.delete(request.sessionId);
      await recordAudit(app, request, { action: 'auth.logout', inputs: {}, output: { ok: true } });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user',
        response: {
          200: { $ref: 'CurrentUser#' },
          ...errorResponses(401),
        },
      },
    },
    async (request) => ({ user: currentUser(request) }),
  );

  // The dashboard asks this on start: logged out is an answer, not a failure (no 401 logged in
  // the browser's console on every visit to the login page).
  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is logged in, if anyone: the user, or null (never 401)',
        response: {
          200: { $ref: 'Session#' },
        },
      },
    },
    async (request) => ({ user: request.user ?? null }),
  );
}
