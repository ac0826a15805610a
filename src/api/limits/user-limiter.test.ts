import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExpensiveLimits } from '../config.ts';
import { type Admission, type Refusal, UserLimiter } from './user-limiter.ts';

const LIMITS: ExpensiveLimits = {
  perMinute: 60,
  burst: 3,
  concurrent: 2,
  queued: 1,
  queueWaitMs: 500,
  refusalDelayMs: 0,
};

function admitted(entered: Admission | Refusal): Admission {
  if ('code' in entered) throw new Error(`refused: ${entered.code}`);
  return entered;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('UserLimiter: the token bucket', () => {
  it('lets a burst through, then refuses until a token is earned back, per key', () => {
    let now = 0;
    const limiter = new UserLimiter({ ...LIMITS, concurrent: 10 }, () => now);
    for (let i = 0; i < 3; i++) admitted(limiter.enter('a') as Admission | Refusal).release();
    // 60 a minute: one token a second; the 4th request is a second early.
    expect(limiter.enter('a')).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    // Another user has a full bucket of their own.
    admitted(limiter.enter('b') as Admission | Refusal).release();
    now = 999;
    expect(limiter.enter('a')).toMatchObject({ code: 'RATE_LIMITED' });
    now = 1000;
    admitted(limiter.enter('a') as Admission | Refusal).release();
  });

  it('says how many whole seconds to wait, never 0', () => {
    let now = 0;
    const limiter = new UserLimiter({ ...LIMITS, perMinute: 2, burst: 1 }, () => now);
    admitted(limiter.enter('a') as Admission | Refusal).release();
    expect(limiter.enter('a')).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    now = 29_999;
    expect(limiter.enter('a')).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
  });
});

describe('UserLimiter: requests at once', () => {
  it('runs `concurrent`, queues `queued`, refuses the rest at once without charging them', async () => {
    const limiter = new UserLimiter({ ...LIMITS, burst: 10 });
    const first = admitted(limiter.enter('a') as Admission);
    const second = admitted(limiter.enter('a') as Admission);
    const third = limiter.enter('a');
    expect(third).toBeInstanceOf(Promise);
    expect(limiter.enter('a')).toEqual({ code: 'TOO_MANY_AT_ONCE', retryAfterSeconds: 1 });
    // Another user is not affected.
    admitted(limiter.enter('b') as Admission).release();
    first.release();
    first.release(); // a second release is ignored
    const queued = admitted(await third);
    expect(limiter.enter('a')).toBeInstanceOf(Promise); // the queue place is free again
    second.release();
    queued.release();
  });

  it('gives a queued request up after queueWaitMs, with its token back', async () => {
    vi.useFakeTimers();
    const limiter = new UserLimiter({ ...LIMITS, concurrent: 1, burst: 2 });
    const running = admitted(limiter.enter('a') as Admission);
    const waiting = limiter.enter('a');
    vi.advanceTimersByTime(LIMITS.queueWaitMs);
    expect(await waiting).toEqual({ code: 'TOO_MANY_AT_ONCE', retryAfterSeconds: 1 });
    running.release();
    // Two tokens: the running request's and the one given back by the request that gave up.
    admitted(limiter.enter('a') as Admission).release();
    expect(limiter.size).toBe(1);
  });
});
