/**
 * The Home Credit Default Risk schema: the eight Kaggle files, their columns in file order and
 * how each column is stored. Source: ../shared/reference/home-credit-data.md and the header of
 * ../shared/data/home-credit/application_test_sample.csv. Every reader and writer of the files
 * (generator, ingestion, features) goes through this module.
 */
import { APPLICATION_TEST_COLUMNS } from './schema-application.ts';
import type { ColumnKind, ColumnSpec, TableName, TableSpec } from './schema-types.ts';

export { APPLICATION_TEST_COLUMNS } from './schema-application.ts';
export type { ColumnKind, ColumnSpec, TableName, TableSpec } from './schema-types.ts';

/** Builds column specs from a compact "NAME:kind" list. */
function cols(spec: string): ColumnSpec[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [name, kind] = entry.split(':') as [string, ColumnKind];
      return { name, kind };
    });
}

/** The sentinel for "no date" in day columns (≈1,000 years after the application). */
export const DAYS_SENTINEL = 365243;

export const APPLICATION_TRAIN_COLUMNS: readonly ColumnSpec[] = [
  APPLICATION_TEST_COLUMNS[0] as ColumnSpec,
  { name: 'TARGET', kind: 'target' },
  ...APPLICATION_TEST_COLUMNS.slice(1),
];

const BUREAU = cols(`
  SK_ID_CURR:key SK_ID_BUREAU:key CREDIT_ACTIVE:cat CREDIT_CURRENCY:cat DAYS_CREDIT:int
  CREDIT_DAY_OVERDUE:int DAYS_CREDIT_ENDDATE:num DAYS_ENDDATE_FACT:num AMT_CREDIT_MAX_OVERDUE:num
  CNT_CREDIT_PROLONG:int AMT_CREDIT_SUM:num AMT_CREDIT_SUM_DEBT:num AMT_CREDIT_SUM_LIMIT:num
  AMT_CREDIT_SUM_OVERDUE:num CREDIT_TYPE:cat DAYS_CREDIT_UPDATE:int AMT_ANNUITY:num`);

const BUREAU_BALANCE = cols('SK_ID_BUREAU:key MONTHS_BALANCE:int STATUS:cat');

const PREVIOUS_APPLICATION = cols(`
  SK_ID_PREV:key SK_ID_CURR:key NAME_CONTRACT_TYPE:cat AMT_ANNUITY:num AMT_APPLICATION:num
  AMT_CREDIT:num AMT_DOWN_PAYMENT:num AMT_GOODS_PRICE:num WEEKDAY_APPR_PROCESS_START:cat
  HOUR_APPR_PROCESS_START:int FLAG_LAST_APPL_PER_CONTRACT:cat NFLAG_LAST_APPL_IN_DAY:int
  RATE_DOWN_PAYMENT:num RATE_INTEREST_PRIMARY:num RATE_INTEREST_PRIVILEGED:num
  NAME_CASH_LOAN_PURPOSE:cat NAME_CONTRACT_STATUS:cat DAYS_DECISION:int NAME_PAYMENT_TYPE:cat
  CODE_REJECT_REASON:cat NAME_TYPE_SUITE:cat NAME_CLIENT_TYPE:cat NAME_GOODS_CATEGORY:cat
  NAME_PORTFOLIO:cat NAME_PRODUCT_TYPE:cat CHANNEL_TYPE:cat SELLERPLACE_AREA:int
  NAME_SELLER_INDUSTRY:cat CNT_PAYMENT:num NAME_YIELD_GROUP:cat PRODUCT_COMBINATION:cat
  DAYS_FIRST_DRAWING:num DAYS_FIRST_DUE:num DAYS_LAST_DUE_1ST_VERSION:num DAYS_LAST_DUE:num
  DAYS_TERMINATION:num NFLAG_INSURED_ON_APPROVAL:num`);

