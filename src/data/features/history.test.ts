import { describe, expect, it } from 'vitest';
import type { Db } from '../db.ts';
import { buildFeaturesIn } from './build.ts';
import { type FixtureRows, withFixtureDb } from './test-fixtures.ts';

/** Clients 1 and 2 have history; client 3 has none at all. */
const APPLICATIONS: FixtureRows = {
  application_train: [
    { SK_ID_CURR: 1, TARGET: 0, AMT_INCOME_TOTAL: 100000, AMT_CREDIT: 200000 },
    { SK_ID_CURR: 2, TARGET: 1, AMT_INCOME_TOTAL: 50000, AMT_CREDIT: 100000 },
  ],
  application_test: [{ SK_ID_CURR: 3, AMT_INCOME_TOTAL: 80000, AMT_CREDIT: 90000 }],
};

async function featureRow(db: Db, id: number): Promise<Record<string, unknown>> {
  const rows = await db.all('SELECT * FROM features WHERE SK_ID_CURR = $1', [id]);
  expect(rows).toHaveLength(1);
  return rows[0] as Record<string, unknown>;
}

const inst = (
  id: number,
  prev: number,
  due: number,
  paid: number | null,
  amt: number,
  pay: number | null,
) => ({
  SK_ID_CURR: id,
  SK_ID_PREV: prev,
  NUM_INSTALMENT_VERSION: 1,
  NUM_INSTALMENT_NUMBER: 1,
  DAYS_INSTALMENT: due,
  DAYS_ENTRY_PAYMENT: paid,
  AMT_INSTALMENT: amt,
  AMT_PAYMENT: pay,
});

describe('installments features', () => {
  it('computes lateness and under-payment by hand', async () => {
    const rows: FixtureRows = {
      ...APPLICATIONS,
      installments_payments: [
        // Client 1: delays 3, 0, 9 days; paid shares 1, 0.5, 1.
        inst(1, 10, -100, -97, 1000, 1000),
        inst(1, 10, -70, -70, 1000, 500),
        inst(1, 11, -500, -491, 2000, 2000),
        // Client 2: paid 5 days early, instalment of 0 (ratio missing, not Infinity).
        inst(2, 20, -40, -45, 0, 100),
      ],
    };
    await withFixtureDb(rows, async (db) => {
      await buildFeaturesIn(db);
      const one = await featureRow(db, 1);
      expect(one.INST_COUNT).toBe(3);
      expect(one.INST_LOANS_COUNT).toBe(2);
      expect(one.INST_PAYMENT_DELAY_MEAN).toBeCloseTo((3 + 0 + 9) / 3, 12);
      expect(one.INST_LATE_DAYS_MAX).toBe(9);
      expect(one.INST_LATE_SHARE).toBeCloseTo(2 / 3, 12);
      expect(one.INST_PAID_SHARE_MEAN).toBeCloseTo((1 + 0.5 + 1) / 3, 12);
      expect(one.INST_PAID_SHARE_MIN).toBe(0.5);
      expect(one.INST_SHORT_SHARE).toBeCloseTo(1 / 3, 12);
      expect(one.INST_AMOUNT_MISSING_SUM).toBe(500);
      expect(one.INST_TOTAL_PAID_SHARE).toBeCloseTo(3500 / 4000, 12);
      // Only the instalment due 70 and 100 days ago is in the last 365 days.
      expect(one.INST_COUNT_365D).toBe(2);
      expect(one.INST_LATE_DAYS_MEAN_365D).toBeCloseTo(1.5, 12);

      const two = await featureRow(db, 2);
      expect(two.INST_EARLY_DAYS_MAX).toBe(5);
      expect(two.INST_LATE_DAYS_MEAN).toBe(0);
      expect(two.INST_PAID_SHARE_MEAN).toBeNull();
      expect(two.INST_TOTAL_PAID_SHARE).toBeNull();

      const three = await featureRow(db, 3);
      expect(three.INST_COUNT).toBeNull();
      expect(three.INST_PAYMENT_DELAY_MEAN).toBeNull();
    });
  });

  it('keeps an unpaid instalment out of lateness but counts its whole amount as missing', async () => {
    const rows: FixtureRows = {
      ...APPLICATIONS,
      installments_payments: [inst(1, 10, -60, -58, 1000, 1000), inst(1, 10, -30, null, 800, null)],
    };
    await withFixtureDb(rows, async (db) => {
      await buildFeaturesIn(db);
      const one = await featureRow(db, 1);
      expect(one.INST_UNPAID_COUNT).toBe(1);
      expect(one.INST_LATE_DAYS_MEAN).toBe(2); // the unpaid one is not "0 days late"
      expect(one.INST_EARLY_DAYS_MAX).toBe(0);
      expect(one.INST_AMOUNT_MISSING_SUM).toBe(800);
      expect(one.INST_AMOUNT_MISSING_MEAN).toBe(400);
    });
  });
});

