import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFile } from '../../../test/support/shared-dir.ts';
import { type Db, quoteLiteral } from '../db.ts';
import { DataError } from '../errors.ts';
import { APPLICATION_TEST_COLUMNS } from '../schema.ts';
import { buildFeaturesIn } from './build.ts';
import {
  type FixtureRow,
  type FixtureRows,
  openFixtureDb,
  withFixtureDb,
} from './test-fixtures.ts';
import { featuresForApplication, featuresInMemory } from './what-if.ts';

/** Real rows, read from ../shared in place; without it the file's tests are skipped. */
const SAMPLE = sharedFile('data/home-credit/application_test_sample.csv');
const describeWithSample = describe.skipIf(SAMPLE.missing !== null);

/** One database for the whole file: half the real rows as train, half as test, some history. */
let db: Db | undefined;
function fixtureDb(): Db {
  if (!db) throw new Error('fixture database not open');
  return db;
}

/** Real raw application rows (as read from the CSV, sentinels included). */
let real: FixtureRow[] = [];

beforeAll(async () => {
  if (SAMPLE.missing) return;
  await withFixtureDb({}, async (db) => {
    const text = await db.all<Record<string, string | null>>(
      `SELECT * FROM read_csv(${quoteLiteral(SAMPLE.path)}, header = true, all_varchar = true)
       ORDER BY CAST(SK_ID_CURR AS BIGINT) LIMIT 16`,
    );
    // As a form or the CSV gives them: numbers as numbers, categories as strings, empty → null.
    real = text.map((row) =>
      Object.fromEntries(
        APPLICATION_TEST_COLUMNS.map(({ name, kind }) => {
          const v = row[name] ?? null;
          return [name, v === null || v === '' ? null : kind === 'cat' ? v : Number(v)];
        }),
      ),
    );
  });
  // The sample must hold a pensioner (DAYS_EMPLOYED sentinel) for the test to cover the flag.
  expect(real.some((r) => r.DAYS_EMPLOYED === 365243)).toBe(true);
  const opened = await openFixtureDb(fixture());
  db = opened;
  await buildFeaturesIn(opened);
});

afterAll(() => db?.close());

/** Half the real rows as train (with a TARGET), half as test, and history for a few of them. */
function fixture(): FixtureRows {
  const ids = real.map((r) => Number(r.SK_ID_CURR));
  const [a = 0, b = 0, c = 0] = [ids[0], ids[5], ids[12]];
  return {
    application_train: real.slice(0, 8).map((r, i) => ({ ...r, TARGET: i % 3 === 0 ? 1 : 0 })),
    application_test: real.slice(8),
    bureau: [
      {
        SK_ID_CURR: a,
        SK_ID_BUREAU: 1,
        CREDIT_ACTIVE: 'Active',
        DAYS_CREDIT: -100,
        AMT_CREDIT_SUM: 5000,
        AMT_CREDIT_SUM_DEBT: 2500,
      },
      {
        SK_ID_CURR: c,
        SK_ID_BUREAU: 2,
        CREDIT_ACTIVE: 'Closed',
        DAYS_CREDIT: -900,
        AMT_CREDIT_SUM: 800,
      },
    ],
    bureau_balance: [{ SK_ID_BUREAU: 1, MONTHS_BALANCE: -1, STATUS: '2' }],
    previous_application: [
      {
        SK_ID_PREV: 7,
        SK_ID_CURR: b,
        NAME_CONTRACT_STATUS: 'Refused',
        AMT_APPLICATION: 300,
        AMT_CREDIT: 250,
        DAYS_DECISION: -20,
      },
    ],
    installments_payments: [
      {
        SK_ID_PREV: 7,
        SK_ID_CURR: c,
        NUM_INSTALMENT_NUMBER: 1,
        DAYS_INSTALMENT: -30,
        DAYS_ENTRY_PAYMENT: -25,
        AMT_INSTALMENT: 100,
        AMT_PAYMENT: 90,
      },
    ],
    POS_CASH_balance: [
      {
        SK_ID_PREV: 7,
        SK_ID_CURR: a,
        MONTHS_BALANCE: -3,
        CNT_INSTALMENT: 10,
        CNT_INSTALMENT_FUTURE: 7,
        NAME_CONTRACT_STATUS: 'Active',
        SK_DPD: 2,
        SK_DPD_DEF: 0,
      },
    ],
    credit_card_balance: [
      {
        SK_ID_PREV: 8,
        SK_ID_CURR: b,
        MONTHS_BALANCE: -1,
        AMT_BALANCE: 300,
        AMT_CREDIT_LIMIT_ACTUAL: 900,
        SK_DPD: 0,
        SK_DPD_DEF: 0,
      },
    ],
  };
}

async function batchRow(id: number): Promise<{ names: string[]; values: (number | null)[] }> {
  const rows = await fixtureDb().all(
    'SELECT * EXCLUDE (SK_ID_CURR, split, TARGET) FROM features WHERE SK_ID_CURR = $1',
    [id],
  );
  const row = rows[0];
  if (!row) throw new Error(`no feature row for ${id}`);
  return {
    names: Object.keys(row),
    values: Object.values(row).map((v) => (v === null ? null : Number(v))),
  };
}

