import { describe, expect, it } from 'vitest';
import type { FileValue } from '../../api/types.ts';
import { isMissing, oneRowPerFact } from './facts.ts';

const num = (name: string, value: number | null, unit: FileValue['unit'] = 'count'): FileValue => ({
  name,
  label_fr: name,
  label_en: name,
  unit,
  value,
});
const cat = (name: string, category: string | null): FileValue => ({
  ...num(name, null),
  unit: null,
  category,
});

describe('oneRowPerFact', () => {
  it('shows a fact once, preferring the readable column, in the place of the first one', () => {
    const rows = oneRowPerFact([
      num('CNT_CHILDREN', 0),
      num('DAYS_BIRTH', -18000, 'elapsed'),
      cat('NAME_EDUCATION_TYPE', 'Higher education'),
      num('EDUCATION_LEVEL', 3, 'level'),
      num('AGE_YEARS', 49.3, 'years'),
    ]);
    expect(rows.map((r) => r.name)).toEqual(['CNT_CHILDREN', 'AGE_YEARS', 'NAME_EDUCATION_TYPE']);
    expect(rows[1]?.merged).toEqual(['DAYS_BIRTH']);
    expect(rows[2]?.merged).toEqual(['EDUCATION_LEVEL']);
  });

  it('falls back to a filled duplicate, and keeps the preferred one when all are missing', () => {
    const rows = oneRowPerFact([
      num('DAYS_EMPLOYED', -400, 'elapsed'),
      num('EMPLOYED_YEARS', null, 'years'),
      num('APARTMENTS_AVG', null, 'score'),
      num('APARTMENTS_MODE', null, 'score'),
      num('APARTMENTS_MEDI', null, 'score'),
    ]);
    expect(rows.map((r) => r.name)).toEqual(['DAYS_EMPLOYED', 'APARTMENTS_AVG']);
    expect(rows[1]?.merged).toEqual(['APARTMENTS_MEDI', 'APARTMENTS_MODE']);
  });

  it('leaves a field without duplicates as it is', () => {
    expect(oneRowPerFact([num('AMT_CREDIT', 1000, 'currency')])).toEqual([
      { ...num('AMT_CREDIT', 1000, 'currency'), merged: [] },
    ]);
  });
});

describe('isMissing', () => {
  it('tells a missing number or category from a value, zero and "N" included', () => {
    expect(isMissing(num('X', null))).toBe(true);
    expect(isMissing(num('X', 0))).toBe(false);
    expect(isMissing(cat('X', null))).toBe(true);
    expect(isMissing(cat('X', 'N'))).toBe(false);
  });
});
