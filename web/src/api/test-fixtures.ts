/**
 * GET /api/categories as the API answers it, for tests: built from the API's own value sets
 * (src/data/value-sets.ts) and wording (src/explain/category-labels.ts), as its route builds it.
 */
import { APPLICATION_VALUE_SETS } from '../../../src/data/value-sets.ts';
import { categoryLabel } from '../../../src/explain/category-labels.ts';
import type { Categories } from './types.ts';

export const CATEGORIES: Categories = {
  columns: Object.entries(APPLICATION_VALUE_SETS).map(([name, values]) => ({
    name,
    values: values.map(([value]) => ({ value, ...categoryLabel(name, value) })),
  })),
};
