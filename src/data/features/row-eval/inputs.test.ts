import { describe, expect, it } from 'vitest';
import { APPLICATION_TEST_COLUMNS } from '../../schema.ts';
import { FEATURE_DICTIONARY } from '../dictionary.ts';
import { applicationFeatureInputs } from './inputs.ts';

describe('applicationFeatureInputs', () => {
  const inputs = applicationFeatureInputs();

  it('gives every application feature of the dictionary the application fields it reads', () => {
    const fields = new Set(APPLICATION_TEST_COLUMNS.map((c) => c.name));
    for (const e of FEATURE_DICTIONARY.filter((f) => f.source_table === 'application')) {
      const read = inputs.get(e.name);
      expect(read?.length, e.name).toBeGreaterThan(0);
      for (const f of read ?? []) expect(fields.has(f), `${e.name} reads ${f}`).toBe(true);
    }
    expect(inputs.has('SK_ID_CURR')).toBe(false);
  });

  it('follows derived features, encodings and the cleaning back to the fields', () => {
    expect(inputs.get('AMT_CREDIT')).toEqual(['AMT_CREDIT']);
    expect(inputs.get('ANNUITY_TO_INCOME')).toEqual(['AMT_INCOME_TOTAL', 'AMT_ANNUITY']);
    expect(inputs.get('EMPLOYED_YEARS')).toEqual(['DAYS_EMPLOYED']);
    expect(inputs.get('DAYS_EMPLOYED_ANOM')).toEqual(['DAYS_EMPLOYED']);
    expect(inputs.get('NAME_INCOME_TYPE__WORKING')).toEqual(['NAME_INCOME_TYPE']);
    expect(inputs.get('EXT_SOURCE_MEAN')).toEqual(['EXT_SOURCE_1', 'EXT_SOURCE_2', 'EXT_SOURCE_3']);
    expect(inputs.get('CAR_AGE_TO_AGE')).toEqual(['DAYS_BIRTH', 'OWN_CAR_AGE']);
  });
});
