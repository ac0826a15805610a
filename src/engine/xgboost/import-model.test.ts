import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../matrix.ts';
import { parseModel, serializeModel } from '../model.ts';
import { predictMargin, predictMarginRow } from '../predict.ts';
import { ShapExplainer } from '../shap/shap.ts';
import { errorOf } from '../test-support/error-of.ts';
import { parseAnyModel } from './any-model.ts';
import { parseXgboostModel } from './import-model.ts';

// Fixtures written by test-support/make_xgboost_fixtures.py with Debian's XGBoost 1.7: 20-tree
// models and the first 250 training rows plus rows at split thresholds (and the float64 just
// below one, which float32 rounds back up) and far out of range, with XGBoost's outputs.
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const read = (file: string) => readFileSync(resolve(FIXTURES, file), 'utf8');

interface Expected {
  readonly rows: (number | null)[][];
  readonly margin: number[];
  readonly contrib: number[][];
}

function load(name: string) {
  const modelText = read(`${name}.model.json`);
  const expected = JSON.parse(read(`${name}.expected.json`)) as Expected;
  const numCols = expected.rows[0]?.length ?? 0;
  const values = new Float64Array(expected.rows.length * numCols);
  expected.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      values[r * numCols + c] = v === null ? Number.NaN : v;
    });
  });
  return {
    modelText,
    expected,
    matrix: denseMatrix(values, expected.rows.length, numCols, 'row-major'),
  };
}

const CASES = ['binary-depth4', 'regression-depth4', 'binary-monotone', 'binary-lossguide31'];

describe('XGBoost JSON import agrees with XGBoost 1.7', () => {
  for (const name of CASES) {
    it(`margins and SHAP values (with the bias column) within 1e-5: ${name}`, () => {
      const { modelText, expected, matrix } = load(name);
      const model = parseXgboostModel(modelText);
      expect(model.trees.length).toBe(20);
      const margin = predictMargin(model, matrix);
      const explainer = new ShapExplainer(model);
      const shap = explainer.explainBatch(matrix);
      const numCols = matrix.numCols;
      let marginGap = 0;
      let shapGap = 0;
      let sumShap = 0;
      for (let r = 0; r < matrix.numRows; r++) {
        marginGap = Math.max(
          marginGap,
          Math.abs((margin[r] as number) - (expected.margin[r] as number)),
        );
        const contrib = expected.contrib[r] as number[];
        for (let f = 0; f < numCols; f++) {
          const ours = shap.values[r * numCols + f] as number;
          shapGap = Math.max(shapGap, Math.abs(ours - (contrib[f] as number)));
          sumShap += Math.abs(ours);
        }
        shapGap = Math.max(shapGap, Math.abs(shap.expectedValue - (contrib[numCols] as number)));
      }
      expect(marginGap).toBeLessThan(1e-5);
      expect(shapGap).toBeLessThan(1e-5);
      // Non-trivial attributions, so the comparison says something.
      expect(sumShap / matrix.numRows).toBeGreaterThan(0.1);
    });
  }

  it('routes by float32(x) < threshold, at and around every threshold', () => {
    const { modelText } = load('binary-depth4');
    const model = parseXgboostModel(modelText);
    const tree = model.trees[0];
    if (tree === undefined || tree.numNodes === 0) throw new Error('fixture tree has no split');
    const f = tree.splitFeature[0] as number;
    const t = tree.threshold[0] as number;
    const row = new Float64Array(model.featureNames.length);
    const leafMargin = (x: number) => {
      row[f] = x;
      return predictMarginRow({ ...model, trees: [tree] }, row);
    };
    // A float64 just below a float32 threshold rounds to it in float32, so it goes right.
    const justBelow = t - Math.abs(t) * 1e-12;
    expect(justBelow).toBeLessThan(t);
    expect(leafMargin(justBelow)).toBe(leafMargin(t));
    expect(leafMargin(t)).not.toBe(leafMargin(t - Math.abs(t) * 1e-3 - 1e-3));
  });

  it('reads feature names, or names f0… when the model has none, or the names given', () => {
    expect(parseXgboostModel(load('binary-depth4').modelText).featureNames).toEqual([
      'income',
      'debt_ratio',
      'age_years',
      'ext_score',
      'n_loans',
      'tenure',
    ]);
    const unnamed = load('regression-depth4').modelText;
    expect(parseXgboostModel(unnamed).featureNames).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'f5']);
    const names = ['a', 'b', 'c', 'd', 'e', 'g'];
    expect(parseXgboostModel(unnamed, { featureNames: names }).featureNames).toEqual(names);
    expect(errorOf(() => parseXgboostModel(unnamed, { featureNames: ['a'] })).message).toMatch(
      /1 feature names given.*6 features/,
    );
  });

  it('turns the base score into a margin and keeps the objective', () => {
    const binary = parseXgboostModel(load('binary-depth4').modelText);
    expect(binary.objective).toBe('binary:logistic');
    expect(binary.baseScore).toBe(0); // logit(0.5)
    const regression = parseXgboostModel(load('regression-depth4').modelText);
    expect(regression.objective).toBe('reg:squarederror');
    expect(regression.baseScore).toBeCloseTo(0.5, 7);
  });

  it('survives a round-trip through our own model format', () => {
    const { modelText, matrix } = load('binary-lossguide31');
    const model = parseXgboostModel(modelText);
    const again = parseModel(serializeModel(model));
    expect(Array.from(predictMargin(again, matrix))).toEqual(
      Array.from(predictMargin(model, matrix)),
    );
  });
});

