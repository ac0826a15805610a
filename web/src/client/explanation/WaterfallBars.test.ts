import { describe, expect, it } from 'vitest';
import { barSpans } from './WaterfallBars.tsx';
import { waterfallSteps } from './waterfall-steps.ts';

describe('barSpans', () => {
  it('places every bar on one axis from 0 in pp: start and end rise from it, steps float', () => {
    const steps = waterfallSteps(
      10,
      [
        { key: 'a', value: 5 },
        { key: 'b', value: -3 },
      ],
      12,
    );
    const spans = barSpans(steps, 'pp');
    const round = spans.map((s) => ({ left: +s.left.toFixed(3), width: +s.width.toFixed(3) }));
    expect(round).toEqual([
      { left: 0, width: 0.667 }, // start: 0 → 10 of 15
      { left: 0.667, width: 0.333 }, // +5: 10 → 15
      { left: 0.8, width: 0.2 }, // −3: 15 → 12
      { left: 0, width: 0.8 }, // end: 0 → 12
    ]);
  });

  it('starts a points axis below the lowest level, so the steps are not flattened near 500', () => {
    const steps = waterfallSteps(500, [{ key: 'a', value: 20 }], 520);
    const [start, step] = barSpans(steps, 'points');
    expect(start?.left).toBe(0);
    // 520 − 500 = 20 points take four fifths of the track, not 4 %.
    expect(step?.width).toBeCloseTo(0.8, 6);
  });
});
