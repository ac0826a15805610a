import { describe, expect, it } from 'vitest';
import { precisionRecallCurve, rocCurve, thinCurve } from './curves.ts';
import { prAuc, rocAuc } from './metrics.ts';
import { reliabilityCurve } from './reliability.ts';
import { labelledRows } from './test-support/seeded.ts';

const labels = [1, 1, 0, 1, 0, 0];
const probs = [0.9, 0.7, 0.7, 0.4, 0.3, 0.1];

/** Trapezoid area under a polyline. */
function area(x: number[], y: number[]): number {
  let sum = 0;
  for (let i = 1; i < x.length; i++) {
    sum +=
      (((x[i] as number) - (x[i - 1] as number)) * ((y[i] as number) + (y[i - 1] as number))) / 2;
  }
  return sum;
}

describe('rocCurve', () => {
  it('has one point per distinct score, from (0, 0) to (1, 1)', () => {
    // (FPR, TPR) at 0.9, 0.7, 0.4, 0.3, 0.1: (0, 1/3), (1/3, 1), ... see the counts below.
    const curve = rocCurve(labels, probs);
    expect(curve.x).toEqual([0, 0, 1 / 3, 1 / 3, 2 / 3, 1]);
    expect(curve.y).toEqual([0, 1 / 3, 2 / 3, 1, 1, 1]);
  });

  it('thins long curves to maxPoints, keeping the ends and the area', () => {
    const { truth, labels: y } = labelledRows(5000, 11);
    const full = rocCurve(y, truth, 100_000);
    const thin = rocCurve(y, truth, 200);
    expect(full.x.length).toBeGreaterThan(1000);
    expect(thin.x.length).toBeLessThanOrEqual(200);
    expect(thin.x.length).toBeGreaterThan(150);
    expect([thin.x[0], thin.y[0]]).toEqual([0, 0]);
    expect([thin.x.at(-1), thin.y.at(-1)]).toEqual([1, 1]);
    for (let i = 1; i < thin.x.length; i++) {
      expect(thin.x[i] as number).toBeGreaterThanOrEqual(thin.x[i - 1] as number);
      expect(thin.y[i] as number).toBeGreaterThanOrEqual(thin.y[i - 1] as number);
    }
    expect(area(full.x, full.y)).toBeCloseTo(rocAuc(y, truth), 12);
    expect(Math.abs(area(thin.x, thin.y) - rocAuc(y, truth))).toBeLessThan(0.005);
  });

  it('is empty when one class is absent', () => {
    expect(rocCurve([0, 0], [0.2, 0.3])).toEqual({ x: [], y: [] });
  });
});

describe('precisionRecallCurve', () => {
  it('starts at (0, 1) and stops at full recall', () => {
    // At 0.9: R 1/3, P 1; at 0.7: R 2/3, P 2/3; at 0.4: R 1, P 3/4 (stop).
    const curve = precisionRecallCurve(labels, probs);
    expect(curve.x).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(curve.y).toEqual([1, 1, 2 / 3, 3 / 4]);
    // Average precision is the step-wise area of this curve.
    let ap = 0;
    for (let i = 1; i < curve.x.length; i++) {
      ap += ((curve.x[i] as number) - (curve.x[i - 1] as number)) * (curve.y[i] as number);
    }
    expect(ap).toBeCloseTo(prAuc(labels, probs), 15);
  });
});

describe('thinCurve', () => {
  it('returns short curves unchanged', () => {
    expect(thinCurve([0, 1], [0, 1], 2)).toEqual({ x: [0, 1], y: [0, 1] });
  });
});

describe('reliabilityCurve', () => {
  it('cuts quantile bins and reports mean prediction, default rate and size', () => {
    // Sorted: 0.1 (0), 0.2 (1), 0.3 (0), 0.5 (1) → two bins of two rows.
    const curve = reliabilityCurve([1, 0, 0, 1], [0.2, 0.1, 0.3, 0.5], 2);
    expect(curve.count).toEqual([2, 2]);
    expect(curve.predicted[0]).toBeCloseTo(0.15, 15);
    expect(curve.predicted[1]).toBeCloseTo(0.4, 15);
    expect(curve.observed).toEqual([0.5, 0.5]);
  });

  it('keeps tied probabilities in one bin', () => {
    const curve = reliabilityCurve([0, 1, 0, 1], [0.1, 0.1, 0.1, 0.4], 2);
    expect(curve.count).toEqual([3, 1]);
    expect(curve.observed[0]).toBeCloseTo(1 / 3, 15);
  });

  it('sums to every row on random data', () => {
    const { truth, labels: y } = labelledRows(1003, 12);
    const curve = reliabilityCurve(y, truth, 10);
    expect(curve.count).toHaveLength(10);
    expect(curve.count.reduce((a, b) => a + b, 0)).toBe(1003);
    // Well-calibrated data: each bin's default rate is near its mean prediction.
    for (let b = 0; b < 10; b++) {
      expect(Math.abs((curve.observed[b] as number) - (curve.predicted[b] as number))).toBeLessThan(
        0.12,
      );
    }
  });
});