describe('bureau features', () => {
  it('rolls bureau_balance up per credit, then aggregates overall, active and closed', async () => {
    const rows: FixtureRows = {
      ...APPLICATIONS,
      bureau: [
        {
          SK_ID_CURR: 1,
          SK_ID_BUREAU: 100,
          CREDIT_ACTIVE: 'Active',
          CREDIT_TYPE: 'Consumer credit',
          DAYS_CREDIT: -200,
          AMT_CREDIT_SUM: 1000,
          AMT_CREDIT_SUM_DEBT: 400,
          AMT_CREDIT_SUM_OVERDUE: 0,
          CNT_CREDIT_PROLONG: 1,
        },
        {
          SK_ID_CURR: 1,
          SK_ID_BUREAU: 101,
          CREDIT_ACTIVE: 'Closed',
          CREDIT_TYPE: 'Credit card',
          DAYS_CREDIT: -800,
          AMT_CREDIT_SUM: 3000,
          AMT_CREDIT_SUM_DEBT: 0,
          CNT_CREDIT_PROLONG: 0,
        },
        // Client 2: one active credit of amount 0 (debt ratio missing, not Infinity).
        {
          SK_ID_CURR: 2,
          SK_ID_BUREAU: 200,
          CREDIT_ACTIVE: 'Active',
          CREDIT_TYPE: 'Microloan',
          DAYS_CREDIT: -10,
          AMT_CREDIT_SUM: 0,
          AMT_CREDIT_SUM_DEBT: 50,
        },
      ],
      bureau_balance: [
        // Credit 100: statuses 0, 1, 3, X → 2 of 4 months past due, worst 3.
        { SK_ID_BUREAU: 100, MONTHS_BALANCE: 0, STATUS: '0' },
        { SK_ID_BUREAU: 100, MONTHS_BALANCE: -1, STATUS: '1' },
        { SK_ID_BUREAU: 100, MONTHS_BALANCE: -2, STATUS: '3' },
        { SK_ID_BUREAU: 100, MONTHS_BALANCE: -3, STATUS: 'X' },
        // Credit 101: C, C → no months past due, no numeric status.
        { SK_ID_BUREAU: 101, MONTHS_BALANCE: -20, STATUS: 'C' },
        { SK_ID_BUREAU: 101, MONTHS_BALANCE: -21, STATUS: 'C' },
      ],
    };
    await withFixtureDb(rows, async (db) => {
      await buildFeaturesIn(db);
      const one = await featureRow(db, 1);
      expect(one.BUREAU_COUNT).toBe(2);
      expect(one.BUREAU_ACTIVE_COUNT).toBe(1);
      expect(one.BUREAU_CLOSED_COUNT).toBe(1);
      expect(one.BUREAU_AMT_CREDIT_SUM_SUM).toBe(4000);
      expect(one.BUREAU_TOTAL_DEBT_RATIO).toBeCloseTo(400 / 4000, 12);
      expect(one.BUREAU_DEBT_RATIO_MEAN).toBeCloseTo((0.4 + 0) / 2, 12);
      expect(one.BUREAU_DAYS_CREDIT_MAX).toBe(-200);
      expect(one.BUREAU_ACTIVE_AMT_CREDIT_SUM_DEBT_SUM).toBe(400);
      expect(one.BUREAU_CLOSED_AMT_CREDIT_SUM_SUM).toBe(3000);
      expect(one.BUREAU_BALANCE_MONTHS_SUM).toBe(6);
      expect(one.BUREAU_BALANCE_DPD_SHARE_MEAN).toBeCloseTo((0.5 + 0) / 2, 12);
      expect(one.BUREAU_BALANCE_WORST_STATUS_MAX).toBe(3);
      expect(one.BUREAU_ACTIVE_BALANCE_DPD_SHARE_MEAN).toBe(0.5);
      expect(one.BUREAU_CLOSED_BALANCE_WORST_STATUS_MAX).toBeNull();
      expect(one.BUREAU_BALANCE_DPD_MONTHS_12M).toBe(2);
      expect(one.BUREAU_COUNT_365D).toBe(1);

      const two = await featureRow(db, 2);
      expect(two.BUREAU_DEBT_RATIO_MEAN).toBeNull();
      expect(two.BUREAU_TOTAL_DEBT_RATIO).toBeNull();
      expect(two.BUREAU_CLOSED_COUNT).toBe(0);
      expect(two.BUREAU_BALANCE_MONTHS_SUM).toBeNull();

      const three = await featureRow(db, 3);
      expect(three.BUREAU_COUNT).toBeNull();
      expect(three.BUREAU_AMT_CREDIT_SUM_SUM).toBeNull();
    });
  });
});

