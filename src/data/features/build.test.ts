import { describe, expect, it } from 'vitest';
import { buildFeaturesIn } from './build.ts';
import { FEATURE_DICTIONARY, THEMES, UNITS } from './dictionary.ts';
import { insertRaw, withFixtureDb } from './test-fixtures.ts';

const ROWS = {
  application_train: [{ SK_ID_CURR: 1, TARGET: 1, AMT_CREDIT: 1000, AMT_INCOME_TOTAL: 500 }],
  application_test: [{ SK_ID_CURR: 2, AMT_CREDIT: 2000 }],
};

describe('the feature table', () => {
  it('has at least 300 DOUBLE features, no ids or TARGET among them, each in the dictionary once', async () => {
    await withFixtureDb(ROWS, async (db) => {
      const summary = await buildFeaturesIn(db);
      const columns = await db.all<{ column_name: string; column_type: string }>(
        'DESCRIBE features',
      );
      expect(columns.slice(0, 3).map((c) => c.column_name)).toEqual([
        'SK_ID_CURR',
        'split',
        'TARGET',
      ]);
      const features = columns.slice(3);
      expect(features.length).toBe(summary.featureCount);
      expect(features.length).toBeGreaterThanOrEqual(300);
      for (const c of features) expect(c.column_type, c.column_name).toBe('DOUBLE');
      const names = features.map((c) => c.column_name);
      for (const banned of ['SK_ID_CURR', 'SK_ID_PREV', 'SK_ID_BUREAU', 'TARGET', 'split']) {
        expect(names).not.toContain(banned);
      }

      const dictionary = FEATURE_DICTIONARY.map((e) => e.name);
      expect(new Set(dictionary).size).toBe(dictionary.length);
      expect([...dictionary].sort()).toEqual([...names].sort());

      const stored = await db.all<{ name: string }>('SELECT name FROM feature_dictionary');
      expect(stored.map((r) => r.name).sort()).toEqual([...names].sort());
    });
  });

  it('replaces the previous tables on a successful rebuild', async () => {
    await withFixtureDb(ROWS, async (db) => {
      await buildFeaturesIn(db);
      await insertRaw(db, 'application_test', [{ SK_ID_CURR: 3, AMT_CREDIT: 10 }]);
      const summary = await buildFeaturesIn(db);
      expect(summary.rows).toEqual({ train: 1, test: 2 });
      const rows = await db.all<{ n: number }>('SELECT count(*) AS n FROM features');
      expect(rows[0]?.n).toBe(3);
    });
  });

  it('keeps the previous tables when a rebuild fails', async () => {
    await withFixtureDb(ROWS, async (db) => {
      await buildFeaturesIn(db);
      await db.run('DROP TABLE credit_card_balance');
      await expect(buildFeaturesIn(db)).rejects.toThrow(/credit_card_balance/);
      const rows = await db.all<{ n: number }>('SELECT count(*) AS n FROM features');
      expect(rows[0]?.n).toBe(2);
      const leftovers = await db.all(
        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%\\_\\_new' ESCAPE '\\'",
      );
      expect(leftovers).toEqual([]);
    });
  });
});

describe('the feature dictionary', () => {
  it('gives every feature labels in both languages, a known theme and unit', () => {
    for (const e of FEATURE_DICTIONARY) {
      expect(e.label_fr.length, e.name).toBeGreaterThan(3);
      expect(e.label_en.length, e.name).toBeGreaterThan(3);
      expect(e.description.length, e.name).toBeGreaterThan(3);
      expect(THEMES as readonly string[]).toContain(e.theme);
      expect(UNITS as readonly string[]).toContain(e.unit);
      expect(e.actionable && e.immutable, e.name).toBe(false);
    }
  });

  it('flags the loan terms as actionable and age and gender as immutable and sensitive', () => {
    const entry = (name: string) => FEATURE_DICTIONARY.find((e) => e.name === name);
    for (const name of ['AMT_CREDIT', 'AMT_ANNUITY', 'AMT_GOODS_PRICE', 'CREDIT_TERM_MONTHS']) {
      expect(entry(name)?.actionable, name).toBe(true);
    }
    for (const name of ['DAYS_BIRTH', 'AGE_YEARS', 'CODE_GENDER__M', 'CODE_GENDER__F']) {
      expect(entry(name)?.immutable, name).toBe(true);
      expect(entry(name)?.sensitive, name).toBe(true);
    }
    expect(entry('NAME_FAMILY_STATUS__MARRIED')?.sensitive).toBe(true);
    expect(entry('EXT_SOURCE_2')?.actionable).toBe(false);
  });
});
