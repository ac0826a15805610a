import { describe, expect, it } from 'vitest';
import { EXPLANATION, SCORE_REFUSE } from '../fixtures/answers.ts';
import { pointsFactor, waterfallInput, waterfallSteps } from './waterfall-steps.ts';

describe('waterfallSteps', () => {
  it('floats each part from where the previous ended and ends at the client value', () => {
    const steps = waterfallSteps(
      10,
      [
        { key: 'a', value: 5 },
        { key: 'b', value: -2 },
      ],
      13,
    );
    expect(steps.map((s) => [s.kind, s.from, s.to])).toEqual([
      ['start', 0, 10],
      ['part', 10, 15],
      ['part', 15, 13],
      ['end', 0, 13],
    ]);
  });

  it('shows a gap between the parts and the end as its own adjustment step', () => {
    const steps = waterfallSteps(10, [{ key: 'a', value: 5 }], 12);
    const adjustment = steps.find((s) => s.kind === 'adjustment');
    expect(adjustment).toEqual({
      key: 'adjustment',
      kind: 'adjustment',
      delta: -3,
      from: 15,
      to: 12,
    });
    expect(steps.at(-2)?.to).toBe(12);
  });
});

describe('waterfallInput on a real answer', () => {
  it('in percentage points: from the average client to the client, exactly, no adjustment', () => {
    const { start, parts, end } = waterfallInput(EXPLANATION, SCORE_REFUSE.points, 'pp');
    const steps = waterfallSteps(start, parts, end);
    expect(start).toBeCloseTo(33.16, 2);
    expect(steps.some((s) => s.kind === 'adjustment')).toBe(false);
    const lastPart = steps.at(-2);
    expect(lastPart?.to).toBeCloseTo(100 * SCORE_REFUSE.probability, 9);
    expect(steps.at(-1)?.to).toBe(100 * SCORE_REFUSE.probability);
  });

  it("in points: ends at the score's points, calibration shown as an adjustment", () => {
    // The answer's scale: 20 points to double the odds.
    expect(pointsFactor(EXPLANATION)).toBeCloseTo(20 / Math.LN2, 9);
    const { start, parts, end } = waterfallInput(EXPLANATION, SCORE_REFUSE.points, 'points');
    // Points of the average client's calibrated probability on the 600 / 50:1 / 20 scale.
    const p0 = EXPLANATION.contributions.expectedProbability;
    const offset = 600 - (20 / Math.LN2) * Math.log(50);
    expect(start).toBeCloseTo(offset + (20 / Math.LN2) * Math.log((1 - p0) / p0), 9);
    const steps = waterfallSteps(start, parts, end);
    expect(steps.at(-2)?.to).toBeCloseTo(SCORE_REFUSE.points, 9);
    const adjustment = steps.find((s) => s.kind === 'adjustment');
    expect(adjustment?.delta).toBeCloseTo(
      end - start - parts.reduce((sum, p) => sum + p.value, 0),
      9,
    );
  });
});
