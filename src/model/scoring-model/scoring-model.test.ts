import { describe, expect, it } from 'vitest';
import { denseMatrix, Rng } from '../../engine/index.ts';
import { tinyModel } from '../registry/test-support.ts';
import { fitLogistic, predictLogistic } from '../training/logistic/index.ts';
import { logisticPartsOf } from '../training/served-choice.ts';
import {
  logisticScoringModel,
  parseScoringModel,
  serializeScoringModel,
  treesScoringModel,
} from './index.ts';

/** Seeded column-major features (some missing) and labels from a known logistic model. */
function problem(numRows: number, seed: number) {
  const random = new Rng(seed);
  const weights = [1.1, -0.7, 0.4, 0];
  const p = weights.length;
  const values = new Float64Array(numRows * p);
  const labels = new Float64Array(numRows);
  for (let r = 0; r < numRows; r++) {
    let z = -1;
    for (let c = 0; c < p; c++) {
      const v = random.normal() * (c + 1) + c;
      z += (weights[c] as number) * ((v - c) / (c + 1));
      values[c * numRows + r] = c === 1 && random.next() < 0.2 ? Number.NaN : v;
    }
    labels[r] = random.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { features: denseMatrix(values, numRows, p, 'column-major'), labels };
}

const names = ['a', 'b', 'c', 'd'];
const { features, labels } = problem(600, 3);
const fitted = fitLogistic(features, labels, { C: 1, tolerance: 1e-8 });
const served = logisticScoringModel(logisticPartsOf(fitted, names));

const logit = (p: number) => Math.log(p / (1 - p));

describe('logistic regression as a served model', () => {
  it('scores as the fitted model does', () => {
    const ours = served.predict(features);
    const theirs = predictLogistic(fitted, features);
    for (let r = 0; r < features.numRows; r++) {
      expect(Math.abs((ours[r] as number) - (theirs[r] as number))).toBeLessThan(1e-12);
    }
  });

  it('gives contributions that sum with the base value to the margin exactly', () => {
    const explainer = served.explainer();
    const batch = explainer.explainBatch(features);
    const raw = served.predict(features);
    for (let r = 0; r < features.numRows; r++) {
      const row = Float64Array.from(names, (_, f) => features.values[f * 600 + r] as number);
      const one = explainer.explainRow(row);
      let margin = one.expectedValue;
      for (const v of one.values) margin += v;
      // The margin the probability came from, and the batch's values, bit for bit.
      expect(1 / (1 + Math.exp(-margin))).toBeCloseTo(served.predictRow(row), 15);
      expect(Math.abs(margin - logit(raw[r] as number))).toBeLessThan(1e-9);
      expect(Array.from(batch.values.subarray(r * 4, r * 4 + 4))).toEqual(Array.from(one.values));
    }
    expect(batch.expectedValue).toBe(fitted.intercept);
  });

  it('is coefficient × (value − training mean): zero at the mean, linear in the value', () => {
    const explainer = served.explainer();
    const value = fitted.preprocessor.columns.find((c) => c.source === 0 && c.kind === 'value');
    if (value === undefined) throw new Error('feature a has a value column');
    const j = fitted.preprocessor.columns.indexOf(value);
    const atMean = explainer.explainRow([value.mean, 0, 0, 0]).values[0] as number;
    expect(Math.abs(atMean)).toBeLessThan(1e-12);
    const x = value.mean + 2.5;
    const phi = explainer.explainRow([x, 0, 0, 0]).values[0] as number;
    expect(phi).toBeCloseTo(((fitted.coef[j] as number) * (x - value.mean)) / value.scale, 12);
    // A missing value: its filled value and its missing indicator together.
    const b = explainer.explainRow([0, Number.NaN, 0, 0]).values[1] as number;
    const expected = fitted.preprocessor.columns.reduce(
      (s, c, k) =>
        c.source !== 1
          ? s
          : s +
            ((fitted.coef[k] as number) * ((c.kind === 'value' ? c.fill : 1) - c.mean)) / c.scale,
      0,
    );
    expect(b).toBeCloseTo(expected, 12);
  });

  it('round-trips through model.json and refuses an altered file', () => {
    const text = serializeScoringModel(served);
    const loaded = parseScoringModel(text);
    expect(loaded.kind).toBe('logistic');
    expect(Array.from(loaded.predict(features))).toEqual(Array.from(served.predict(features)));
    const altered = text.replace(/"intercept":(-?[0-9.e-]+)/, '"intercept":0.5');
    expect(() => parseScoringModel(altered)).toThrow(/checksum/);
    expect(() => served.predictRow([1, 2])).toThrow(/expects 4 features/);
  });

  it('reads the engine format as trees', () => {
    const trees = treesScoringModel(tinyModel());
    const loaded = parseScoringModel(serializeScoringModel(trees));
    expect(loaded.kind).toBe('trees');
    const row = new Float64Array(trees.featureNames.length).fill(0.3);
    expect(loaded.predictRow(row)).toBe(trees.predictRow(row));
  });
});
