import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/index.ts';
import { ModelError } from '../errors.ts';
import { NOT_EXPLAINABLE_REASON } from './feature-policy.ts';
import { trainOnData } from './pipeline.ts';
import type { TrainingData } from './training-data.ts';

const NAMES = [
  'AMT_CREDIT',
  'EXT_SOURCE_2',
  'CREDIT_TERM_MONTHS',
  'CREDIT_OVER_GOODS',
  'COMMONAREA_MEDI',
  'FLAG_PHONE',
];

/**
 * Rows whose risk falls with EXT_SOURCE_2 and is U-shaped in AMT_CREDIT (small amounts risky as
 * well as large ones), so an unconstrained model learns a direction the declared one forbids.
 */
function rows(numRows: number, seed: number): TrainingData {
  const random = new Rng(seed);
  const p = NAMES.length;
  const values = new Float64Array(numRows * p);
  const labels = new Float64Array(numRows);
  for (let r = 0; r < numRows; r++) {
    const x = NAMES.map(() => random.next());
    const credit = x[0] as number;
    const z = -2.5 - 4 * ((x[1] as number) - 0.5) + 6 * (credit - 0.45) ** 2 * 4 - 1;
    labels[r] = random.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    x.forEach((v, c) => {
      values[c * numRows + r] = c === 5 ? (v < 0.4 ? 1 : 0) : v;
    });
  }
  return {
    features: { values, numRows, numCols: p, layout: 'column-major' },
    labels,
    ids: Float64Array.from({ length: numRows }, (_, i) => 100000 + i),
    featureNames: [...NAMES],
    themes: NAMES.map(() => 'other'),
    excludedFeatures: [],
    gender: null,
    ageYears: null,
    source: { kind: 'feature-table', database: ':memory:', table: 'features' },
  };
}

const options = { folds: 3, trials: 2, numRounds: 60, seed: 3 } as const;
const data = rows(3000, 8);

/** The model's raw probability along a grid of one feature, the other values of row r kept. */
function along(
  model: ReturnType<typeof trainOnData>['model'],
  feature: string,
  r: number,
): number[] {
  const row = Float64Array.from(
    model.featureNames,
    (name) => data.features.values[NAMES.indexOf(name) * data.features.numRows + r] as number,
  );
  const at = model.featureNames.indexOf(feature);
  return Array.from({ length: 41 }, (_, i) => {
    row[at] = i / 40;
    return model.predictRow(row);
  });
}

const rises = (ys: number[]) => ys.every((y, i) => i === 0 || y >= (ys[i - 1] as number));
const falls = (ys: number[]) => ys.every((y, i) => i === 0 || y <= (ys[i - 1] as number));

describe('training settings: monotone constraints and client-explainable features', () => {
  const served = trainOnData(data, options);

  it('imposes the declared directions by default and leaves out what would break them', () => {
    const { draft, model } = served;
    expect(draft.monotone.enabled).toBe(true);
    expect(draft.monotone.constraints).toEqual([
      { feature: 'AMT_CREDIT', direction: 1 },
      { feature: 'EXT_SOURCE_2', direction: -1 },
    ]);
    expect(draft.featureNames).not.toContain('CREDIT_OVER_GOODS');
    expect(draft.excludedFeatures.map((f) => f.name)).toEqual(['CREDIT_OVER_GOODS']);
    // Trees carry the constraints; a served logistic regression must respect them by its signs.
    if (model.kind === 'trees')
      expect(model.engine.params.monotoneConstraints).toEqual([1, -1, 0, 0, 0]);
    // The record lists the constraints once, not inside every candidate's parameters.
    for (const c of draft.candidates) expect(c.params).not.toHaveProperty('monotoneConstraints');
    for (let r = 0; r < 40; r++) {
      expect(rises(along(model, 'AMT_CREDIT', r))).toBe(true);
      expect(falls(along(model, 'EXT_SOURCE_2', r))).toBe(true);
    }
    // The card states the directions learned, imposed or not.
    const learned = Object.fromEntries(draft.monotone.learned.map((d) => [d.feature, d]));
    expect(learned.EXT_SOURCE_2).toMatchObject({ declared: -1, direction: 'safer' });
    expect(learned.CREDIT_TERM_MONTHS?.declared).toBe(0);
    expect(Object.keys(learned).sort()).toEqual([
      'AMT_CREDIT',
      'CREDIT_TERM_MONTHS',
      'EXT_SOURCE_2',
    ]);
  });

  it('compares the served model with the one differing in each setting, on the same folds', () => {
    const [monotone, explainable] = served.draft.comparisons;
    expect(monotone).toMatchObject({
      setting: 'monotone',
      served: { monotone: true, clientExplainableOnly: false, featureCount: 5 },
      alternative: { monotone: false, clientExplainableOnly: false, featureCount: 6 },
    });
    // COMMONAREA_MEDI and FLAG_PHONE are not client-explainable in the reason-code catalogue.
    expect(explainable).toMatchObject({
      setting: 'client-explainable-only',
      alternative: { monotone: true, clientExplainableOnly: true, featureCount: 3 },
    });
    const chosen = served.draft.candidates.find((c) => c.name === served.draft.chosen);
    expect(monotone?.served.holdoutRocAuc).toBe(chosen?.holdout.rocAuc);
    expect(monotone?.served.cvRocAuc).toBe(chosen?.cv.mean.rocAuc);
    for (const c of served.draft.comparisons) {
      expect(c.alternative.holdoutRocAuc).toBeGreaterThan(0.6);
      expect(c.alternative.cvNormalisedCost).toBeGreaterThan(0);
    }
  });

  it('trains without constraints on --no-monotone, and that model breaks the direction', () => {
    const { draft, model } = trainOnData(data, { ...options, monotone: false, compare: false });
    expect(draft.monotone).toMatchObject({ enabled: false, constraints: [] });
    expect(draft.featureNames).toEqual(NAMES);
    expect(draft.comparisons).toEqual([]);
    const curves = Array.from({ length: 40 }, (_, r) => along(model, 'AMT_CREDIT', r));
    expect(curves.some((ys) => !rises(ys))).toBe(true);
  });

  it('trains on the client-explainable features alone when asked', () => {
    const { draft } = trainOnData(data, {
      ...options,
      clientExplainableOnly: true,
      compare: false,
    });
    expect(draft.clientExplainableOnly).toBe(true);
    expect(draft.featureNames).toEqual(['AMT_CREDIT', 'EXT_SOURCE_2', 'CREDIT_TERM_MONTHS']);
    expect(draft.excludedFeatures).toEqual([
      { name: 'CREDIT_OVER_GOODS', reason: expect.stringMatching(/^monotone model/) },
      { name: 'COMMONAREA_MEDI', reason: NOT_EXPLAINABLE_REASON },
      { name: 'FLAG_PHONE', reason: NOT_EXPLAINABLE_REASON },
    ]);
  });

  it('refuses --client-explainable-only on data without an explainable feature', () => {
    const other = { ...data, featureNames: NAMES.map((_, i) => `x${i}`) };
    const train = () =>
      trainOnData(other, { ...options, clientExplainableOnly: true, compare: false });
    expect(train).toThrow(ModelError);
    expect(train).toThrow(
      'none of the 6 features is client-explainable (reason-code catalogue): drop --client-explainable-only',
    );
  });
});
