import { describe, expect, it } from 'vitest';
import { sentenceCheck } from './sentence-check.ts';
import { seededRandom } from './test-support/seeded.ts';

describe('sentenceCheck', () => {
  it('counts the clients within ±1 point of each level and their defaults', () => {
    const probs = [0.02, 0.03, 0.04, 0.05, 0.1];
    const labels = [0, 1, 0, 0, 1];
    const levels = sentenceCheck(labels, probs);
    const at = (n: number) => levels.find((l) => l.level === n);
    // Level 3: 0.02, 0.03 and 0.04 (both ends of the window count).
    expect(at(3)).toMatchObject({ clients: 3, defaults: 1 });
    expect(at(3)?.observed).toBeCloseTo(1 / 3, 12);
    expect(at(10)).toMatchObject({ clients: 1, defaults: 1 });
    expect(at(7)).toBeUndefined();
    expect(levels.at(-1)?.level).toBe(10);
    expect(sentenceCheck(labels, probs, { minClients: 2 }).map((l) => l.level)).toEqual([
      2, 3, 4, 5,
    ]);
  });

  it('holds for calibrated probabilities, and not for probabilities twice too low', () => {
    const random = seededRandom(7);
    const probs: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 40_000; i++) {
      const p = 0.01 + 0.2 * random();
      probs.push(p);
      labels.push(random() < p ? 1 : 0);
    }
    const calibrated = sentenceCheck(labels, probs, { minClients: 500 });
    expect(calibrated.length).toBeGreaterThan(15);
    expect(calibrated.filter((l) => l.holds).length).toBeGreaterThanOrEqual(calibrated.length - 1);
    const halved = sentenceCheck(
      labels,
      probs.map((p) => p / 2),
      { minClients: 500 },
    );
    expect(halved.filter((l) => l.holds)).toHaveLength(0);
  });
});