const POS_CASH_BALANCE = cols(`
  SK_ID_PREV:key SK_ID_CURR:key MONTHS_BALANCE:int CNT_INSTALMENT:num CNT_INSTALMENT_FUTURE:num
  NAME_CONTRACT_STATUS:cat SK_DPD:int SK_DPD_DEF:int`);

const INSTALLMENTS_PAYMENTS = cols(`
  SK_ID_PREV:key SK_ID_CURR:key NUM_INSTALMENT_VERSION:num NUM_INSTALMENT_NUMBER:int
  DAYS_INSTALMENT:num DAYS_ENTRY_PAYMENT:num AMT_INSTALMENT:num AMT_PAYMENT:num`);

const CREDIT_CARD_BALANCE = cols(`
  SK_ID_PREV:key SK_ID_CURR:key MONTHS_BALANCE:int AMT_BALANCE:num AMT_CREDIT_LIMIT_ACTUAL:int
  AMT_DRAWINGS_ATM_CURRENT:num AMT_DRAWINGS_CURRENT:num AMT_DRAWINGS_OTHER_CURRENT:num
  AMT_DRAWINGS_POS_CURRENT:num AMT_INST_MIN_REGULARITY:num AMT_PAYMENT_CURRENT:num
  AMT_PAYMENT_TOTAL_CURRENT:num AMT_RECEIVABLE_PRINCIPAL:num AMT_RECIVABLE:num
  AMT_TOTAL_RECEIVABLE:num CNT_DRAWINGS_ATM_CURRENT:num CNT_DRAWINGS_CURRENT:int
  CNT_DRAWINGS_OTHER_CURRENT:num CNT_DRAWINGS_POS_CURRENT:num CNT_INSTALMENT_MATURE_CUM:num
  NAME_CONTRACT_STATUS:cat SK_DPD:int SK_DPD_DEF:int`);

/** The eight tables in the order they are written and loaded (parents before children). */
export const TABLES: readonly TableSpec[] = [
  {
    name: 'application_train',
    file: 'application_train.csv',
    columns: APPLICATION_TRAIN_COLUMNS,
    uniqueKey: ['SK_ID_CURR'],
    required: false,
  },
  {
    name: 'application_test',
    file: 'application_test.csv',
    columns: APPLICATION_TEST_COLUMNS,
    uniqueKey: ['SK_ID_CURR'],
    required: false,
  },
  {
    name: 'bureau',
    file: 'bureau.csv',
    columns: BUREAU,
    uniqueKey: ['SK_ID_BUREAU'],
    parentKey: 'SK_ID_CURR',
    required: false,
  },
  {
    name: 'bureau_balance',
    file: 'bureau_balance.csv',
    columns: BUREAU_BALANCE,
    parentKey: 'SK_ID_BUREAU',
    required: false,
  },
  {
    name: 'previous_application',
    file: 'previous_application.csv',
    columns: PREVIOUS_APPLICATION,
    uniqueKey: ['SK_ID_PREV'],
    parentKey: 'SK_ID_CURR',
    required: false,
  },
  {
    name: 'POS_CASH_balance',
    file: 'POS_CASH_balance.csv',
    columns: POS_CASH_BALANCE,
    parentKey: 'SK_ID_CURR',
    required: false,
  },
  {
    name: 'installments_payments',
    file: 'installments_payments.csv',
    columns: INSTALLMENTS_PAYMENTS,
    parentKey: 'SK_ID_CURR',
    required: false,
  },
  {
    name: 'credit_card_balance',
    file: 'credit_card_balance.csv',
    columns: CREDIT_CARD_BALANCE,
    parentKey: 'SK_ID_CURR',
    required: false,
  },
];

/** The table spec for a name; throws on an unknown name (a programming error). */
export function table(name: TableName): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table: ${name}`);
  return spec;
}

/** Header line of a table's CSV file, exactly as Kaggle writes it. */
export function headerOf(name: TableName): string {
  return table(name)
    .columns.map((c) => c.name)
    .join(',');
}
