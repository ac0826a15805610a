/**
 * The login throttle of ./attempts.ts with its counts in the shared PostgreSQL store, so that
 * guesses spread over several replicas are throttled as if sent to one: the same keys (HMACs, under
 * a key the replicas share), the same leak and back-off, and the same rule that an attempt counts
 * as a failure from its start. Checking the wait and counting the failure happen in one
 * transaction holding both rows locked, so concurrent guesses on two replicas are counted one
 * after the other.
 */
import type { LoginFailureStore } from '../store/types.ts';
import {
  type AttemptCounter,
  failuresAt,
  type LoginAttempt,
  type ThrottleSettings,
  throttleKeys,
  waitMsOf,
} from './attempts.ts';

export class SharedLoginThrottle implements AttemptCounter {
  private readonly maxDelayMs: number;

  constructor(
    private readonly store: LoginFailureStore,
    private readonly settings: ThrottleSettings,
  ) {
    this.maxDelayMs = settings.maxDelaySeconds * 1000;
  }

  async begin(username: string, ip: string, now: number): Promise<LoginAttempt> {
    const { pair, address } = throttleKeys(await this.store.secret(), username, ip);
    let waitMs = 0;
    await this.store.update([pair, address], ([pairCount, addressCount]) => {
      waitMs = Math.max(
        waitMsOf(pairCount, this.settings.perPair, this.maxDelayMs, now),
        waitMsOf(addressCount, this.settings.perAddress, this.maxDelayMs, now),
      );
      // Refused while waiting: neither checked nor counted.
      if (waitMs > 0) return [undefined, undefined];
      const failed = (count: typeof pairCount) => ({
        failures: (count ? failuresAt(count, now) : 0) + 1,
        last: Math.max(now, count?.last ?? 0),
      });
      return [failed(pairCount), failed(addressCount)];
    });
    if (waitMs > 0) return { retryAfter: Math.ceil(waitMs / 1000), succeeded() {} };
    return {
      retryAfter: 0,
      // The pair's failures forgotten, the address's failure of this attempt taken back.
      succeeded: () =>
        this.store.update([pair, address], ([, addressCount]) => [
          null,
          addressCount ? { ...addressCount, failures: addressCount.failures - 1 } : undefined,
        ]),
    };
  }
}
