import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/index.ts';
import type { LogisticParts } from '../scoring-model/index.ts';
import { trainOnData } from './pipeline.ts';
import { monotoneViolations, rankByOofCost, selectionReport } from './served-choice.ts';
import type { TrainingData } from './training-data.ts';

const parts: LogisticParts = {
  featureNames: ['debt_ratio', 'score', 'age', 'flat'],
  C: 1,
  columns: [
    { source: 0, kind: 'value', fill: 0, mean: 0.3, scale: 0.1 },
    { source: 1, kind: 'value', fill: 0, mean: 0.5, scale: 0.2 },
    { source: 2, kind: 'value', fill: 0, mean: 40, scale: 10 },
    // A missing indicator has no direction to keep.
    { source: 1, kind: 'missing', fill: 0, mean: 0.1, scale: 0.3 },
  ],
  coef: [0.8, 0.4, -0.2, -5],
  intercept: -2,
};

describe('which candidate is served', () => {
  it('ranks by out-of-fold cost, the given order breaking ties', () => {
    const ranked = rankByOofCost([
      { name: 'logistic', oofNormalisedCost: 0.6 },
      { name: 'gbdt', oofNormalisedCost: 0.5 },
      { name: 'gbdt-weighted', oofNormalisedCost: 0.6 },
    ] as const);
    expect(ranked.map((c) => c.name)).toEqual(['gbdt', 'logistic', 'gbdt-weighted']);
  });

  it('names the declared features whose coefficient points the wrong way', () => {
    expect(
      monotoneViolations(parts, [
        { feature: 'debt_ratio', direction: 1 }, // riskier with more: coefficient 0.8, kept
        { feature: 'score', direction: -1 }, // safer with more: coefficient 0.4, broken
        { feature: 'flat', direction: 1 }, // constant, no value column: nothing to break
        { feature: 'absent', direction: 1 },
      ]),
    ).toEqual(['score']);
    expect(monotoneViolations(parts, [])).toEqual([]);
  });

  it('reports the ranking with the reason a candidate was passed over', () => {
    const report = selectionReport(
      [
        { name: 'logistic', oofNormalisedCost: 0.4 },
        { name: 'gbdt', oofNormalisedCost: 0.5 },
      ],
      new Map([['logistic', 'not served: …']]),
      'gbdt',
    );
    expect(report).toEqual({
      criterion: 'oof-normalised-cost',
      served: 'gbdt',
      ranking: [
        { name: 'logistic', oofNormalisedCost: 0.4, note: 'not served: …' },
        { name: 'gbdt', oofNormalisedCost: 0.5, note: null },
      ],
    });
  });
});

/** Linear risk that RISES with EXT_SOURCE_2, against its declared direction (more → safer). */
function linearAgainstTheDeclaredDirection(numRows: number): TrainingData {
  const names = ['AMT_CREDIT', 'EXT_SOURCE_2', 'FLAG_PHONE'];
  const random = new Rng(12);
  const values = new Float64Array(numRows * names.length);
  const labels = new Float64Array(numRows);
  for (let r = 0; r < numRows; r++) {
    const x = names.map(() => random.normal());
    const z = -2 + 1.5 * (x[1] as number) + 0.8 * (x[0] as number);
    labels[r] = random.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    x.forEach((v, c) => {
      values[c * numRows + r] = v;
    });
  }
  return {
    features: { values, numRows, numCols: names.length, layout: 'column-major' },
    labels,
    ids: Float64Array.from({ length: numRows }, (_, i) => 100000 + i),
    featureNames: names,
    themes: names.map(() => 'other'),
    excludedFeatures: [],
    gender: null,
    ageYears: null,
    source: { kind: 'feature-table', database: ':memory:', table: 'features' },
  };
}

describe('the pipeline serves the best candidate out-of-fold, keeping the declared directions', () => {
  const data = linearAgainstTheDeclaredDirection(2000);
  const options = { folds: 3, trials: 1, numRounds: 60, compare: false, seed: 5 } as const;

  it('serves logistic regression when it wins and nothing is declared against it', () => {
    const { draft, model } = trainOnData(data, { ...options, monotone: false });
    expect(draft.selection?.ranking[0]?.name).toBe('logistic');
    expect(draft.chosen).toBe('logistic');
    expect(model.kind).toBe('logistic');
    // The record's holdout figures are the served model's: its probabilities, calibrated.
    const served = draft.candidates.find((c) => c.name === 'logistic');
    expect(served?.params).toHaveProperty('iterations');
  });

  it('passes it over, and says why, when a coefficient goes against a declared direction', () => {
    const { draft, model } = trainOnData(data, options);
    const lr = draft.selection?.ranking.find((r) => r.name === 'logistic');
    expect(draft.selection?.ranking[0]?.name).toBe('logistic');
    expect(lr?.note).toMatch(/declared monotone direction of 1 feature \(EXT_SOURCE_2\)/);
    expect(draft.chosen).not.toBe('logistic');
    expect(draft.selection?.served).toBe(draft.chosen);
    expect(model.kind).toBe('trees');
  });
});