describe('previous application, POS and credit card features', () => {
  it('computes counts, refusal share, dpd shares and utilisation by hand', async () => {
    const rows: FixtureRows = {
      ...APPLICATIONS,
      previous_application: [
        {
          SK_ID_PREV: 10,
          SK_ID_CURR: 1,
          NAME_CONTRACT_STATUS: 'Approved',
          AMT_APPLICATION: 900,
          AMT_CREDIT: 1000,
          DAYS_DECISION: -300,
          CNT_PAYMENT: 12,
        },
        {
          SK_ID_PREV: 11,
          SK_ID_CURR: 1,
          NAME_CONTRACT_STATUS: 'Refused',
          AMT_APPLICATION: 5000,
          AMT_CREDIT: 0,
          DAYS_DECISION: -30,
          CNT_PAYMENT: 24,
        },
        {
          SK_ID_PREV: 12,
          SK_ID_CURR: 1,
          NAME_CONTRACT_STATUS: 'Canceled',
          AMT_APPLICATION: 100,
          AMT_CREDIT: 100,
          DAYS_DECISION: -900,
        },
      ],
      POS_CASH_balance: [
        {
          SK_ID_PREV: 10,
          SK_ID_CURR: 1,
          MONTHS_BALANCE: -1,
          CNT_INSTALMENT: 12,
          CNT_INSTALMENT_FUTURE: 0,
          NAME_CONTRACT_STATUS: 'Completed',
          SK_DPD: 0,
          SK_DPD_DEF: 0,
        },
        {
          SK_ID_PREV: 10,
          SK_ID_CURR: 1,
          MONTHS_BALANCE: -2,
          CNT_INSTALMENT: 12,
          CNT_INSTALMENT_FUTURE: 1,
          NAME_CONTRACT_STATUS: 'Active',
          SK_DPD: 6,
          SK_DPD_DEF: 0,
        },
        {
          SK_ID_PREV: 13,
          SK_ID_CURR: 1,
          MONTHS_BALANCE: -30,
          CNT_INSTALMENT: 6,
          CNT_INSTALMENT_FUTURE: 4,
          NAME_CONTRACT_STATUS: 'Active',
          SK_DPD: 0,
          SK_DPD_DEF: 0,
        },
      ],
      credit_card_balance: [
        {
          SK_ID_PREV: 30,
          SK_ID_CURR: 2,
          MONTHS_BALANCE: -1,
          AMT_BALANCE: 500,
          AMT_CREDIT_LIMIT_ACTUAL: 1000,
          AMT_INST_MIN_REGULARITY: 50,
          AMT_PAYMENT_CURRENT: 25,
          SK_DPD: 0,
          SK_DPD_DEF: 0,
        },
        {
          SK_ID_PREV: 30,
          SK_ID_CURR: 2,
          MONTHS_BALANCE: -2,
          AMT_BALANCE: 100,
          AMT_CREDIT_LIMIT_ACTUAL: 0,
          AMT_INST_MIN_REGULARITY: 0,
          AMT_PAYMENT_CURRENT: 10,
          SK_DPD: 3,
          SK_DPD_DEF: 0,
        },
      ],
    };
    await withFixtureDb(rows, async (db) => {
      await buildFeaturesIn(db);
      const one = await featureRow(db, 1);
      expect(one.PREV_COUNT).toBe(3);
      expect(one.PREV_REFUSED_SHARE).toBeCloseTo(1 / 3, 12);
      expect(one.PREV_APPLICATION_TO_CREDIT_MEAN).toBeCloseTo((0.9 + 1) / 2, 12); // 5000/0 is missing
      expect(one.PREV_DAYS_DECISION_MAX).toBe(-30);
      expect(one.PREV_REFUSED_COUNT_365D).toBe(1);
      expect(one.PREV_APPROVED_AMT_CREDIT_SUM).toBe(1000);
      expect(one.PREV_REFUSED_AMT_APPLICATION_MEAN).toBe(5000);
      expect(one.POS_LOANS_COUNT).toBe(2);
      expect(one.POS_SK_DPD_MAX).toBe(6);
      expect(one.POS_SK_DPD_MEAN).toBeCloseTo(6 / 3, 12);
      expect(one.POS_DPD_MONTHS_SHARE).toBeCloseTo(1 / 3, 12);
      expect(one.POS_COMPLETED_SHARE).toBe(0.5);
      expect(one.POS_REMAINING_INSTALMENTS_SUM).toBe(4); // latest month of each loan: 0 + 4
      expect(one.CC_MONTHS_COUNT).toBeNull(); // no card

      const two = await featureRow(db, 2);
      expect(two.PREV_COUNT).toBeNull();
      expect(two.CC_UTILISATION_MEAN).toBe(0.5); // the zero-limit month is left out
      expect(two.CC_UTILISATION_LAST).toBe(0.5);
      expect(two.CC_BELOW_MINIMUM_SHARE).toBe(1); // only the month with a positive minimum
      expect(two.CC_DPD_MONTHS_SHARE).toBe(0.5);
      expect(two.CC_PAYMENT_TO_MINIMUM_MEAN).toBe(0.5);
    });
  });

  it('takes the mean over cards that share the latest month as the last utilisation', async () => {
    const rows: FixtureRows = {
      ...APPLICATIONS,
      credit_card_balance: [
        {
          SK_ID_PREV: 40,
          SK_ID_CURR: 1,
          MONTHS_BALANCE: -2,
          AMT_BALANCE: 900,
          AMT_CREDIT_LIMIT_ACTUAL: 1000,
        },
        {
          SK_ID_PREV: 40,
          SK_ID_CURR: 1,
          MONTHS_BALANCE: -1,
          AMT_BALANCE: 100,
          AMT_CREDIT_LIMIT_ACTUAL: 1000,
        },
        {
          SK_ID_PREV: 41,
          SK_ID_CURR: 1,
          MONTHS_BALANCE: -1,
          AMT_BALANCE: 600,
          AMT_CREDIT_LIMIT_ACTUAL: 1000,
        },
      ],
    };
    await withFixtureDb(rows, async (db) => {
      await buildFeaturesIn(db);
      const one = await featureRow(db, 1);
      expect(one.CC_UTILISATION_LAST).toBeCloseTo((0.1 + 0.6) / 2, 12);
    });
  });

  it('leaves every history feature missing when the history tables are empty', async () => {
    await withFixtureDb(APPLICATIONS, async (db) => {
      const summary = await buildFeaturesIn(db);
      expect(summary.rows).toEqual({ train: 2, test: 1 });
      const rows = await db.all<{ n: number }>(
        `SELECT count(*) AS n FROM features
         WHERE BUREAU_COUNT IS NOT NULL OR PREV_COUNT IS NOT NULL OR POS_LOANS_COUNT IS NOT NULL
            OR INST_COUNT IS NOT NULL OR CC_CARDS_COUNT IS NOT NULL`,
      );
      expect(rows[0]?.n).toBe(0);
    });
  });
});
