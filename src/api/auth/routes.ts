/**
 * POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, GET /api/auth/session. Logins
 * are throttled per (user name, address) and per address (./attempts.ts), never per user name
 * alone: no one can lock an account out by failing to log into it.
 */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/record.ts';
import { typed } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import { errorResponses } from '../schemas.ts';
import { type AttemptCounter, LoginThrottle } from './attempts.ts';
import { dummyHash, verifyPassword } from './password.ts';
import {
  cookieAttributes,
  cookieOptions,
  currentUser,
  newSessionId,
  SESSION_COOKIE,
} from './session.ts';
import { SharedLoginThrottle } from './shared-attempts.ts';

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
  const { store, config } = fastify.ctx;
  // Replicas on one PostgreSQL count failures together; one process (SQLite) in memory.
  const throttle: AttemptCounter = store.shared
    ? new SharedLoginThrottle(store.shared.loginFailures, config.loginAttempts)
    : new LoginThrottle(config.loginAttempts);

  app.post(
    '/api/auth/login',
    {
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
      // Known and unknown names are throttled alike, so the answers do not tell which exist.
      const attempt = await throttle.begin(username, request.ip, now);
      if (attempt.retryAfter > 0) {
        void reply.header('retry-after', String(attempt.retryAfter));
        throw apiError('TOO_MANY_REQUESTS', { after: `${attempt.retryAfter} s` });
      }
      const found = await fastify.ctx.store.users.findByUsername(username);
      // Verify against a dummy hash for unknown names, so timing does not tell which names exist.
      const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyHash()));
      if (!found || !ok) {
        // A name that matches no account is not recorded (it is often a password typed in the
        // wrong field): the audit keeps that the name was unknown, not the name.
        const known = found !== undefined || (await fastify.ctx.store.users.nameTaken(username));
        const reason = found ? 'wrong password' : known ? 'account disabled' : 'unknown user name';
        await recordAudit(app, request, {
          action: 'auth.login.failed',
          ...(known ? { username } : {}),
          inputs: { username: known ? username : null },
          output: { ok: false, reason },
        });
        throw apiError('BAD_CREDENTIALS');
      }
      await attempt.succeeded();
      const id = newSessionId();
      const ttl = fastify.ctx.config.sessionTtlSeconds;
      await fastify.ctx.store.sessions.create({
        id,
        userId: found.id,
        expiresAt: now + ttl * 1000,
      });
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
      if (request.sessionId) await fastify.ctx.store.sessions.delete(request.sessionId);
      await recordAudit(app, request, { action: 'auth.logout', inputs: {}, output: { ok: true } });
      void reply.clearCookie(SESSION_COOKIE, cookieAttributes(app, request));
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
