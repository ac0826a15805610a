import { describe, expect, it } from 'vitest';
import { applyCalibrator, applyCalibratorAll, chooseCalibrator } from './calibrator.ts';
import { fitIsotonic } from './isotonic.ts';
import { brierScore } from './metrics.ts';
import { fitPlatt, sigmoid } from './platt.ts';
import { labelledRows, seededRandom } from './test-support/seeded.ts';

/** Miscalibrated data: the model outputs the true PD cubed (too low, ranking intact). */
function cubed(n: number, seed: number) {
  const { truth, labels } = labelledRows(n, seed, { low: 0.02, high: 0.9 });
  return { labels, probs: truth.map((p) => p ** 3) };
}

function expectMonotone(values: ArrayLike<number>, strict = false): void {
  for (let i = 1; i < values.length; i++) {
    if (strict) expect(values[i] as number).toBeGreaterThan(values[i - 1] as number);
    else expect(values[i] as number).toBeGreaterThanOrEqual(values[i - 1] as number);
  }
}

describe('fitIsotonic', () => {
  it('pools adjacent violators (hand example)', () => {
    // Labels 0, 1, 0, 1 at 0.1..0.4: 1 then 0 violate, pooled to 0.5 over 0.2..0.3.
    const spec = fitIsotonic([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1]);
    expect(spec).toEqual({ kind: 'isotonic', x: [0.1, 0.2, 0.3, 0.4], y: [0, 0.5, 0.5, 1] });
    // Interpolated between blocks, flat outside.
    expect(applyCalibrator(spec, 0.25)).toBe(0.5);
    expect(applyCalibrator(spec, 0.35)).toBeCloseTo(0.75, 15);
    expect(applyCalibrator(spec, 0)).toBe(0);
    expect(applyCalibrator(spec, 1)).toBe(1);
  });

  it('merges rows with the same raw probability first', () => {
    // 0.2 holds a defaulter and a repayer (mean 1/2); 0.5 a defaulter.
    expect(fitIsotonic([0.2, 0.5, 0.2], [1, 1, 0])).toEqual({
      kind: 'isotonic',
      x: [0.2, 0.5],
      y: [0.5, 1],
    });
  });

  it('is monotone, compact and improves the Brier score of miscalibrated input', () => {
    const fit = cubed(20_000, 21);
    const test = cubed(20_000, 22);
    const spec = fitIsotonic(fit.probs, fit.labels);
    expect(spec.x.length).toBeLessThanOrEqual(400);
    expectMonotone(spec.x, true);
    expectMonotone(spec.y);
    const calibrated = applyCalibratorAll(spec, test.probs);
    const order = [...test.probs.keys()].sort(
      (a, b) => (test.probs[a] as number) - (test.probs[b] as number),
    );
    expectMonotone(order.map((i) => calibrated[i] as number));
    const before = brierScore(test.labels, test.probs);
    const after = brierScore(test.labels, calibrated);
    expect(after).toBeLessThan(before * 0.9);
  });

  it('thins to maxKnots while staying monotone and close', () => {
    const fit = cubed(20_000, 23);
    const full = fitIsotonic(fit.probs, fit.labels, 1_000_000);
    const thin = fitIsotonic(fit.probs, fit.labels, 20);
    expect(full.x.length).toBeGreaterThan(20);
    expect(thin.x.length).toBeLessThanOrEqual(20);
    expectMonotone(thin.x, true);
    expectMonotone(thin.y);
    expect(thin.x[0]).toBe(full.x[0]);
    expect(thin.x.at(-1)).toBe(full.x.at(-1));
    const a = applyCalibratorAll(full, fit.probs);
    const b = applyCalibratorAll(thin, fit.probs);
    expect(brierScore(fit.labels, b)).toBeLessThan(brierScore(fit.labels, a) * 1.01);
  });
});

describe('fitPlatt', () => {
  it('recovers a known logistic recalibration', () => {
    // Labels drawn from σ(2 · logit(raw) − 0.5).
    const random = seededRandom(31);
    const n = 20_000;
    const raw = new Float64Array(n);
    const labels = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      raw[i] = 0.02 + 0.96 * random();
      const logit = Math.log((raw[i] as number) / (1 - (raw[i] as number)));
      labels[i] = random() < sigmoid(2 * logit - 0.5) ? 1 : 0;
    }
    const spec = fitPlatt(raw, labels);
    expect(spec.a).toBeGreaterThan(1.85);
    expect(spec.a).toBeLessThan(2.15);
    expect(spec.b).toBeGreaterThan(-0.6);
    expect(spec.b).toBeLessThan(-0.4);
  });

  it('stays finite on raw probabilities of exactly 0 and 1 and on separable data', () => {
    const spec = fitPlatt([0, 0, 1, 1], [0, 0, 1, 1]);
    expect(Number.isFinite(spec.a) && Number.isFinite(spec.b)).toBe(true);
    // Platt's smoothed targets: the fit stays short of 0 and 1.
    expect(applyCalibrator(spec, 1)).toBeLessThan(1);
    expect(applyCalibrator(spec, 1)).toBeGreaterThan(0.5);
  });

  it('is monotone and improves the Brier score of miscalibrated input', () => {
    const fit = cubed(10_000, 32);
    const test = cubed(10_000, 33);
    const spec = fitPlatt(fit.probs, fit.labels);
    expect(spec.a).toBeGreaterThan(0);
    const grid = Array.from({ length: 101 }, (_, i) => applyCalibrator(spec, i / 100));
    expectMonotone(grid);
    expect(brierScore(test.labels, applyCalibratorAll(spec, test.probs))).toBeLessThan(
      brierScore(test.labels, test.probs) * 0.9,
    );
  });
});

describe('chooseCalibrator', () => {
  it('cross-fits the three methods and rejects identity on miscalibrated input', () => {
    const { labels, probs } = cubed(10_000, 41);
    const foldOf = Int32Array.from(labels, (_, i) => i % 5);
    const choice = chooseCalibrator(probs, labels, foldOf);
    expect(Object.keys(choice.cvBrier).sort()).toEqual(['identity', 'isotonic', 'platt']);
    expect(choice.method).not.toBe('identity');
    expect(choice.spec.kind).toBe(choice.method);
    for (const brier of Object.values(choice.cvBrier)) {
      expect(choice.cvBrier[choice.method]).toBeLessThanOrEqual(brier);
    }
    // The identity's cross-validated Brier is the plain Brier (mean of equal-size folds).
    expect(choice.cvBrier.identity).toBeCloseTo(brierScore(labels, probs), 12);
  });

  it('needs one fold number per row and at least two folds', () => {
    expect(() => chooseCalibrator([0.1, 0.2], [0, 1], new Int32Array(3))).toThrow(/foldOf/);
    expect(() => chooseCalibrator([0.1, 0.2], [0, 1], new Int32Array(2))).toThrow(
      /two distinct folds/,
    );
  });
});

describe('applyCalibrator', () => {
  it('rejects probabilities outside [0, 1]', () => {
    expect(() => applyCalibrator({ kind: 'identity' }, 1.5)).toThrow(/p must be a probability/);
  });
});
