import { describe, expect, it } from 'vitest';
import { Lru } from './lru.ts';

describe('Lru', () => {
  it('evicts the least recently used entry, a hit counting as a use', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    lru.set('c', 4);
    expect(lru.size).toBe(2);
    expect(lru.get('c')).toBe(4);
  });

  it('refuses a capacity that is not a positive whole number', () => {
    expect(() => new Lru(0)).toThrow(/capacity/);
    expect(() => new Lru(1.5)).toThrow(/capacity/);
  });
});
