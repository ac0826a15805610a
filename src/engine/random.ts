/**
 * Seeded pseudo-random numbers for row and column subsampling (mulberry32): the same seed gives
 * the same sequence on every platform, which keeps training deterministic.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    // Mix the seed so that nearby seeds do not give correlated first draws.
    this.state = (seed ^ 0x9e3779b9) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }
}
