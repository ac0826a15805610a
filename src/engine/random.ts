/**
 * Seeded pseudo-random numbers (mulberry32): the same seed gives the same sequence on every
 * platform, which keeps training deterministic. The engine draws its row and column subsampling
 * from it; src/model/training its splits, folds, search proposals and samples, each from a stream
 * of its own.
 */

/** Spreads a 32-bit word over all 32 bits (splitmix-style finaliser); 0 stays 0. */
function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private state: number;
  private spareNormal = Number.NaN;

  /**
   * A sequence for (seed, stream). Streams give one seed several independent sequences (a split,
   * a search); stream 0, the default, is the sequence the engine has always drawn.
   */
  constructor(seed: number, stream = 0) {
    // Mix the seed so that nearby seeds do not give correlated first draws.
    this.state = (seed ^ 0x9e3779b9 ^ mix32(stream)) >>> 0;
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

  /** A standard normal draw (Marsaglia's polar method, the second value kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const v = this.spareNormal;
      this.spareNormal = Number.NaN;
      return v;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return u * f;
  }
}