describe('parseAnyModel', () => {
  it('reads our format and XGBoost JSON, and names both when given neither', () => {
    const { modelText, matrix } = load('binary-depth4');
    const imported = parseAnyModel(modelText);
    expect(imported.featureNames[0]).toBe('income');
    const ours = parseAnyModel(serializeModel(imported));
    expect(Array.from(predictMargin(ours, matrix))).toEqual(
      Array.from(predictMargin(imported, matrix)),
    );
    expect(errorOf(() => parseAnyModel('[1, 2]')).message).toMatch(/creditlens model.*XGBoost/);
    expect(errorOf(() => parseAnyModel('nope')).message).toMatch(/not valid JSON/);
  });
});

describe('XGBoost JSON import errors', () => {
  const base = JSON.parse(load('binary-depth4').modelText) as {
    learner: Record<string, Record<string, unknown> & { model: { trees: unknown[] } }>;
  };
  const edited = (edit: (json: typeof base) => void) => {
    const copy = structuredClone(base);
    edit(copy);
    return JSON.stringify(copy);
  };
  it('reads base_score written as "[5E-1]" (XGBoost 2.x)', () => {
    const text = edited((j) => {
      (j.learner.learner_model_param as Record<string, unknown>).base_score = '[2.5E-1]';
    });
    expect(parseXgboostModel(text).baseScore).toBeCloseTo(Math.log(0.25 / 0.75), 12);
  });
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"learner": ', /not valid JSON/],
    ['not an XGBoost model', '{"format": "creditlens-gbdt"}', /no "learner" object/],
    [
      'gblinear',
      edited((j) => {
        (j.learner.gradient_booster as Record<string, unknown>).name = 'gblinear';
      }),
      /booster "gblinear"/,
    ],
    [
      'dart',
      edited((j) => {
        (j.learner.gradient_booster as Record<string, unknown>).name = 'dart';
      }),
      /booster "dart"/,
    ],
    [
      'objective',
      edited((j) => {
        (j.learner.objective as Record<string, unknown>).name = 'rank:pairwise';
      }),
      /objective "rank:pairwise"/,
    ],
    [
      'multi-class',
      edited((j) => {
        (j.learner.learner_model_param as Record<string, unknown>).num_class = '3';
      }),
      /3 classes/,
    ],
    [
      'categorical feature',
      edited((j) => {
        (j.learner as Record<string, unknown>).feature_types = ['float', 'c', 'float'];
      }),
      /feature 1 is categorical/,
    ],
    [
      'categorical split',
      edited((j) => {
        const tree = j.learner.gradient_booster?.model.trees[3] as { split_type: number[] };
        tree.split_type[0] = 1;
      }),
      /trees\[3\] node 0 is a categorical split/,
    ],
    [
      'bad child',
      edited((j) => {
        const tree = j.learner.gradient_booster?.model.trees[2] as { left_children: number[] };
        tree.left_children[0] = 999;
      }),
      /trees\[2\] node 0 has a bad child reference 999/,
    ],
    [
      'short array',
      edited((j) => {
        const tree = j.learner.gradient_booster?.model.trees[1] as { sum_hessian: number[] };
        tree.sum_hessian.pop();
      }),
      /trees\[1\]\.sum_hessian must be an array of \d+ finite numbers/,
    ],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects ${what} with a clear message`, () => {
      expect(errorOf(() => parseXgboostModel(text)).message).toMatch(message);
    });
  }
});
