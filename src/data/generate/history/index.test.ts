import { beforeAll, describe, expect, it } from 'vitest';
import { splitCsvRecord } from '../../csv-record.ts';
import { DAYS_SENTINEL, table } from '../../schema.ts';
import { Random } from '../random.ts';
import type { ClientSeed, HistoryTable, LineSink } from '../types.ts';
import { monthOf } from './cells.ts';
import { generateHistory, HISTORY_VALUE_SETS } from './index.ts';

const TABLES: readonly HistoryTable[] = [
  'bureau',
  'bureau_balance',
  'previous_application',
  'POS_CASH_balance',
  'installments_payments',
  'credit_card_balance',
];

/** Real full-scale rows per client (train + test clients: 356,255). */
const ROWS_PER_CLIENT: Record<HistoryTable, number> = {
  bureau: 1_716_428 / 356_255,
  bureau_balance: 27_299_925 / 356_255,
  previous_application: 1_670_214 / 356_255,
  POS_CASH_balance: 10_001_358 / 356_255,
  installments_payments: 13_605_401 / 356_255,
  credit_card_balance: 3_840_312 / 356_255,
};

/** Seeded clients with standard-normal latent factors. */
function makeClients(n: number, seed: number): ClientSeed[] {
  const g = new Random(seed, 12345);
  const clients: ClientSeed[] = [];
  for (let i = 0; i < n; i++) {
    clients.push({
      index: i,
      skIdCurr: 100_002 + i,
      isTest: false,
      historyRisk: g.normal(),
      creditHunger: g.normal(),
      daysBirth: -Math.round(g.uniform(20.5, 69) * 365.25),
      daysEmployed: g.chance(0.18) ? null : -g.int(30, 8000),
      amtIncomeTotal: 147_150 * Math.exp(0.5 * g.normal()),
      amtCredit: 500_000,
      amtAnnuity: 25_000,
      nameContractType: 'Cash loans',
    });
  }
  return clients;
}

function generateAll(clients: readonly ClientSeed[], seed: number): Record<HistoryTable, string[]> {
  const out = Object.fromEntries(TABLES.map((t) => [t, [] as string[]])) as Record<
    HistoryTable,
    string[]
  >;
  const sink: LineSink = { line: (t, l) => out[t].push(l) };
  for (const c of clients) generateHistory(c, new Random(seed, c.index), sink);
  return out;
}

/** Splits one CSV line honouring double quotes. */

type Row = Record<string, string>;

function toRows(name: HistoryTable, lines: readonly string[]): Row[] {
  const names = table(name).columns.map((c) => c.name);
  return lines.map((l) => {
    const cells = splitCsvRecord(l);
    const row: Row = {};
    names.forEach((n, i) => {
      row[n] = cells[i] as string;
    });
    return row;
  });
}

const num = (s: string | undefined): number =>
  s === undefined || s === '' ? Number.NaN : Number(s);

