import { describe, expect, it } from 'vitest';
import type { LogisticParts } from '../scoring-model/index.ts';
import { monotoneViolations, rankByOofCost, selectionReport } from './served-choice.ts';

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
