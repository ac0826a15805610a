import { describe, expect, it } from 'vitest';
import { featureRangesOf, outOfRangeOf, rangedFeature } from './out-of-range.ts';
import { populationOf } from './population.ts';

/** 1,000 clients, the first 800 with a known outcome: AMT_CREDIT 1,000 … 800,000 among them. */
function population() {
  const n = 1000;
  const credit = new Float64Array(n);
  const phone = new Float64Array(n);
  const bureau = new Float64Array(n);
  const isTrain = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    isTrain[i] = i < 800 ? 1 : 0;
    // The test clients hold values far beyond: they are not what the model learnt from.
    credit[i] = i < 800 ? (i + 1) * 1000 : 50_000_000;
    phone[i] = i % 50 === 0 ? 1 : 0;
    bureau[i] = i % 3 === 0 ? Number.NaN : i;
  }
  return populationOf({
    ids: Float64Array.from({ length: n }, (_, i) => 100_000 + i),
    isTrain,
    target: Float64Array.from({ length: n }, (_, i) =>
      i < 800 ? (i % 10 === 0 ? 1 : 0) : Number.NaN,
    ),
    columns: new Map([
      ['AMT_CREDIT', credit],
      ['FLAG_PHONE', phone],
      ['BUREAU_CREDIT_COUNT', bureau],
    ]),
  });
}

const NAMES = ['AMT_CREDIT', 'FLAG_PHONE', 'BUREAU_CREDIT_COUNT', 'EXT_SOURCE_2'];

describe('values outside the situations the model knows', () => {
  it('checks the application features on a scale, not flags, categories or history', () => {
    expect(rangedFeature('AMT_CREDIT')).toBe(true);
    expect(rangedFeature('CREDIT_TO_INCOME')).toBe(true);
    expect(rangedFeature('EXT_SOURCE_2')).toBe(true);
    expect(rangedFeature('FLAG_PHONE')).toBe(false);
    expect(rangedFeature('NAME_INCOME_TYPE__WORKING')).toBe(false);
    expect(rangedFeature('NAME_EDUCATION_TYPE_LEVEL')).toBe(false);
    expect(rangedFeature('BUREAU_CREDIT_COUNT')).toBe(false);
  });

  it('takes the 1st and 99th percentiles among the train clients', () => {
    const ranges = featureRangesOf(population(), NAMES);
    expect([...ranges.keys()]).toEqual(['AMT_CREDIT']);
    // Linear between order statistics over 1,000 … 800,000 (numpy's default).
    expect(ranges.get('AMT_CREDIT')).toEqual({ p1: 8990, p99: 792_010 });
  });

  it('flags a value beyond, with the fields it comes from and a sentence', () => {
    const ranges = featureRangesOf(population(), NAMES);
    const row = Float64Array.from([2_000_000, 1, 4, 0.5]);
    const [flag, ...rest] = outOfRangeOf(ranges, NAMES, row);
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({
      feature: 'AMT_CREDIT',
      fields: ['AMT_CREDIT'],
      value: 2_000_000,
      p1: 8990,
      p99: 792_010,
    });
    expect(flag?.textFr).toBe(
      'Montant du crédit demandé : 2\u202f000\u202f000 € — hors des situations connues du modèle (de 8\u202f990 € à 792\u202f010 € pour 98 % des clients dont il a appris)',
    );
    expect(flag?.textEn).toMatch(
      /^.*: €2,000,000 — outside the situations the model knows \(€8,990 to €792,010 for 98% of the clients it learnt from\)$/,
    );
    // Within the range, missing, or not among the features to check: nothing.
    expect(outOfRangeOf(ranges, NAMES, Float64Array.from([8990, 1, 4, 0.5]))).toEqual([]);
    expect(outOfRangeOf(ranges, NAMES, Float64Array.from([Number.NaN, 1, 4, 0.5]))).toEqual([]);
    expect(outOfRangeOf(ranges, NAMES, row, (j) => j !== 0)).toEqual([]);
    expect(outOfRangeOf(ranges, NAMES, Float64Array.from([10, 0, 0, 0]))[0]?.value).toBe(10);
  });
});
