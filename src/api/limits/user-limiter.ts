/**
 * Per-key (per-user) limits on costly work: a token bucket (`burst` tokens, refilled at
 * `perMinute`) and a cap on the requests running at once (`concurrent`), with a short queue
 * (`queued` more, each waiting at most `queueWaitMs` for a slot). In memory: one server process.
 */
import type { ExpensiveLimits } from '../config.ts';

/** Why a request is refused, and how long the caller should wait before trying again. */
export interface Refusal {
  /** RATE_LIMITED: the bucket is empty; TOO_MANY_AT_ONCE: every slot and queue place is taken. */
  readonly code: 'RATE_LIMITED' | 'TOO_MANY_AT_ONCE';
  /** Whole seconds, at least 1 (the Retry-After header). */
  readonly retryAfterSeconds: number;
}

/** An admitted request: call `release` exactly once when its work is over. */
export interface Admission {
  readonly release: () => void;
}

interface Waiter {
  readonly admit: (admission: Admission) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

interface KeyState {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  updatedAt: number;
  running: number;
  readonly waiting: Waiter[];
}

/** Every slot and queue place taken: a running request usually ends within a second. */
const BUSY: Refusal = Object.freeze({ code: 'TOO_MANY_AT_ONCE', retryAfterSeconds: 1 });

/** Entries kept before idle ones (full bucket, nothing running or waiting) are dropped. */
const PRUNE_ABOVE = 10_000;

export class UserLimiter {
  private readonly states = new Map<string, KeyState>();
  private readonly msPerToken: number;

  constructor(
    private readonly limits: ExpensiveLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.msPerToken = 60_000 / limits.perMinute;
  }

  /**
   * Admits a request of `key` at once, after a wait in the queue, or refuses it. A refused
   * request costs no token; a queued one takes its token when it is queued (and gets it back if
   * its wait runs out).
   */
  enter(key: string): Admission | Refusal | Promise<Admission | Refusal> {
    const state = this.stateOf(key);
    this.refill(state);
    if (state.tokens < 1) {
      return {
        code: 'RATE_LIMITED',
        retryAfterSeconds: Math.max(1, Math.ceil(((1 - state.tokens) * this.msPerToken) / 1000)),
      };
    }
    if (state.running < this.limits.concurrent) {
      state.tokens -= 1;
      state.running += 1;
      return this.admission(state);
    }
    if (state.waiting.length >= this.limits.queued) return BUSY;
    state.tokens -= 1;
    return new Promise((resolve) => {
      const waiter: Waiter = {
        admit: resolve,
        timer: setTimeout(() => {
          const i = state.waiting.indexOf(waiter);
          if (i >= 0) state.waiting.splice(i, 1);
          state.tokens = Math.min(this.limits.burst, state.tokens + 1);
          resolve(BUSY);
        }, this.limits.queueWaitMs),
      };
      state.waiting.push(waiter);
    });
  }

  /** Keys currently tracked (tests and pruning). */
  get size(): number {
    return this.states.size;
  }

  private admission(state: KeyState): Admission {
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const next = state.waiting.shift();
        if (next) {
          // The slot passes straight to the first waiter: `running` stays the same.
          clearTimeout(next.timer);
          next.admit(this.admission(state));
        } else {
          state.running -= 1;
        }
      },
    };
  }

  private stateOf(key: string): KeyState {
    let state = this.states.get(key);
    if (!state) {
      if (this.states.size >= PRUNE_ABOVE) this.prune();
      state = { tokens: this.limits.burst, updatedAt: this.now(), running: 0, waiting: [] };
      this.states.set(key, state);
    }
    return state;
  }

  private refill(state: KeyState): void {
    const now = this.now();
    const earned = (now - state.updatedAt) / this.msPerToken;
    state.tokens = Math.min(this.limits.burst, state.tokens + earned);
    state.updatedAt = now;
  }

  private prune(): void {
    for (const [key, state] of this.states) {
      this.refill(state);
      if (state.running === 0 && state.waiting.length === 0 && state.tokens >= this.limits.burst) {
        this.states.delete(key);
      }
    }
  }
}
