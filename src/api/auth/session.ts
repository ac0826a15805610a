/**
 * Sessions: a 32-byte random id in an httpOnly, SameSite=Strict cookie; the hook that resolves it
 * to a user on every request; and the guards routes put in front of everything else they do.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiError } from '../errors.ts';
import type { Role, User } from '../store/types.ts';

export const SESSION_COOKIE = 'creditlens_session';
const SESSION_ID = /^[0-9a-f]{64}$/;

export function newSessionId(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The session cookie's attributes, the same for setting and for clearing it (a browser only
 * replaces a cookie of the same name, path and domain): Secure when configured, or under 'auto'
 * when the request came over https.
 */
export function cookieAttributes(app: FastifyInstance, request: FastifyRequest) {
  const { secureCookies } = app.ctx.config;
  const secure = secureCookies === 'auto' ? request.protocol === 'https' : secureCookies;
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure };
}

/** Options of the login's cookie: the attributes and the session's lifetime. */
export function cookieOptions(
  app: FastifyInstance,
  request: FastifyRequest,
  maxAgeSeconds: number,
) {
  return { ...cookieAttributes(app, request), maxAge: maxAgeSeconds };
}

/** Resolves the session cookie (if any, and well-formed) to the user; never throws for a bad one. */
export function installSessionHook(app: FastifyInstance): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request) => {
    const raw = request.cookies[SESSION_COOKIE];
    if (typeof raw !== 'string' || !SESSION_ID.test(raw)) return;
    const { store } = app.ctx;
    const session = await store.sessions.find(raw, Date.now());
    if (!session) return;
    const user = await store.users.findById(session.userId);
    if (!user) return;
    request.user = user;
    request.sessionId = raw;
  });
}

/** The logged-in user, or 401. */
export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw apiError('NOT_LOGGED_IN');
  return request.user;
}

/**
 * The role guard, declared by every protected route as its `onRequest` hook: 401 when not logged
 * in, 403 when the role is not among `roles` — before the body is read or anything validated, so
 * a caller without the right learns nothing about what the route accepts.
 */
export function requireRole(...roles: Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const user = currentUser(request);
    if (!roles.includes(user.role)) throw apiError('FORBIDDEN_ROLE', { role: user.role });
  };
}

/** 403 unless the user may see this client: staff see all, a customer only their own file. */
export function assertClientAccess(user: User, clientId: number): void {
  if (user.role === 'customer' && user.clientId !== clientId) throw apiError('FORBIDDEN_CLIENT');
}
