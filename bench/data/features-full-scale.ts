/**
 * Benchmark of the feature batch at the full Kaggle scale (≈58 M history rows) on synthetic
 * tables made by DuckDB itself: applications are the real 5,000-row sample repeated under new
 * ids; history rows have the real row counts and plausible random values. Not a test: run by hand
 *   node --import tsx bench/data/features-full-scale.ts [dbPath] [--scale 1] [--reuse]
 * and read the seconds and the peak RSS it prints.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openDb, quoteLiteral } from '../../src/data/db.ts';
import { buildFeatures } from '../../src/data/features/build.ts';
import { TABLES } from '../../src/data/schema.ts';
import { cleanSelectList, createTableSql } from '../../src/data/stored-schema.ts';
import { sharedDir } from '../../test/support/shared-dir.ts';

const args = process.argv.slice(2);
const dbPath = resolve(
  args.find((a) => !a.startsWith('--')) ?? 'data/bench/features-full-scale.duckdb',
);
const scaleIndex = args.indexOf('--scale');
const scale = scaleIndex >= 0 ? Number(args[scaleIndex + 1]) : 1;
const SAMPLE = join(sharedDir(), 'data/home-credit/application_test_sample.csv');

const TRAIN = Math.round(307_511 * scale);
const TEST = Math.round(48_744 * scale);
const CLIENTS = TRAIN + TEST;
const BUREAU = Math.round(1_716_428 * scale);
const PREVIOUS = Math.round(1_670_214 * scale);

async function fill(): Promise<void> {
  if (existsSync(dbPath)) rmSync(dbPath);
  mkdirSync(dirname(dbPath), { recursive: true });
  const db = await openDb(dbPath);
  const started = performance.now();
  await db.run('SET threads = 2');
  for (const t of TABLES) await db.run(createTableSql(t.name));
  const sample = `read_csv(${quoteLiteral(SAMPLE)}, header = true)`;
  const repeat = Math.ceil(CLIENTS / 5000);
  await db.run(`CREATE TEMP TABLE raw_app AS
    SELECT * REPLACE (CAST(row_number() OVER () AS BIGINT) AS SK_ID_CURR)
    FROM ${sample} AS s, range(${repeat}) AS r`);
  await db.run(`INSERT INTO application_train SELECT ${cleanSelectList('application_train')} FROM
    (SELECT *, CAST(random() < 0.08 AS INTEGER) AS TARGET FROM raw_app WHERE SK_ID_CURR <= ${TRAIN})`);
  await db.run(`INSERT INTO application_test SELECT ${cleanSelectList('application_test')} FROM
    raw_app WHERE SK_ID_CURR > ${TRAIN} AND SK_ID_CURR <= ${CLIENTS}`);
  const client = `CAST(1 + floor(random() * ${CLIENTS}) AS BIGINT)`;
  await db.run(`INSERT INTO bureau (SK_ID_CURR, SK_ID_BUREAU, CREDIT_ACTIVE, CREDIT_TYPE, DAYS_CREDIT,
      CREDIT_DAY_OVERDUE, DAYS_CREDIT_ENDDATE, DAYS_ENDDATE_FACT, AMT_CREDIT_SUM, AMT_CREDIT_SUM_DEBT,
      AMT_CREDIT_SUM_OVERDUE, CNT_CREDIT_PROLONG, AMT_ANNUITY, DAYS_CREDIT_UPDATE)
    SELECT ${client}, range, CASE WHEN random() < 0.37 THEN 'Active' ELSE 'Closed' END,
      CASE WHEN random() < 0.7 THEN 'Consumer credit' ELSE 'Credit card' END,
      -floor(random() * 2900), floor(random() * 3), floor(random() * 4000) - 2000,
      -floor(random() * 2000), round(random() * 500000), round(random() * 200000), 0,
      floor(random() * 2), round(random() * 20000), -floor(random() * 500)
    FROM range(${BUREAU})`);
  await db.run(`INSERT INTO bureau_balance
    SELECT b.SK_ID_BUREAU, -m.range, CASE WHEN random() < 0.02 THEN '1' WHEN random() < 0.5 THEN '0'
      WHEN random() < 0.7 THEN 'C' ELSE 'X' END
    FROM bureau AS b, range(16) AS m`);
  await db.run(`INSERT INTO previous_application (SK_ID_PREV, SK_ID_CURR, NAME_CONTRACT_TYPE,
      AMT_ANNUITY, AMT_APPLICATION, AMT_CREDIT, AMT_DOWN_PAYMENT, AMT_GOODS_PRICE, RATE_DOWN_PAYMENT,
      NAME_CONTRACT_STATUS, DAYS_DECISION, CNT_PAYMENT, DAYS_LAST_DUE_1ST_VERSION, DAYS_TERMINATION,
      HOUR_APPR_PROCESS_START, NFLAG_INSURED_ON_APPROVAL, NAME_CLIENT_TYPE, NAME_YIELD_GROUP,
      CODE_REJECT_REASON)
    SELECT range, ${client}, 'Cash loans', round(random() * 20000), round(random() * 300000),
      round(random() * 300000), round(random() * 10000), round(random() * 300000), random() * 0.2,
      CASE WHEN random() < 0.62 THEN 'Approved' WHEN random() < 0.5 THEN 'Refused' ELSE 'Canceled' END,
      -floor(random() * 2900), floor(random() * 48), floor(random() * 2000) - 1000,
      -floor(random() * 2000), floor(random() * 24), floor(random() * 2), 'Repeater', 'middle', 'XAP'
    FROM range(${PREVIOUS})`);
  // Monthly and instalment rows hang from previous applications, at the real totals.
  const perPrevious = (rows: number) => Math.max(1, Math.round(rows / 1_670_214));
  await db.run(`INSERT INTO POS_CASH_balance
    SELECT p.SK_ID_PREV, p.SK_ID_CURR, -m.range, 12, greatest(12 - m.range, 0),
      CASE WHEN m.range = 0 THEN 'Completed' ELSE 'Active' END,
      CASE WHEN random() < 0.03 THEN floor(random() * 40) ELSE 0 END, 0
    FROM previous_application AS p, range(${perPrevious(10_001_358)}) AS m`);
  await db.run(`INSERT INTO installments_payments
    SELECT p.SK_ID_PREV, p.SK_ID_CURR, 1, m.range, -30.0 * m.range, -30.0 * m.range + floor(random() * 10) - 5,
      10000, CASE WHEN random() < 0.05 THEN 5000 ELSE 10000 END
    FROM previous_application AS p, range(${perPrevious(13_605_401)}) AS m`);
  await db.run(`INSERT INTO credit_card_balance (SK_ID_PREV, SK_ID_CURR, MONTHS_BALANCE, AMT_BALANCE,
      AMT_CREDIT_LIMIT_ACTUAL, AMT_DRAWINGS_ATM_CURRENT, AMT_DRAWINGS_CURRENT, AMT_DRAWINGS_POS_CURRENT,
      AMT_INST_MIN_REGULARITY, AMT_PAYMENT_CURRENT, AMT_PAYMENT_TOTAL_CURRENT, AMT_TOTAL_RECEIVABLE,
      CNT_DRAWINGS_ATM_CURRENT, CNT_DRAWINGS_CURRENT, CNT_INSTALMENT_MATURE_CUM, NAME_CONTRACT_STATUS,
      SK_DPD, SK_DPD_DEF)
    SELECT p.SK_ID_PREV, p.SK_ID_CURR, -m.range, round(random() * 90000), 90000, round(random() * 5000),
      round(random() * 8000), round(random() * 3000), 2000, round(random() * 4000), round(random() * 4000),
      round(random() * 90000), floor(random() * 3), floor(random() * 5), m.range, 'Active',
      CASE WHEN random() < 0.02 THEN 5 ELSE 0 END, 0
    FROM (SELECT * FROM previous_application USING SAMPLE 6 PERCENT (bernoulli)) AS p, range(38) AS m`);
  const counts = await db.all(
    `SELECT 'bureau_balance' AS t, count(*) AS n FROM bureau_balance UNION ALL
     SELECT 'POS_CASH_balance', count(*) FROM POS_CASH_balance UNION ALL
     SELECT 'installments_payments', count(*) FROM installments_payments UNION ALL
     SELECT 'credit_card_balance', count(*) FROM credit_card_balance`,
  );
  db.close();
  console.log(`filled in ${((performance.now() - started) / 1000).toFixed(1)}s`, counts);
}

let peakRss = 0;
const timer = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);
if (!args.includes('--reuse') || !existsSync(dbPath)) await fill();
const cpuBefore = process.cpuUsage();
const summary = await buildFeatures({
  dbPath,
  progress: (label) => {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    return {
      tick() {},
      update() {},
      setTotal() {},
      finish() {
        const seconds = (performance.now() - start) / 1000;
        const cpu = process.cpuUsage(cpuStart);
        console.log(
          `${label}: ${seconds.toFixed(1)}s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)}s`,
        );
        return seconds;
      },
    };
  },
});
clearInterval(timer);
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  summary,
  `CPU ${cpuSeconds.toFixed(1)}s, peak RSS ${(peakRss / 2 ** 30).toFixed(2)} GiB`,
);
