import { describe, expect, it } from 'vitest';
import { Rng } from './random.ts';

/** The first draws of mulberry32 as the engine seeded it before streams existed. */
function legacyDraws(seed: number, count: number): number[] {
  let state = (seed ^ 0x9e3779b9) >>> 0;
  return Array.from({ length: count }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  });
}

const draws = (rng: Rng, count: number) => Array.from({ length: count }, () => rng.next());

describe('Rng', () => {
  it('draws, on stream 0, the sequence the engine has always drawn', () => {
    for (const seed of [0, 1, 42, 2 ** 31 - 1]) {
      expect(draws(new Rng(seed), 50)).toEqual(legacyDraws(seed, 50));
    }
  });

  it('is deterministic for (seed, stream), and streams differ', () => {
    expect(draws(new Rng(42, 0x401d), 20)).toEqual(draws(new Rng(42, 0x401d), 20));
    expect(draws(new Rng(42, 0x401d), 20)).not.toEqual(draws(new Rng(42, 0xf01d), 20));
    expect(draws(new Rng(42, 0x401d), 20)).not.toEqual(draws(new Rng(42), 20));
  });

  it('draws uniform floats in [0, 1), integers in [0, n) and standard normals', () => {
    const rng = new Rng(7, 3);
    const n = 20_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      const k = rng.nextInt(5);
      expect(Number.isInteger(k) && k >= 0 && k < 5).toBe(true);
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.05);
  });
});
