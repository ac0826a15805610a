import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedFile } from '../../../test/support/shared-dir.ts';
import { quoteLiteral } from '../db.ts';
import { DataError } from '../errors.ts';
import { APPLICATION_TEST_COLUMNS, DAYS_SENTINEL } from '../schema.ts';
import { APPLICATION_VALUE_SETS } from '../value-sets.ts';
import {
  APPLICATION_FIELDS,
  type ApplicationField,
  accepts,
  allowedOf,
  applicationField,
  checkApplicationField,
  type NumberField,
  refusalOf,
  shownValue,
} from './application-fields.ts';
import { applicationFieldsMarkdown, FIELDS_DOC_PATH } from './application-fields-markdown.ts';
import { dictionaryEntry } from './dictionary.ts';
import { withFixtureDb } from './test-fixtures.ts';

const numeric = APPLICATION_FIELDS.filter((f): f is NumberField => f.kind === 'number');
const field = (name: string) => applicationField(name) as ApplicationField;

/** What no field accepts: the probe's values of issue 12, and other non-numbers. */
const NEVER = [-1e308, 1e308, Infinity, -Infinity, Number.NaN, '0x10', '', '1000', 'Infinity'];

describe('the table of application fields', () => {
  it('has every column of application_test, in order, each with a range or a value set', () => {
    expect(APPLICATION_FIELDS.map((f) => f.name)).toEqual(
      APPLICATION_TEST_COLUMNS.map((c) => c.name),
    );
    for (const f of numeric) {
      expect(Number.isFinite(f.min) && Number.isFinite(f.max), f.name).toBe(true);
      expect(f.min, f.name).toBeLessThan(f.max);
      expect(f.max - f.min, f.name).toBeLessThan(1e10);
    }
    for (const f of APPLICATION_FIELDS) {
      if (f.kind === 'category') {
        expect(f.values, f.name).toEqual(APPLICATION_VALUE_SETS[f.name]?.map(([v]) => v));
      }
    }
  });

  it.each([
    // [field, integer, min, max]
    ['AMT_CREDIT', false, 0, 100_000_000],
    ['AMT_INCOME_TOTAL', false, 0, 1_000_000_000],
    ['AMT_ANNUITY', false, 0, 10_000_000],
    ['AMT_GOODS_PRICE', false, 0, 100_000_000],
    ['DAYS_BIRTH', true, -36_525, -6_575],
    ['DAYS_EMPLOYED', true, -36_525, 0],
    ['DAYS_REGISTRATION', true, -36_525, 0],
    ['DAYS_ID_PUBLISH', true, -36_525, 0],
    ['DAYS_LAST_PHONE_CHANGE', true, -36_525, 0],
    ['EXT_SOURCE_1', false, 0, 1],
    ['EXT_SOURCE_3', false, 0, 1],
    ['APARTMENTS_AVG', false, 0, 1],
    ['TOTALAREA_MODE', false, 0, 1],
    ['REGION_POPULATION_RELATIVE', false, 0, 1],
    ['FLAG_MOBIL', true, 0, 1],
    ['FLAG_DOCUMENT_21', true, 0, 1],
    ['REG_CITY_NOT_WORK_CITY', true, 0, 1],
    ['CNT_CHILDREN', true, 0, 20],
    ['CNT_FAM_MEMBERS', true, 1, 25],
    ['OBS_30_CNT_SOCIAL_CIRCLE', true, 0, 1000],
    ['AMT_REQ_CREDIT_BUREAU_YEAR', true, 0, 1000],
    ['REGION_RATING_CLIENT', true, 1, 3],
    ['HOUR_APPR_PROCESS_START', true, 0, 23],
    ['OWN_CAR_AGE', false, 0, 100],
    ['SK_ID_CURR', true, 1, 999_999_999],
  ] as const)('gives %s whole=%s, from %d to %d', (name, integer, min, max) => {
    expect(field(name)).toMatchObject({ kind: 'number', integer, min, max });
  });

  it('takes the bounds of the fields without their own from the dictionary unit', () => {
    for (const f of numeric) {
      const unit = dictionaryEntry(f.name)?.unit;
      if (unit === 'flag') expect([f.integer, f.min, f.max], f.name).toEqual([true, 0, 1]);
      if (unit === 'score') expect([f.min, f.max], f.name).toEqual([0, 1]);
      if (unit === 'days') expect([f.integer, f.min], f.name).toEqual([true, -36_525]);
      if (unit === 'count') expect([f.integer, f.min >= 0], f.name).toEqual([true, true]);
      if (unit === 'currency') expect(f.min, f.name).toBe(0);
    }
  });

  it('accepts every field at its bounds, null, and the sentinel of DAYS_EMPLOYED', () => {
    for (const f of numeric) {
      for (const value of [f.min, f.max, null]) expect(accepts(f, value), f.name).toBe(true);
    }
    expect(accepts(field('DAYS_EMPLOYED'), DAYS_SENTINEL)).toBe(true);
    expect(accepts(field('DAYS_BIRTH'), DAYS_SENTINEL)).toBe(false);
    for (const f of APPLICATION_FIELDS) {
      if (f.kind === 'category') for (const v of f.values) expect(accepts(f, v), f.name).toBe(true);
    }
  });

  it('refuses just outside the bounds, fractions of whole fields, texts in numbers, and worse', () => {
    for (const f of numeric) {
      const step = f.integer ? 1 : 1e-6 * Math.max(1, f.max - f.min);
      for (const value of [f.min - step, f.max + step, ...NEVER, true, {}, [1]]) {
        expect(refusalOf(f, value), `${f.name} ${String(value)}`).toBe(
          `must be ${allowedOf(f)}; got ${shownValue(value)}`,
        );
      }
      if (f.integer) expect(accepts(f, f.min + 0.5), f.name).toBe(false);
    }
    for (const f of APPLICATION_FIELDS) {
      if (f.kind !== 'category') continue;
      for (const value of [...NEVER, 'cash loans', ` ${f.values[0]}`, 1]) {
        expect(accepts(f, value), `${f.name} ${String(value)}`).toBe(false);
      }
    }
  });

  it('words the range and the value as the caller wrote it (1e309 is not "null")', () => {
    expect(refusalOf(field('AMT_CREDIT'), -1e308)).toBe(
      'must be a number between 0 and 100,000,000; got -1e308',
    );
    expect(refusalOf(field('AMT_CREDIT'), Number.POSITIVE_INFINITY)).toBe(
      'must be a number between 0 and 100,000,000; got Infinity (a number beyond ±1.8e308)',
    );
    expect(refusalOf(field('CNT_CHILDREN'), '0x10')).toBe(
      'must be a whole number between 0 and 20; got "0x10" (a text)',
    );
    expect(refusalOf(field('FLAG_EMAIL'), '')).toBe('must be 0 or 1; got "" (a text)');
    expect(refusalOf(field('DAYS_EMPLOYED'), 1)).toBe(
      'must be a whole number between -36,525 and 0, or 365243 (no employment); got 1',
    );
    expect(refusalOf(field('NAME_CONTRACT_TYPE'), 'Loan')).toBe(
      'must be one of "Cash loans", "Revolving loans"; got "Loan" (a text)',
    );
    expect(refusalOf(field('EXT_SOURCE_2'), 0.5)).toBeNull();
  });

  it.each([
    ['AMT_CREDIT', -1e308, 'OUT_OF_RANGE', /AMT_CREDIT out of range: must be a number between 0/],
    ['AMT_CREDIT', Infinity, 'OUT_OF_RANGE', /got Infinity \(a number beyond/],
    ['AMT_CREDIT', '0x10', 'BAD_FIELD', /AMT_CREDIT: expected a number between 0 and 100,000,000/],
    ['CNT_CHILDREN', 2.5, 'OUT_OF_RANGE', /a whole number between 0 and 20; got 2.5/],
    ['NAME_CONTRACT_TYPE', 'Loan', 'UNKNOWN_CATEGORY', /unknown category "Loan"/],
    ['NAME_CONTRACT_TYPE', 3, 'BAD_FIELD', /expected one of "Cash loans"/],
    ['DAYS_EMPLOYED_ANOM', 1, 'DERIVED_FIELD', /pass DAYS_EMPLOYED/],
    ['TARGET', 1, 'UNKNOWN_FIELD', /unknown application field TARGET/],
  ] as const)('throws a DataError naming %s for %s (%s)', (name, value, code, message) => {
    const error = (() => {
      try {
        checkApplicationField(name, value);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ code, where: { column: name } });
    expect((error as DataError).message).toMatch(message);
  });
});

describe('docs/application-fields.md', () => {
  it('is the table as generated (node --import tsx src/data/features/application-fields-markdown.ts --write)', () => {
    expect(readFileSync(FIELDS_DOC_PATH, 'utf8')).toBe(applicationFieldsMarkdown());
  });
});

const SAMPLE = sharedFile('data/home-credit/application_test_sample.csv');

describe.skipIf(SAMPLE.missing !== null)('the ranges against the real sample', () => {
  it('accept every value of the 5,000 real applications', async () => {
    const refused = new Map<string, string>();
    await withFixtureDb({}, async (db) => {
      const rows = await db.all<Record<string, string | null>>(
        `SELECT * FROM read_csv(${quoteLiteral(SAMPLE.path)}, header = true, all_varchar = true)`,
      );
      expect(rows.length).toBe(5000);
      for (const row of rows) {
        for (const f of APPLICATION_FIELDS) {
          const text = row[f.name] ?? null;
          const value = text === null || text === '' ? null : f.kind === 'category' ? text : +text;
          if (!accepts(f, value) && !refused.has(f.name)) refused.set(f.name, String(text));
        }
      }
    });
    expect(Object.fromEntries(refused)).toEqual({});
  });
});
