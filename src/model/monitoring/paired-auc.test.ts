import { describe, expect, it } from 'vitest';
import { seededRandom } from '../registry/test-support.ts';
import { aucWithInterval } from './auc-interval.ts';
import { pairedAucTest } from './paired-auc.ts';

/** DeLong's paired variance from the definition: every positive-negative pair, O(m·n). */
function bruteForce(labels: number[], a: number[], b: number[]) {
  const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);
  const pos = labels.flatMap((l, i) => (l === 1 ? [i] : []));
  const neg = labels.flatMap((l, i) => (l === 0 ? [i] : []));
  const place = (s: number[]) => ({
    v10: pos.map(
      (i) => neg.reduce((t, j) => t + psi(s[i] as number, s[j] as number), 0) / neg.length,
    ),
    v01: neg.map(
      (j) => pos.reduce((t, i) => t + psi(s[i] as number, s[j] as number), 0) / pos.length,
    ),
  });
  const cov = (x: number[], y: number[]) => {
    const mx = x.reduce((t, v) => t + v, 0) / x.length;
    const my = y.reduce((t, v) => t + v, 0) / y.length;
    return x.reduce((t, v, i) => t + (v - mx) * ((y[i] as number) - my), 0) / (x.length - 1);
  };
  const pa = place(a);
  const pb = place(b);
  const mean = (x: number[]) => x.reduce((t, v) => t + v, 0) / x.length;
  const variance =
    (cov(pa.v10, pa.v10) + cov(pb.v10, pb.v10) - 2 * cov(pa.v10, pb.v10)) / pos.length +
    (cov(pa.v01, pa.v01) + cov(pb.v01, pb.v01) - 2 * cov(pa.v01, pb.v01)) / neg.length;
  return { difference: mean(pa.v10) - mean(pb.v10), se: Math.sqrt(variance) };
}

describe("DeLong's paired test of two models on the same clients", () => {
  const random = seededRandom(21);
  const n = 300;
  const labels = Array.from({ length: n }, () => (random() < 0.2 ? 1 : 0));
  const signal = labels.map((l) => l + random() * 1.5);
  // B is A with more noise (and rounded, so it has ties): correlated, weaker.
  const a = signal.map((s) => s + random() * 0.3);
  const b = signal.map((s) => Math.round((s + random() * 1.2) * 10) / 10);

  it('agrees with the definition over every pair', () => {
    const ours = pairedAucTest(labels, a, b);
    const theirs = bruteForce(labels, a, b);
    expect(ours.difference).toBeCloseTo(theirs.difference, 12);
    expect(ours.standardError).toBeCloseTo(theirs.se, 12);
    expect(ours.aucA).toBeCloseTo(aucWithInterval(labels, a).auc, 14);
    expect(ours.difference).toBeGreaterThan(0);
    expect(ours.pValue).toBeLessThan(0.05);
  });

  it('is symmetric, and finds nothing between a model and itself', () => {
    const ab = pairedAucTest(labels, a, b);
    const ba = pairedAucTest(labels, b, a);
    expect(ba.statistic).toBeCloseTo(-ab.statistic, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
    const same = pairedAucTest(labels, a, a);
    expect(same).toMatchObject({ difference: 0, standardError: 0, statistic: 0, pValue: 1 });
    // A monotone transform ranks alike: the same AUC, no difference.
    expect(
      pairedAucTest(
        labels,
        a,
        a.map((v) => Math.exp(v)),
      ).pValue,
    ).toBe(1);
  });

  it('refuses scores of different lengths', () => {
    expect(() => pairedAucTest(labels, a, b.slice(1))).toThrow(/different numbers of rows/);
  });
});
