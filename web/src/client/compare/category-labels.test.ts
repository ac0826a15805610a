import { describe, expect, it } from 'vitest';
import { APPLICATION_VALUE_SETS } from '../../../../src/data/value-sets.ts';
import { categoryLabel } from '../../../../src/explain/category-labels.ts';
import { CATEGORY_LABELS } from './category-labels.ts';

describe('the dashboard’s category wording', () => {
  it.each(Object.keys(CATEGORY_LABELS))(
    'offers every value of %s the API accepts, worded as the API words them',
    (column) => {
      const labels = CATEGORY_LABELS[column] ?? {};
      const values = (APPLICATION_VALUE_SETS[column] ?? []).map(([v]) => v);
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const value of values) {
        const [fr, en] = labels[value] ?? [];
        expect({ fr, en }).toEqual(categoryLabel(column, value));
      }
    },
  );
});
