import { describe, expect, it } from 'vitest';
import { nearestIndex, plainFigures, thinIndices } from './model-summary.ts';
import { modelCard } from './test-fixtures.ts';

describe('plainFigures', () => {
  it('turns the confusion counts into per-100 figures', () => {
    const f = plainFigures(modelCard);
    expect(f.accuracy).toBeCloseTo(0.656, 12);
    // 600 granted, 12 of them default.
    expect(f.defaultsPer100Granted).toBeCloseTo(2, 12);
    // 400 refused, 332 would have repaid.
    expect(f.repayersPer100Refused).toBeCloseTo(83, 12);
    expect(f.defaultsCaughtPer10).toBeCloseTo(8.5, 12);
    expect(f.refusalRate).toBeCloseTo(0.4, 12);
    expect(f.costRatio).toBe(10);
  });

  it('gives zeros, not NaN, when nobody is granted', () => {
    const confusion = { truePositive: 5, falsePositive: 5, trueNegative: 0, falseNegative: 0 };
    const f = plainFigures({ ...modelCard, holdout: { ...modelCard.holdout, confusion } });
    expect(f.defaultsPer100Granted).toBe(0);
  });
});

describe('curve helpers', () => {
  it('thins a curve keeping both ends', () => {
    expect(thinIndices(3, 5)).toEqual([0, 1, 2]);
    expect(thinIndices(101, 5)).toEqual([0, 25, 50, 75, 100]);
  });

  it('finds the point nearest the threshold', () => {
    expect(nearestIndex([0.02, 0.05, 0.091, 0.2], 0.09)).toBe(2);
  });
});
