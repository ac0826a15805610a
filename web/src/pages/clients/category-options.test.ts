import { describe, expect, it } from 'vitest';
import { APPLICATION_VALUE_SETS } from '../../../../src/data/value-sets.ts';
import { categoryLabel } from '../../../../src/explain/category-labels.ts';
import { CONTRACT_TYPE_LABELS, GENDER_LABELS, INCOME_TYPE_LABELS } from './category-options.ts';

const cases = [
  ['NAME_CONTRACT_TYPE', CONTRACT_TYPE_LABELS],
  ['CODE_GENDER', GENDER_LABELS],
  ['NAME_INCOME_TYPE', INCOME_TYPE_LABELS],
] as const;

describe('search filter options', () => {
  it.each(cases)(
    'offers exactly the values of %s the API accepts, worded as the API words them',
    (column, labels) => {
      const values = (APPLICATION_VALUE_SETS[column] ?? []).map(([v]) => v);
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const value of values) expect(labels[value]).toEqual(categoryLabel(column, value));
    },
  );
});
