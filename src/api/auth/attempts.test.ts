import { describe, expect, it } from 'vitest';
import { AttemptCounter } from './attempts.ts';

describe('AttemptCounter', () => {
  it('blocks a key after max attempts until its window ends', () => {
    const counter = new AttemptCounter(3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(counter.blockedFor('bob', 1000)).toBe(0);
      counter.record('bob', 1000);
    }
    expect(counter.blockedFor('bob', 1000)).toBe(60);
    expect(counter.blockedFor('bob', 31_000)).toBe(30);
    expect(counter.blockedFor('alice', 1000)).toBe(0);
    expect(counter.blockedFor('bob', 61_000)).toBe(0);
  });
});
