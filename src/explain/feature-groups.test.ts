import { describe, expect, it } from 'vitest';
import { ONE_HOT_COLUMNS } from '../data/features/encodings.ts';
import { categoryOf, featureGroups } from './feature-groups.ts';

describe('featureGroups', () => {
  it('makes one unit per categorical from its one-hot columns, and one per plain feature', () => {
    const names = [
      'AMT_CREDIT',
      'NAME_INCOME_TYPE__WORKING',
      'EXT_SOURCE_2',
      'NAME_INCOME_TYPE__PENSIONER',
      'CODE_GENDER__F',
    ];
    const groups = featureGroups(names);
    expect(groups.map((g) => g.key)).toEqual([
      'AMT_CREDIT',
      'NAME_INCOME_TYPE',
      'EXT_SOURCE_2',
      'CODE_GENDER',
    ]);
    const income = groups[1];
    expect(Array.from(income?.members ?? [])).toEqual([1, 3]);
    expect(income?.categories).toEqual(['Working', 'Pensioner']);
    expect(income?.labelFr).toBe('Type de revenu');
    expect(income?.labelEn).toBe('Income type');
    expect(income?.unit).toBe('category');
    expect(groups[3]?.sensitive).toBe(true);
    expect(groups[0]?.actionable).toBe(true);
    // Each unit is labelled by its reason code; a categorical by its columns' one.
    expect(groups.map((g) => g.code)).toEqual([
      'R-LOAN-AMOUNT',
      'R-EMP-INCOME-TYPE',
      'R-EXT-SCORE',
      'R-PERS-GENDER',
    ]);
    expect(featureGroups(['MY_OWN_COLUMN'])[0]?.code).toBe('R-OTHER');
    expect(categoryOf(income as never, [0, 0, 0.5, 1, 1])).toBe('Pensioner');
    expect(categoryOf(income as never, [0, 0, 0.5, 0, 1])).toBeNull();
  });

  it('covers every one-hot column of the encodings', () => {
    const groups = featureGroups(ONE_HOT_COLUMNS.map((c) => c.name));
    const columns = new Set(ONE_HOT_COLUMNS.map((c) => c.column));
    expect(groups.map((g) => g.key).sort()).toEqual([...columns].sort());
    for (const g of groups) expect(g.labelFr).not.toContain('«');
  });
});
