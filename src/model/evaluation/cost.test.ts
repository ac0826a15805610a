import { describe, expect, it } from 'vitest';
import type { CostSpec } from '../run-record.ts';
import { confusionAt } from './confusion.ts';
import { bestThreshold, costCurve, DEFAULT_COSTS, GRANT_ALL_THRESHOLD } from './cost.ts';
import { decisionBands } from './decision-bands.ts';
import { labelledRows } from './test-support/seeded.ts';

const labels = [1, 1, 0, 1, 0, 0];
const probs = [0.9, 0.7, 0.7, 0.4, 0.3, 0.1];

/** Total cost of "refuse when p ≥ t", counted row by row. */
function totalCost(y: ArrayLike<number>, p: ArrayLike<number>, costs: CostSpec, t: number): number {
  const c = confusionAt(y, p, t);
  return costs.falseNegative * c.falseNegative + costs.falsePositive * c.falsePositive;
}

describe('bestThreshold', () => {
  it('finds the known optimum of a hand example', () => {
    // Costs 10 / 1. Grant all: 10 · 3 = 30; refuse from 0.9: 20; from 0.7: 10 + 1 = 11;
    // from 0.4: 0 + 1 = 1; from 0.3: 2; from 0.1: 3. Optimum 0.4 with cost 1; the better trivial
    // policy (refuse all) costs 3, so the normalised cost is 1/3.
    const best = bestThreshold(labels, probs, DEFAULT_COSTS);
    expect(best.threshold).toBe(0.4);
    expect(best.normalisedCost).toBeCloseTo(1 / 3, 15);
  });

  it('breaks a tie toward the higher threshold (fewer refusals)', () => {
    // Costs 1 / 1, labels 0, 1, 0 at 0.9, 0.5, 0.1. Grant all: 1; from 0.9: 2; from 0.5: 1;
    // from 0.1: 2. Grant all and 0.5 tie at 1: granting everyone wins.
    const tie = bestThreshold([0, 1, 0], [0.9, 0.5, 0.1], { falseNegative: 1, falsePositive: 1 });
    expect(tie.threshold).toBe(GRANT_ALL_THRESHOLD);
    expect(tie.normalisedCost).toBe(1);
    // A cheaper false positive breaks the tie: 0.5 then costs 0.5.
    const cheaper = bestThreshold([0, 1, 0], [0.9, 0.5, 0.1], {
      falseNegative: 1,
      falsePositive: 0.5,
    });
    expect(cheaper.threshold).toBe(0.5);
  });

  it('represents "grant all" by a threshold no probability reaches, which survives JSON', () => {
    expect(GRANT_ALL_THRESHOLD).toBeGreaterThan(1);
    expect(JSON.parse(JSON.stringify(GRANT_ALL_THRESHOLD))).toBe(GRANT_ALL_THRESHOLD);
    expect(confusionAt([1, 0], [1, 1], GRANT_ALL_THRESHOLD).truePositive).toBe(0);
  });

  for (const costs of [DEFAULT_COSTS, { falseNegative: 3.5, falsePositive: 1.25 }]) {
    it(`equals a brute-force scan on random data (costs ${costs.falseNegative} / ${costs.falsePositive})`, () => {
      for (const seed of [1, 2, 3]) {
        const { truth, labels: y } = labelledRows(600, seed, { decimals: 2 });
        // Miscalibrate so the optimum is not simply at C_FP / (C_FP + C_FN).
        const p = truth.map((v) => v * v);
        const candidates = [...new Set(p), GRANT_ALL_THRESHOLD].sort((a, b) => b - a);
        let bestT = GRANT_ALL_THRESHOLD;
        let bestCost = Number.POSITIVE_INFINITY;
        for (const t of candidates) {
          const c = totalCost(y, p, costs, t);
          if (c < bestCost) {
            bestCost = c;
            bestT = t;
          }
        }
        let positives = 0;
        for (const v of y) positives += v;
        const trivial = Math.min(
          costs.falseNegative * positives,
          costs.falsePositive * (y.length - positives),
        );
        const found = bestThreshold(y, p, costs);
        expect(found.threshold).toBe(bestT);
        expect(found.normalisedCost).toBeCloseTo(bestCost / trivial, 12);
      }
    });
  }

  it('rejects costs that are not positive', () => {
    expect(() => bestThreshold(labels, probs, { falseNegative: 10, falsePositive: -1 })).toThrow(
      /costs.falsePositive/,
    );
  });
});

