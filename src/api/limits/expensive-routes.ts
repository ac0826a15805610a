/**
 * The expensive routes' per-user limits. A route opts in by declaring `config: { expensive: true }`
 * (or a test of its validated request, e.g. the explanation only with all=true); its handler then
 * runs inside a slot of the user's UserLimiter, so the slot is held exactly as long as the work
 * (a client that hangs up does not free it early) and a refused request does no work at all:
 * 429 RATE_LIMITED or TOO_MANY_AT_ONCE with Retry-After, answered after `refusalDelayMs` when
 * refused at once (a client ignoring Retry-After gets one answer a second per connection, not a
 * flood of cheap ones). Keyed by the logged-in user (every expensive route is behind a role
 * guard, which runs first), by address otherwise. Replicas on one PostgreSQL store share the token
 * buckets (one atomic upsert per admission, ../store/postgres/rate-buckets.ts); the cap on
 * requests at once stays per replica.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { apiError } from '../errors.ts';
import { type Refusal, UserLimiter } from './user-limiter.ts';

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
  const shared = app.ctx.store.shared?.rateBuckets;
  // With shared buckets, this process's limiter caps only the requests at once (its bucket never
  // empties): the cluster's cap is `concurrent` × replicas.
  const limiter = new UserLimiter(shared ? { ...limits, burst: Number.POSITIVE_INFINITY } : limits);
  const msPerToken = 60_000 / limits.perMinute;

  /** The shared bucket's refusal, or null when a token was taken (or no bucket is shared). */
  async function takeShared(key: string): Promise<Refusal | null> {
    if (!shared) return null;
    const took = await shared.take(key, Date.now(), limits.burst, msPerToken);
    if (took.taken) return null;
    return { code: 'RATE_LIMITED', retryAfterSeconds: Math.max(1, Math.ceil(took.waitMs / 1000)) };
  }
  app.addHook('onRoute', (route) => {
    const rule = route.config?.expensive;
    if (rule === undefined || rule === false) return;
    const handler = route.handler;
    const limited: RouteHandlerMethod = async function (this: FastifyInstance, request, reply) {
      if (rule !== true && !rule(request)) return handler.call(this, request, reply);
      const key = keyOf(request);
      const emptied = await takeShared(key);
      const entering = emptied ?? limiter.enter(key);
      const entered = await entering;
      // A request refused for want of a slot costs no token: the shared one goes back.
      if (shared && !emptied && 'code' in entered) await shared.giveBack(key, limits.burst);
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
