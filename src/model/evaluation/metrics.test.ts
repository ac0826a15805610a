import { describe, expect, it } from 'vitest';
import { binaryMetrics } from './binary-metrics.ts';
import { confusionAt } from './confusion.ts';
import { brierScore, ksStatistic, logLoss, prAuc, rocAuc } from './metrics.ts';
import { metricSpread } from './spread.ts';
import { labelledRows } from './test-support/seeded.ts';

// Hand example: defaulters score 0.9, 0.7, 0.4; repayers 0.7, 0.3, 0.1 (one tie at 0.7).
const labels = [1, 1, 0, 1, 0, 0];
const probs = [0.9, 0.7, 0.7, 0.4, 0.3, 0.1];

describe('ranking metrics on a hand-computed example', () => {
  it('ROC-AUC counts a tie as 1/2', () => {
    // Pairs (defaulter beats repayer): 0.9 beats 3; 0.7 ties 0.7 (1/2) and beats 2; 0.4 beats 2.
    // (3 + 2.5 + 2) / 9 = 7.5 / 9.
    expect(rocAuc(labels, probs)).toBeCloseTo(7.5 / 9, 15);
  });

  it('ROC-AUC does not depend on the order of the rows', () => {
    const order = [3, 0, 5, 2, 4, 1];
    const l = order.map((i) => labels[i] as number);
    const p = order.map((i) => probs[i] as number);
    expect(rocAuc(l, p)).toBe(rocAuc(labels, probs));
  });

  it('KS is the largest gap between the two cumulative distributions', () => {
    // Refused share of defaulters − of repayers at 0.9, 0.7, 0.4, 0.3, 0.1:
    // 1/3 − 0, 2/3 − 1/3, 1 − 1/3, 1 − 2/3, 1 − 1 → max 2/3 (at 0.4).
    expect(ksStatistic(labels, probs)).toBeCloseTo(2 / 3, 15);
  });

  it('PR-AUC is average precision: Σ ΔRecall · Precision', () => {
    // At 0.9: R 1/3, P 1; at 0.7: R 2/3, P 2/3; at 0.4: R 1, P 3/4.
    // 1/3 · (1 + 2/3 + 3/4) = 29/36.
    expect(prAuc(labels, probs)).toBeCloseTo(29 / 36, 15);
  });

  it('a perfect ranking scores 1 and a reversed one 0', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(rocAuc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])).toBe(0);
    expect(ksStatistic([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(prAuc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
  });

  it('accepts scores that are not probabilities (margins)', () => {
    expect(rocAuc([0, 1, 0, 1], [-3, 2.5, 0, 7])).toBe(1);
  });

  it('returns NaN, without throwing, when one class is absent', () => {
    expect(rocAuc([0, 0, 0], [0.1, 0.2, 0.3])).toBeNaN();
    expect(ksStatistic([1, 1], [0.1, 0.2])).toBeNaN();
    expect(prAuc([0, 0], [0.1, 0.2])).toBeNaN();
    expect(prAuc([1, 1], [0.1, 0.2])).toBe(1);
  });

  it('equals the brute-force pair count on random data with ties', () => {
    const { truth, labels: y } = labelledRows(400, 3, { decimals: 2 });
    let wins = 0;
    let pairs = 0;
    for (let i = 0; i < y.length; i++) {
      if (y[i] !== 1) continue;
      for (let j = 0; j < y.length; j++) {
        if (y[j] !== 0) continue;
        pairs++;
        const a = truth[i] as number;
        const b = truth[j] as number;
        wins += a > b ? 1 : a === b ? 0.5 : 0;
      }
    }
    expect(rocAuc(y, truth)).toBeCloseTo(wins / pairs, 12);
  });
});

describe('probability metrics on a hand-computed example', () => {
  it('Brier score', () => {
    // Errors 0.1, 0.3, 0.7, 0.6, 0.3, 0.1 → squares sum 1.05 → 1.05 / 6.
    expect(brierScore(labels, probs)).toBeCloseTo(1.05 / 6, 15);
  });

  it('log-loss', () => {
    // −(ln 0.9 + ln 0.7 + ln 0.3 + ln 0.4 + ln 0.7 + ln 0.9) / 6.
    const expected = -(Math.log(0.9 * 0.7 * 0.3 * 0.4 * 0.7 * 0.9) / 6);
    expect(logLoss(labels, probs)).toBeCloseTo(expected, 14);
  });

  it('log-loss clips probabilities 0 and 1 instead of returning Infinity', () => {
    // p = 0 for a defaulter becomes 1e-15; p = 1 for a repayer becomes 1 − 1e-15 (in doubles).
    const loss = logLoss([1, 0], [0, 1]);
    expect(loss).toBeCloseTo((-Math.log(1e-15) - Math.log(1 - (1 - 1e-15))) / 2, 12);
  });
});

describe('confusionAt and binaryMetrics', () => {
  it('refuses when p ≥ threshold', () => {
    // Refused at 0.7: 0.9 (defaulter), 0.7 (defaulter), 0.7 (repayer).
    expect(confusionAt(labels, probs, 0.7)).toEqual({
      truePositive: 2,
      falsePositive: 1,
      trueNegative: 2,
      falseNegative: 1,
    });
    expect(confusionAt(labels, probs, 0.4)).toEqual({
      truePositive: 3,
      falsePositive: 1,
      trueNegative: 2,
      falseNegative: 0,
    });
  });

  it('computes every metric at the threshold', () => {
    const m = binaryMetrics(labels, probs, {
      threshold: 0.5,
      costs: { falseNegative: 10, falsePositive: 1 },
      beta: 2,
    });
    expect(m.gini).toBeCloseTo(2 * (7.5 / 9) - 1, 15);
    // At 0.5: TP 2, FP 1, FN 1. Cost (10 · 1 + 1 · 1) / 6; the better trivial policy (refuse all)
    // costs 1 · 3, so normalised 11 / 3.
    expect(m.cost).toBeCloseTo(11 / 6, 15);
    expect(m.normalisedCost).toBeCloseTo(11 / 3, 15);
    expect(m.recall).toBeCloseTo(2 / 3, 15);
    expect(m.precision).toBeCloseTo(2 / 3, 15);
    // F-beta of equal precision and recall is that value.
    expect(m.fBeta).toBeCloseTo(2 / 3, 15);
    expect(m.threshold).toBe(0.5);
    expect(m.beta).toBe(2);
    expect(m.confusion.falseNegative).toBe(1);
  });

  it('F-beta weights recall by beta', () => {
    // At 0.8: TP 1, FP 0, FN 2 → P = 1, R = 1/3; F2 = 5 · 1 · (1/3) / (4 · 1 + 1/3) = 5/13.
    const m = binaryMetrics(labels, probs, {
      threshold: 0.8,
      costs: { falseNegative: 10, falsePositive: 1 },
      beta: 2,
    });
    expect(m.fBeta).toBeCloseTo(5 / 13, 15);
  });

  it('gives precision 0 when nobody is refused', () => {
    const m = binaryMetrics(labels, probs, {
      threshold: 0.95,
      costs: { falseNegative: 10, falsePositive: 1 },
      beta: 10,
    });
    expect(m.precision).toBe(0);
    expect(m.recall).toBe(0);
    expect(m.fBeta).toBe(0);
  });
});

describe('metricSpread', () => {
  it('gives the mean and the sample standard deviation per metric', () => {
    const costs = { falseNegative: 10, falsePositive: 1 };
    const a = binaryMetrics(labels, probs, { threshold: 0.5, costs, beta: 2 });
    const b = binaryMetrics([1, 0, 0, 1], [0.8, 0.6, 0.2, 0.1], { threshold: 0.5, costs, beta: 2 });
    const spread = metricSpread([a, b]);
    expect(spread.mean.rocAuc).toBeCloseTo((a.rocAuc + b.rocAuc) / 2, 15);
    // Two values: sample deviation = |a − b| / √2.
    expect(spread.std.rocAuc).toBeCloseTo(Math.abs(a.rocAuc - b.rocAuc) / Math.SQRT2, 15);
    expect(spread.std.threshold).toBe(0);
    expect(metricSpread([a]).std.brier).toBe(0);
  });

  it('rejects an empty list', () => {
    expect(() => metricSpread([])).toThrow(RangeError);
  });
});

describe('input validation', () => {
  it('names the argument that is wrong', () => {
    expect(() => rocAuc([0, 1], [0.1])).toThrow(/labels and scores must have the same length/);
    expect(() => brierScore([0, 2], [0.1, 0.2])).toThrow(/labels\[1\] must be 0 or 1/);
    expect(() => brierScore([0, 1], [0.1, 1.2])).toThrow(/probs\[1\] must be a probability/);
    expect(() => logLoss([0, 1], [0.1, Number.NaN])).toThrow(RangeError);
    expect(() => rocAuc([0, 1], [0.1, Number.POSITIVE_INFINITY])).toThrow(/scores\[1\]/);
    expect(() => rocAuc([], [])).toThrow(/must not be empty/);
    expect(() =>
      binaryMetrics(labels, probs, {
        threshold: 0.5,
        costs: { falseNegative: 0, falsePositive: 1 },
        beta: 1,
      }),
    ).toThrow(/costs.falseNegative must be a finite number > 0/);
  });
});