describe('costCurve', () => {
  it('gives the normalised cost on a 0..1 grid', () => {
    // Grid 0, 0.5, 1. At 0 everyone is refused: cost 3 / 3 = 1. At 0.5: FN 1, FP 1 → 11 / 3.
    // At 1 nobody is refused: 30 / 3 = 10.
    const curve = costCurve(labels, probs, DEFAULT_COSTS, 3);
    expect(curve.x).toEqual([0, 0.5, 1]);
    expect(curve.y[0]).toBeCloseTo(1, 15);
    expect(curve.y[1]).toBeCloseTo(11 / 3, 15);
    expect(curve.y[2]).toBeCloseTo(10, 15);
  });

  it('agrees with a row-by-row count on random data and never goes below the optimum', () => {
    const { truth, labels: y } = labelledRows(500, 9, { decimals: 3 });
    const curve = costCurve(y, truth, DEFAULT_COSTS);
    expect(curve.x).toHaveLength(101);
    const best = bestThreshold(y, truth, DEFAULT_COSTS);
    let positives = 0;
    for (const v of y) positives += v;
    const trivial = Math.min(10 * positives, y.length - positives);
    for (let k = 0; k < curve.x.length; k++) {
      const t = curve.x[k] as number;
      expect(curve.y[k]).toBeCloseTo(totalCost(y, truth, DEFAULT_COSTS, t) / trivial, 12);
      expect(curve.y[k] as number).toBeGreaterThanOrEqual(best.normalisedCost - 1e-12);
    }
  });
});

describe('decisionBands', () => {
  it('keeps acceptBelow ≤ threshold ≤ declineFrom, near-optimal edges and at most 15% referred', () => {
    for (const seed of [4, 5, 6, 7]) {
      const { truth, labels: y } = labelledRows(3000, seed, { low: 0, high: 0.3, decimals: 3 });
      const { threshold, normalisedCost } = bestThreshold(y, truth, DEFAULT_COSTS);
      const bands = decisionBands(y, truth, DEFAULT_COSTS, threshold);
      expect(bands.acceptBelow).toBeLessThanOrEqual(threshold);
      expect(bands.declineFrom).toBeGreaterThanOrEqual(threshold);
      let referred = 0;
      for (const p of truth) if (p >= bands.acceptBelow && p < bands.declineFrom) referred++;
      expect(referred / truth.length).toBeLessThanOrEqual(0.15);
      // Both edges, used as thresholds, cost within 5% of the minimum.
      const optimum = totalCost(y, truth, DEFAULT_COSTS, threshold);
      expect(optimum).toBeCloseTo(
        normalisedCost *
          Math.min(10 * y.reduce((a, b) => a + b, 0), y.length - y.reduce((a, b) => a + b, 0)),
        9,
      );
      for (const edge of [bands.acceptBelow, bands.declineFrom]) {
        expect(totalCost(y, truth, DEFAULT_COSTS, edge)).toBeLessThanOrEqual(optimum * 1.05 + 1e-9);
      }
      // The flat optimum of this noisy data leaves room for a band.
      expect(referred).toBeGreaterThan(0);
    }
  });

  it('refers nobody with zero tolerance on a strict optimum, and limits the share', () => {
    // Hand example: costs 30, 20, 11, 1, 2, 3 from grant-all down; 0.4 is a strict optimum.
    const strict = decisionBands(labels, probs, DEFAULT_COSTS, 0.4, { tolerance: 0 });
    expect(strict).toEqual({ acceptBelow: 0.4, declineFrom: 0.4 });
    // Tolerance 100% (cost ≤ 2) allows 0.3 (cost 2) below; above, 0.7 costs 11. That refers one
    // row of six (17%): over the default 15% cap, within a 20% one.
    const wide = { tolerance: 1, maxReferShare: 0.2 };
    expect(decisionBands(labels, probs, DEFAULT_COSTS, 0.4, wide)).toEqual({
      acceptBelow: 0.3,
      declineFrom: 0.4,
    });
    expect(decisionBands(labels, probs, DEFAULT_COSTS, 0.4, { tolerance: 1 })).toEqual(strict);
    // Tolerance 1000% (cost ≤ 11), no cap: the cheaper side first, 0.3 (2) then 0.1 (3), then
    // 0.7 (11); 0.9 (20) stops it. Refer 0.1 ≤ PD < 0.7.
    expect(
      decisionBands(labels, probs, DEFAULT_COSTS, 0.4, { tolerance: 10, maxReferShare: 1 }),
    ).toEqual({ acceptBelow: 0.1, declineFrom: 0.7 });
    // A threshold far from the optimum (0.9 costs 20 > 1.05) refers nobody.
    expect(decisionBands(labels, probs, DEFAULT_COSTS, 0.9)).toEqual({
      acceptBelow: 0.9,
      declineFrom: 0.9,
    });
  });
});
