import { describe, expect, it } from 'vitest';
import { fabricateRecord, seededRandom } from '../registry/test-support.ts';
import { challenge, MIN_EACH_CLASS } from './compare.ts';

const random = seededRandom(4);
const n = 1000;
const labels = Float64Array.from({ length: n }, () => (random() < 0.15 ? 1 : 0));
/** Probabilities that separate the classes by `strength` (0: noise). */
const probabilities = (strength: number) =>
  Float64Array.from(labels, (y) =>
    Math.min(0.99, Math.max(0.01, 0.1 + strength * (y - 0.15) + (random() - 0.5) * 0.3)),
  );
const champion = { ...fabricateRecord(), id: 'm-champion', threshold: 0.2 };
const challenger = { ...fabricateRecord(), id: 'm-challenger', threshold: 0.2 };

describe('champion against challenger on the same applications', () => {
  it('recommends the challenger when it costs less and ranks no worse', () => {
    const c = challenge(
      { record: champion, probability: probabilities(0.05) },
      { record: challenger, probability: probabilities(0.5) },
      labels,
    );
    expect(c.rows).toBe(n);
    expect(c.challenger.cost).toBeLessThan(c.champion.cost);
    expect(c.aucTest?.difference).toBeGreaterThan(0);
    expect(c.aucTest?.aucA).toBe(c.challenger.auc?.auc);
    expect(c.recommendation.promote).toBe(true);
    // Both priced with the champion's costs, each at its own threshold.
    expect(c.costs).toEqual(champion.costs);
  });

  it('keeps the champion when the challenger ranks significantly worse or costs more', () => {
    const c = challenge(
      { record: champion, probability: probabilities(0.5) },
      { record: challenger, probability: probabilities(0.02) },
      labels,
    );
    expect(c.recommendation.promote).toBe(false);
    expect(c.recommendation.reason).toMatch(/ranks significantly worse/);
  });

  it('keeps the champion when the window holds too few defaults to tell', () => {
    const few = Float64Array.from({ length: 200 }, (_, i) => (i < MIN_EACH_CLASS - 1 ? 1 : 0));
    const p = Float64Array.from(few, (y) => (y === 1 ? 0.9 : 0.05));
    const c = challenge(
      { record: champion, probability: Float64Array.from(few, () => 0.5) },
      { record: challenger, probability: p },
      few,
    );
    expect(c.recommendation.promote).toBe(false);
    expect(c.recommendation.reason).toMatch(/too few outcomes.*9 defaults/);
  });

  it('needs both models to score every row', () => {
    expect(() =>
      challenge(
        { record: champion, probability: new Float64Array(3) },
        { record: challenger, probability: new Float64Array(2) },
        new Float64Array(3),
      ),
    ).toThrow(/every row/);
  });
});
