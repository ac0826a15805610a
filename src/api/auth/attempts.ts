/**
 * Failed-login counter per user name, in fixed windows: the per-IP limit (@fastify/rate-limit)
 * does not stop a distributed guess at one account. In memory: one server process.
 */
export class AttemptCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may now. */
  blockedFor(key: string, now: number): number {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs || w.count < this.max) return 0;
    return Math.ceil((w.start + this.windowMs - now) / 1000);
  }

  record(key: string, now: number): void {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      // Bounded memory: drop stale windows whenever a new one opens and the map is large.
      if (this.windows.size > 10_000) this.prune(now);
      this.windows.set(key, { start: now, count: 1 });
    } else {
      w.count += 1;
    }
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}