/** Throws with the offending row (cheaper than one expect per row over 500,000 rows). */
function check(ok: boolean, what: string, row: Row): void {
  if (!ok) throw new Error(`${what}: ${JSON.stringify(row)}`);
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

const N = 2500;
const clients = makeClients(N, 2024);
const byCurr = new Map(clients.map((c) => [String(c.skIdCurr), c]));
let lines: Record<HistoryTable, string[]>;
let rows: Record<HistoryTable, Row[]>;

beforeAll(() => {
  lines = generateAll(clients, 42);
  rows = Object.fromEntries(TABLES.map((t) => [t, toRows(t, lines[t])])) as Record<
    HistoryTable,
    Row[]
  >;
});

describe('generateHistory: format', () => {
  it('writes every line with exactly the schema columns', () => {
    for (const t of TABLES) {
      const width = table(t).columns.length;
      expect(lines[t].length, t).toBeGreaterThan(0);
      for (const l of lines[t]) {
        const cells = splitCsvRecord(l);
        if (cells.length !== width || l.includes('\n'))
          throw new Error(`${t}: ${cells.length} cells in ${l}`);
      }
    }
  });

  it('writes integers plainly and floats the way Python does', () => {
    for (const t of TABLES) {
      const specs = table(t).columns;
      for (const r of rows[t].slice(0, 20_000)) {
        for (const spec of specs) {
          const v = r[spec.name] as string;
          if (v === '') continue;
          if (spec.kind === 'int' || spec.kind === 'key') {
            if (!/^-?\d+$/.test(v)) throw new Error(`${t}.${spec.name}: int cell "${v}"`);
          } else if (spec.kind === 'num') {
            if (!/^-?\d+\.\d+(e-?\d+)?$/.test(v))
              throw new Error(`${t}.${spec.name}: float "${v}"`);
          }
        }
      }
    }
  });

  it('uses only the value sets of the real data', () => {
    for (const [t, columns] of Object.entries(HISTORY_VALUE_SETS)) {
      for (const [column, values] of Object.entries(columns)) {
        const allowed = new Set(values.map(([v]) => v));
        for (const r of rows[t as HistoryTable]) {
          const v = r[column] as string;
          if (v !== '' && !allowed.has(v)) throw new Error(`${t}.${column}: unexpected "${v}"`);
        }
      }
    }
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const few = clients.slice(0, 200);
    const a = generateAll(few, 7);
    const b = generateAll(few, 7);
    const c = generateAll(few, 8);
    for (const t of TABLES) expect(a[t]).toEqual(b[t]);
    expect(a.installments_payments).not.toEqual(c.installments_payments);
  });
});

describe('generateHistory: keys and consistency', () => {
  it('gives unique ids and unique monthly keys', () => {
    const unique = (t: HistoryTable, key: (r: Row) => string): void => {
      const keys = rows[t].map(key);
      expect(new Set(keys).size, t).toBe(keys.length);
    };
    unique('bureau', (r) => r.SK_ID_BUREAU as string);
    unique('previous_application', (r) => r.SK_ID_PREV as string);
    unique('bureau_balance', (r) => `${r.SK_ID_BUREAU}/${r.MONTHS_BALANCE}`);
    unique('POS_CASH_balance', (r) => `${r.SK_ID_PREV}/${r.MONTHS_BALANCE}`);
    unique('credit_card_balance', (r) => `${r.SK_ID_PREV}/${r.MONTHS_BALANCE}`);
  });

  it('keeps bureau dates inside the window and after the 18th birthday', () => {
    for (const r of rows.bureau) {
      const c = byCurr.get(r.SK_ID_CURR as string) as ClientSeed;
      const credit = num(r.DAYS_CREDIT);
      check(credit >= Math.max(-2922, c.daysBirth + 18 * 365.25) && credit <= 0, 'DAYS_CREDIT', r);
      check(num(r.DAYS_CREDIT_UPDATE) >= credit, 'DAYS_CREDIT_UPDATE < DAYS_CREDIT', r);
      const active = r.CREDIT_ACTIVE === 'Active';
      check((r.DAYS_ENDDATE_FACT === '') === active, 'DAYS_ENDDATE_FACT vs CREDIT_ACTIVE', r);
      if (!active) {
        const fact = num(r.DAYS_ENDDATE_FACT);
        check(fact >= credit && fact <= 0, 'DAYS_ENDDATE_FACT outside the credit', r);
      }
    }
  });

  it('writes bureau_balance months only inside the life of an existing credit', () => {
    const credits = new Map(rows.bureau.map((r) => [r.SK_ID_BUREAU as string, r]));
    for (const r of rows.bureau_balance) {
      const credit = credits.get(r.SK_ID_BUREAU as string);
      if (!credit) throw new Error(`bureau_balance: unknown SK_ID_BUREAU ${r.SK_ID_BUREAU}`);
      const m = num(r.MONTHS_BALANCE);
      check(m >= monthOf(num(credit.DAYS_CREDIT)) && m <= 0, 'month outside the credit', r);
      if (r.STATUS === 'C') {
        check(credit.CREDIT_ACTIVE !== 'Active', 'C for an active credit', r);
        check(m > monthOf(num(credit.DAYS_ENDDATE_FACT)), 'C before the closure', r);
      }
    }
  });

  it('writes balances and installments only for approved applications of the same client', () => {
    const prevs = new Map(rows.previous_application.map((r) => [r.SK_ID_PREV as string, r]));
    const verify = (t: HistoryTable, types: readonly string[]): void => {
      for (const r of rows[t]) {
        const prev = prevs.get(r.SK_ID_PREV as string);
        if (!prev) throw new Error(`${t}: unknown SK_ID_PREV ${r.SK_ID_PREV}`);
        check(prev.SK_ID_CURR === r.SK_ID_CURR, `${t}: other client`, r);
        check(prev.NAME_CONTRACT_STATUS === 'Approved', `${t}: not approved`, r);
        check(types.includes(prev.NAME_CONTRACT_TYPE as string), `${t}: contract type`, r);
        if (r.MONTHS_BALANCE !== undefined) {
          const m = num(r.MONTHS_BALANCE);
          check(m < 0 && m >= monthOf(num(prev.DAYS_DECISION)), `${t}: month`, r);
        }
        if (r.CNT_INSTALMENT !== undefined) {
          check(r.CNT_INSTALMENT === prev.CNT_PAYMENT, `${t}: CNT_INSTALMENT`, r);
        }
      }
    };
    verify('POS_CASH_balance', ['Cash loans', 'Consumer loans']);
    verify('credit_card_balance', ['Revolving loans']);
    verify('installments_payments', ['Cash loans', 'Consumer loans', 'Revolving loans']);
  });

  it('numbers loan installments 1..n, 30 days apart, after the decision and before today', () => {
    const prevs = new Map(rows.previous_application.map((r) => [r.SK_ID_PREV as string, r]));
    const last = new Map<string, [number, number]>();
    for (const r of rows.installments_payments) {
      const due = num(r.DAYS_INSTALMENT);
      const prev = prevs.get(r.SK_ID_PREV as string) as Row;
      check(due > num(prev.DAYS_DECISION) && due < 0, 'DAYS_INSTALMENT', r);
      check(r.DAYS_ENTRY_PAYMENT === '' || num(r.DAYS_ENTRY_PAYMENT) < 0, 'payment date', r);
      if (r.NUM_INSTALMENT_VERSION === '0.0') continue; // card payments
      const k = num(r.NUM_INSTALMENT_NUMBER);
      const seen = last.get(r.SK_ID_PREV as string);
      if (!seen) {
        check(k === 1 && due === num(prev.DAYS_FIRST_DUE), 'first instalment', r);
      } else if (k !== seen[0]) {
        check(k === seen[0] + 1 && due === seen[1] + 30, 'instalment sequence', r);
      }
      last.set(r.SK_ID_PREV as string, [k, due]);
      check(k <= num(prev.CNT_PAYMENT), 'instalment number above CNT_PAYMENT', r);
    }
    expect(last.size).toBeGreaterThan(100);
  });

  it('follows the missing-value patterns of previous_application', () => {
    for (const r of rows.previous_application) {
      const c = byCurr.get(r.SK_ID_CURR as string) as ClientSeed;
      expect(num(r.DAYS_DECISION)).toBeGreaterThanOrEqual(c.daysBirth + 18 * 365.25);
      if (r.NAME_CONTRACT_TYPE === 'Cash loans') expect(r.AMT_DOWN_PAYMENT).toBe('');
      const approved = r.NAME_CONTRACT_STATUS === 'Approved';
      for (const col of [
        'DAYS_FIRST_DRAWING',
        'DAYS_FIRST_DUE',
        'DAYS_LAST_DUE',
        'DAYS_TERMINATION',
      ]) {
        expect(r[col] !== '', `${col} ${r.NAME_CONTRACT_STATUS}`).toBe(approved);
      }
      expect(r.CODE_REJECT_REASON === 'XAP').toBe(
        approved || r.NAME_CONTRACT_STATUS === 'Canceled',
      );
    }
    const share = (pred: (r: Row) => boolean): number =>
      rows.previous_application.filter(pred).length / rows.previous_application.length;
    expect(share((r) => r.RATE_INTEREST_PRIMARY === '')).toBeGreaterThan(0.99);
    const approved = rows.previous_application.filter((r) => r.NAME_CONTRACT_STATUS === 'Approved');
    const drawingSentinel = approved.filter((r) => num(r.DAYS_FIRST_DRAWING) === DAYS_SENTINEL);
    expect(drawingSentinel.length / approved.length).toBeGreaterThan(0.7);
  });
});

describe('generateHistory: volumes and signal', () => {
  it('writes about as many rows per client as the real files', () => {
    for (const t of TABLES) {
      const perClient = lines[t].length / N;
      expect(perClient, t).toBeGreaterThan(ROWS_PER_CLIENT[t] * 0.85);
      expect(perClient, t).toBeLessThan(ROWS_PER_CLIENT[t] * 1.15);
    }
    const withBureau = new Set(rows.bureau.map((r) => r.SK_ID_CURR)).size / N;
    expect(withBureau).toBeGreaterThan(0.8);
    expect(withBureau).toBeLessThan(0.92);
  });

  /** Mean of a per-row value over the rows of clients selected by their latent factors. */
  function groupMean(
    t: HistoryTable,
    value: (r: Row) => number,
    select: (c: ClientSeed) => boolean,
  ): number {
    const xs: number[] = [];
    for (const r of rows[t]) {
      if (!select(byCurr.get(r.SK_ID_CURR as string) as ClientSeed)) continue;
      const v = value(r);
      if (!Number.isNaN(v)) xs.push(v);
    }
    return mean(xs);
  }
  const risky = (c: ClientSeed): boolean => c.historyRisk > 1;
  const safe = (c: ClientSeed): boolean => c.historyRisk < -1;

  it('makes risky clients pay later and shorter, with more DPD and refusals', () => {
    const lateness = (r: Row): number =>
      Math.max(0, num(r.DAYS_ENTRY_PAYMENT) - num(r.DAYS_INSTALMENT));
    expect(groupMean('installments_payments', lateness, risky)).toBeGreaterThan(
      1.5 * groupMean('installments_payments', lateness, safe),
    );
    const short = (r: Row): number => (num(r.AMT_PAYMENT) < num(r.AMT_INSTALMENT) ? 1 : 0);
    expect(groupMean('installments_payments', short, risky)).toBeGreaterThan(
      groupMean('installments_payments', short, safe),
    );
    const dpd = (r: Row): number => num(r.SK_DPD);
    expect(groupMean('POS_CASH_balance', dpd, risky)).toBeGreaterThan(
      groupMean('POS_CASH_balance', dpd, safe),
    );
    const refused = (r: Row): number => (r.NAME_CONTRACT_STATUS === 'Refused' ? 1 : 0);
    expect(groupMean('previous_application', refused, risky)).toBeGreaterThan(
      1.3 * groupMean('previous_application', refused, safe),
    );
    const late = (r: Row): number => (/^[1-5]$/.test(r.STATUS as string) ? 1 : 0);
    const bureauOf = new Map(rows.bureau.map((r) => [r.SK_ID_BUREAU, r.SK_ID_CURR as string]));
    const bb = rows.bureau_balance.map((r) => ({
      ...r,
      SK_ID_CURR: bureauOf.get(r.SK_ID_BUREAU) as string,
    }));
    const meanOf = (sel: (c: ClientSeed) => boolean): number =>
      mean(bb.filter((r) => sel(byCurr.get(r.SK_ID_CURR) as ClientSeed)).map(late));
    expect(meanOf(risky)).toBeGreaterThan(meanOf(safe));
  });

  it('gives hungry clients more, newer and more active bureau credits', () => {
    const hungry = (c: ClientSeed): boolean => c.creditHunger > 1;
    const sated = (c: ClientSeed): boolean => c.creditHunger < -1;
    const count = (sel: (c: ClientSeed) => boolean): number => {
      const group = clients.filter(sel);
      const ids = new Set(group.map((c) => String(c.skIdCurr)));
      return rows.bureau.filter((r) => ids.has(r.SK_ID_CURR as string)).length / group.length;
    };
    expect(count(hungry)).toBeGreaterThan(1.3 * count(sated));
    const days = (r: Row): number => num(r.DAYS_CREDIT);
    expect(groupMean('bureau', days, hungry)).toBeGreaterThan(groupMean('bureau', days, sated));
    const active = (r: Row): number => (r.CREDIT_ACTIVE === 'Active' ? 1 : 0);
    expect(groupMean('bureau', active, hungry)).toBeGreaterThan(groupMean('bureau', active, sated));
  });
});
