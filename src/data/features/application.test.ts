import { describe, expect, it } from 'vitest';
import { buildFeaturesIn } from './build.ts';
import { withFixtureDb } from './test-fixtures.ts';

describe('application features', () => {
  it('computes ratios, time, external score summaries and encodings by hand', async () => {
    const rows = {
      application_train: [
        {
          SK_ID_CURR: 1,
          TARGET: 1,
          AMT_INCOME_TOTAL: 100000,
          AMT_CREDIT: 300000,
          AMT_ANNUITY: 15000,
          AMT_GOODS_PRICE: 270000,
          CNT_FAM_MEMBERS: 2,
          CNT_CHILDREN: 1,
          DAYS_BIRTH: -10957.5, // 30 years
          DAYS_EMPLOYED: -1461, // 4 years
          EXT_SOURCE_1: 0.2,
          EXT_SOURCE_3: 0.6,
          FLAG_DOCUMENT_3: 1,
          FLAG_DOCUMENT_8: 1,
          NAME_INCOME_TYPE: 'Working',
          NAME_EDUCATION_TYPE: 'Higher education',
          NAME_TYPE_SUITE: 'Spouse, partner',
          ORGANIZATION_TYPE: 'XNA',
        },
      ],
      application_test: [
        {
          SK_ID_CURR: 2,
          AMT_INCOME_TOTAL: 0, // zero denominator
          AMT_CREDIT: 100000,
          AMT_ANNUITY: null, // missing denominator
          CNT_FAM_MEMBERS: 0,
          DAYS_EMPLOYED: 365243, // sentinel: pensioner
          NAME_INCOME_TYPE: 'Astronaut', // unknown category
          NAME_EDUCATION_TYPE: null,
        },
      ],
    };
    await withFixtureDb(rows, async (db) => {
      await buildFeaturesIn(db);
      const [one, two] = await db.all('SELECT * FROM features ORDER BY SK_ID_CURR');
      if (!one || !two) throw new Error('two rows expected');
      expect(one.split).toBe('train');
      expect(one.TARGET).toBe(1);
      expect(two.split).toBe('test');
      expect(two.TARGET).toBeNull();

      expect(one.CREDIT_TO_INCOME).toBe(3);
      expect(one.ANNUITY_TO_INCOME).toBe(0.15);
      expect(one.CREDIT_TERM_MONTHS).toBe(20);
      expect(one.GOODS_TO_CREDIT).toBe(0.9);
      expect(one.INCOME_PER_FAMILY_MEMBER).toBe(50000);
      expect(one.AGE_YEARS).toBe(30);
      expect(one.EMPLOYED_YEARS).toBe(4);
      expect(one.EMPLOYED_TO_AGE).toBeCloseTo(1461 / 10957.5, 12);
      expect(one.EXT_SOURCE_MEAN).toBeCloseTo(0.4, 12);
      expect(one.EXT_SOURCE_MIN).toBe(0.2);
      expect(one.EXT_SOURCE_MAX).toBe(0.6);
      expect(one.EXT_SOURCE_STD).toBeCloseTo(0.2, 12);
      expect(one.EXT_SOURCE_PRODUCT).toBeNull(); // EXT_SOURCE_2 missing
      expect(one.EXT_SOURCE_MISSING_COUNT).toBe(1);
      expect(one.DOCUMENTS_COUNT).toBe(2);
      expect(one.DAYS_EMPLOYED_ANOM).toBe(0);
      expect(one.NAME_INCOME_TYPE__WORKING).toBe(1);
      expect(one.NAME_INCOME_TYPE__PENSIONER).toBe(0);
      expect(one.NAME_TYPE_SUITE__SPOUSE_PARTNER).toBe(1);
      expect(one.EDUCATION_LEVEL).toBe(3);
      expect(one.ORGANIZATION_TYPE_RANK).toBe(1);

      // Zero or missing denominators give missing, never Infinity.
      expect(two.CREDIT_TO_INCOME).toBeNull();
      expect(two.CREDIT_TERM_MONTHS).toBeNull();
      expect(two.INCOME_PER_FAMILY_MEMBER).toBeNull();
      // The sentinel is missing, with the anomaly flag set.
      expect(two.DAYS_EMPLOYED).toBeNull();
      expect(two.EMPLOYED_YEARS).toBeNull();
      expect(two.DAYS_EMPLOYED_ANOM).toBe(1);
      // Unknown and missing categories: zeros in every one-hot column, missing ordinal.
      const incomeColumns = Object.keys(two).filter((k) => k.startsWith('NAME_INCOME_TYPE__'));
      expect(incomeColumns.length).toBeGreaterThan(1);
      for (const c of incomeColumns) expect(two[c]).toBe(0);
      expect(two.EDUCATION_LEVEL).toBeNull();
      expect(two.EXT_SOURCE_MEAN).toBeNull();
      expect(two.EXT_SOURCE_MISSING_COUNT).toBe(3);

      // Nothing is ever infinite or NaN.
      for (const row of [one, two]) {
        for (const [k, v] of Object.entries(row)) {
          if (typeof v === 'number') expect(Number.isFinite(v), k).toBe(true);
        }
      }
    });
  });
});
