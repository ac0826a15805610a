/**
 * The expensive routes' per-user limits. A route opts in by declaring `config: { expensive: true }`
 * (or a test of its validated request, e.g. the explanation only with all=true); its handler then
 * runs inside a slot of the user's UserLimiter, so the slot is held exactly as long as the work
 * (a client that hangs up does not free it early) and a refused request does no work at all:
 * 429 RATE_LIMITED or TOO_MANY_AT_ONCE with Retry-After, answered after `refusalDelayMs` when
 * refused at once (a client ignoring Retry-After gets one answer a second per connection, not a
 * flood of cheap ones). Keyed by the logged-in user (every expensive route is behind a role
 * guard, which runs first), by address otherwise.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { apiError } from '../errors.ts';
import { UserLimiter } from './user-limiter.ts';

/** true, or whether this (validated) request is expensive. */
export type ExpensiveRule = boolean | ((request: FastifyRequest) => boolean);

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Counts the route against each user's limits on expensive work
     * (`ServerConfig.expensiveLimits`): true, or a test of the validated request.
     */
    expensive?: ExpensiveRule;
  }
}

/** The limiter's key: the user, whichever session they use; the address if nobody is logged in. */
function keyOf(request: FastifyRequest): string {
  return request.user ? `user:${request.user.id}` : `ip:${request.ip}`;
}

/**
 * Wraps the handler of every route declared expensive, registered after this call (an onRoute
 * hook: install before the route plugins).
 */
export function installExpensiveLimits(app: FastifyInstance): void {
  const limits = app.ctx.config.expensiveLimits;
  const limiter = new UserLimiter(limits);
  app.addHook('onRoute', (route) => {
    const rule = route.config?.expensive;
    if (rule === undefined || rule === false) return;
    const handler = route.handler;
    const limited: RouteHandlerMethod = async function (this: FastifyInstance, request, reply) {
      if (rule !== true && !rule(request)) return handler.call(this, request, reply);
      const entering = limiter.enter(keyOf(request));
      const entered = await entering;
      if ('code' in entered) {
        const after = entered.retryAfterSeconds;
        // Refused at once (not after waiting in the queue): pause before answering.
        if (!(entering instanceof Promise) && limits.refusalDelayMs > 0) {
          await sleep(Math.min(limits.refusalDelayMs, after * 1000));
        }
        void reply.header('retry-after', String(after));
        throw apiError(entered.code, { after: `${after} s` });
      }
      try {
        return await handler.call(this, request, reply);
      } finally {
        entered.release();
      }
    };
    route.handler = limited;
  });
}