describeWithSample('featuresForApplication', () => {
  it('equals the batch row of existing train and test clients exactly', async () => {
    const db = fixtureDb();
    // Every row: train and test, with and without history, a pensioner among them.
    for (const raw of real) {
      const whatIf = await featuresForApplication(db, raw);
      const batch = await batchRow(Number(raw.SK_ID_CURR));
      expect(whatIf.names).toEqual(batch.names);
      expect(whatIf.values).toEqual(batch.values);
    }
    const withHistory = await featuresForApplication(db, real[0] as FixtureRow);
    const bureauIndex = withHistory.names.indexOf('BUREAU_TOTAL_DEBT_RATIO');
    expect(withHistory.values[bureauIndex]).toBe(0.5);
  });

  it('takes the history from storedHistory when given, with the same result', async () => {
    const db = fixtureDb();
    for (const raw of real) {
      const batch = await batchRow(Number(raw.SK_ID_CURR));
      const stored = (name: string) => batch.values[batch.names.indexOf(name)] ?? null;
      const asked: string[] = [];
      const whatIf = await featuresForApplication(db, raw, {
        storedHistory: (name) => {
          asked.push(name);
          return stored(name);
        },
      });
      expect(whatIf.values).toEqual(batch.values);
      // Only history features are taken from the caller; the application part is recomputed.
      expect(asked).toContain('BUREAU_COUNT');
      expect(asked).not.toContain('AMT_CREDIT');
    }
  });

  it('in memory (row evaluator, no DuckDB) gives the batch row exactly, history from the caller', async () => {
    for (const raw of real) {
      const batch = await batchRow(Number(raw.SK_ID_CURR));
      const asked: string[] = [];
      const values = featuresInMemory(raw, batch.names, (name, j) => {
        asked.push(name);
        expect(batch.names[j]).toBe(name);
        return batch.values[j];
      });
      expect(values).toEqual(batch.values);
      expect(asked).toContain('BUREAU_COUNT');
      expect(asked).not.toContain('AMT_CREDIT');
      expect(asked).not.toContain('CREDIT_TO_INCOME');
    }
    // Edited: equal to the DuckDB path over every feature. Were a feature of the table neither an
    // application nor a history-group one, DuckDB would refuse it and the stale value would show.
    for (const raw of real) {
      const edited = { ...raw, AMT_CREDIT: 123456, EXT_SOURCE_3: null, DAYS_EMPLOYED: 365243 };
      const batch = await batchRow(Number(raw.SK_ID_CURR));
      const reference = await featuresForApplication(fixtureDb(), edited);
      expect(featuresInMemory(edited, batch.names, (_n, j) => batch.values[j])).toEqual(
        reference.values,
      );
    }
    const raw = real[0] as FixtureRow;
    const names = ['CREDIT_TO_INCOME', 'BUREAU_COUNT'];
    const fresh = featuresInMemory({ ...raw, AMT_CREDIT: 123456 }, names, () => null);
    expect(fresh).toEqual([123456 / Number(raw.AMT_INCOME_TOTAL), null]);
    expect(() => featuresInMemory(raw, ['NOT_A_FEATURE'], () => undefined)).toThrow(
      /no value for feature NOT_A_FEATURE/,
    );
    expect(() => featuresInMemory({ ...raw, AMT_CREDIT: 'a lot' }, names, () => null)).toThrow(
      DataError,
    );
  });

  it('follows an edit of AMT_CREDIT through the credit ratios, and has no history for a new id', async () => {
    const db = fixtureDb();
    const raw = real[0] as FixtureRow;
    const income = Number(raw.AMT_INCOME_TOTAL);
    const annuity = Number(raw.AMT_ANNUITY);
    const edited = await featuresForApplication(db, { ...raw, AMT_CREDIT: 123456 });
    const value = (name: string) => edited.values[edited.names.indexOf(name)];
    expect(value('AMT_CREDIT')).toBe(123456);
    expect(value('CREDIT_TO_INCOME')).toBeCloseTo(123456 / income, 10);
    expect(value('CREDIT_TERM_MONTHS')).toBeCloseTo(123456 / annuity, 10);
    expect(value('BUREAU_COUNT')).toBe(1); // history still the client's

    const fresh = await featuresForApplication(db, { ...raw, SK_ID_CURR: 999999999 });
    const freshValue = (name: string) => fresh.values[fresh.names.indexOf(name)];
    expect(freshValue('BUREAU_COUNT')).toBeNull();
    expect(freshValue('POS_LOANS_COUNT')).toBeNull();
    expect(freshValue('CREDIT_TO_INCOME')).toBe(
      value('CREDIT_TO_INCOME') === null ? null : Number(raw.AMT_CREDIT) / income,
    );
  });

  it('rejects unknown fields, text in numbers and unknown categories, naming the field', async () => {
    const db = fixtureDb();
    const raw = real[0] as FixtureRow;
    const cases: [FixtureRow, RegExp][] = [
      [{ ...raw, AMT_CREDITT: 1 }, /AMT_CREDITT/],
      [{ ...raw, AMT_CREDIT: 'a lot' }, /AMT_CREDIT.*number/],
      [{ ...raw, NAME_EDUCATION_TYPE: 'Hogwarts' }, /NAME_EDUCATION_TYPE.*Hogwarts/],
      [{ ...raw, CODE_GENDER: 3 }, /CODE_GENDER/],
      [{ ...raw, DAYS_EMPLOYED_ANOM: 1 }, /DAYS_EMPLOYED_ANOM/],
      [{ ...raw, SK_ID_CURR: 1.5 }, /SK_ID_CURR/],
    ];
    for (const [application, message] of cases) {
      const error = await featuresForApplication(db, application).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).message).toMatch(message);
    }
  });

  it('asks for a feature build when the database has none', async () => {
    await withFixtureDb({}, async (db) => {
      await expect(featuresForApplication(db, { SK_ID_CURR: 1 })).rejects.toThrow(
        /creditlens features/,
      );
    });
  });
});
