import { describe, expect, it } from 'vitest';
import { predictMarginRow, ShapExplainer } from '../engine/index.ts';
import { applyCalibrator } from '../model/evaluation/calibrator.ts';
import { DEFAULT_SCORE_SCALE, pointsOf } from '../model/evaluation/score-scale.ts';
import type { CalibratorSpec } from '../model/run-record.ts';
import { contributionsOf } from './contributions.ts';
import { explainRow } from './explanation.ts';
import { referenceStatsOf } from './reference-stats.ts';
import { populationRow, syntheticModel, syntheticPopulation } from './test-support.ts';
import { contributionsByTheme } from './themes.ts';

const population = syntheticPopulation(3000, 7);
const model = syntheticModel(population);
const explainer = new ShapExplainer(model);
const names = model.featureNames;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('contributionsOf', () => {
  it('groups one-hot columns, and every unit adds up exactly in log-odds, points and percentage points', () => {
    for (const r of [0, 17, 123, 2999]) {
      const row = populationRow(population, names, r);
      const shap = explainer.explainRow(row);
      const set = contributionsOf(shap, names, row, { scale: DEFAULT_SCORE_SCALE, topN: 3 });
      const margin = predictMarginRow(model, row);
      expect(set.logOdds).toBeCloseTo(margin, 9);
      expect(set.expectedLogOdds + sum(set.all.map((c) => c.logOdds))).toBeCloseTo(margin, 9);
      expect(set.all.map((c) => c.key)).toContain('NAME_INCOME_TYPE');
      expect(set.all).toHaveLength(names.length - 2);
      const income = set.all.find((c) => c.key === 'NAME_INCOME_TYPE');
      const members = names.flatMap((n, i) =>
        n.startsWith('NAME_INCOME_TYPE__') ? [shap.values[i] as number] : [],
      );
      expect(income?.logOdds).toBeCloseTo(sum(members), 12);
      // Percentage points: exactly the change of probability.
      const p = sigmoid(margin);
      const p0 = sigmoid(shap.expectedValue);
      expect(sum(set.all.map((c) => c.probabilityPoints))).toBeCloseTo(100 * (p - p0), 9);
      // Points: the change of score (no clipping at these probabilities).
      expect(sum(set.all.map((c) => c.points))).toBeCloseTo(
        pointsOf(p, DEFAULT_SCORE_SCALE) - pointsOf(p0, DEFAULT_SCORE_SCALE),
        6,
      );
      // Top N by size, and the rest sums what they leave.
      expect(set.top).toHaveLength(3);
      const sizes = set.all.map((c) => Math.abs(c.logOdds));
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
      expect(set.rest.count).toBe(set.all.length - 3);
      expect(sum(set.top.map((c) => c.logOdds)) + set.rest.logOdds).toBeCloseTo(
        margin - shap.expectedValue,
        9,
      );
      // Signs agree: raising the risk lowers the score.
      for (const c of set.all)
        if (c.logOdds !== 0) expect(Math.sign(c.points)).toBe(-Math.sign(c.logOdds));
    }
  });

  it('shares the calibrated probability change when a calibrator is given', () => {
    const spec: CalibratorSpec = { kind: 'platt', a: 0.8, b: -0.3 };
    const row = populationRow(population, names, 42);
    const shap = explainer.explainRow(row);
    const set = contributionsOf(shap, names, row, {
      scale: DEFAULT_SCORE_SCALE,
      calibrate: (p) => applyCalibrator(spec, p),
    });
    const p = applyCalibrator(spec, sigmoid(predictMarginRow(model, row)));
    expect(set.probability).toBeCloseTo(p, 12);
    expect(sum(set.all.map((c) => c.probabilityPoints))).toBeCloseTo(
      100 * (p - set.expectedProbability),
      9,
    );
  });

  it('groups by theme with exact sums, and explainRow ties it together', () => {
    const row = populationRow(population, names, 5);
    const shap = explainer.explainRow(row);
    const stats = referenceStatsOf(population);
    const explanation = explainRow(shap, names, row, {
      run: { scoreScale: DEFAULT_SCORE_SCALE, calibrator: { kind: 'identity' } },
      stats,
    });
    const themes = contributionsByTheme(explanation.contributions.all);
    expect(explanation.themes).toEqual(themes);
    const total = sum(explanation.contributions.all.map((c) => c.points));
    expect(sum(themes.map((t) => t.points))).toBeCloseTo(total, 9);
    for (const t of themes) {
      expect(t.points).toBeCloseTo(sum(t.contributions.map((c) => c.points)), 12);
      for (const c of t.contributions) expect(c.theme).toBe(t.theme);
    }
    expect(new Set(themes.map((t) => t.theme)).size).toBe(themes.length);
    const { adverse, favourable } = explanation.reasons;
    for (const r of adverse) expect(r.logOdds).toBeGreaterThan(0);
    for (const r of favourable) expect(r.logOdds).toBeLessThan(0);
    expect(adverse.length + favourable.length).toBeGreaterThan(0);
  });

  it('rejects rows whose width does not match the feature names', () => {
    const row = populationRow(population, names, 1);
    const shap = explainer.explainRow(row);
    expect(() =>
      contributionsOf(shap, names.slice(1), row, { scale: DEFAULT_SCORE_SCALE }),
    ).toThrow(/features/);
  });
});
