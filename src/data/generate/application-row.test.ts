import { describe, expect, it } from 'vitest';
import { APPLICATION_TEST_COLUMNS, DAYS_SENTINEL } from '../schema.ts';
import { APPLICATION_VALUE_SETS } from '../value-sets.ts';
import { generateApplication } from './application-row.ts';
import { parseCsvLine } from './csv-read.ts';
import { Random } from './random.ts';

const N = 3000;
const names = APPLICATION_TEST_COLUMNS.map((c) => c.name);
const index = new Map(names.map((n, i) => [n, i]));
const at = (name: string): number => index.get(name) ?? -1;

function rows(isTest: boolean): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < N; i++) {
    const app = generateApplication(i, 100002 + i, isTest, new Random(11, i));
    out.push(parseCsvLine(app.line));
  }
  return out;
}

const train = rows(false);
const num = (r: string[], name: string): number => Number(r[at(name)]);
const cell = (r: string[], name: string): string => r[at(name)] as string;

describe('generateApplication', () => {
  it('writes every column of the real header', () => {
    for (const r of train) expect(r.length).toBe(names.length);
  });

  it('respects the value sets of the categorical columns', () => {
    for (const [column, values] of Object.entries(APPLICATION_VALUE_SETS)) {
      const allowed = new Set(values.map(([v]) => v));
      for (const r of train) {
        const v = cell(r, column);
        if (v !== '') expect(allowed.has(v), `${column}=${v}`).toBe(true);
      }
    }
  });

  it('keeps the sentinel group consistent: pensioners and unemployed, XNA organisation, no employer phone', () => {
    let sentinel = 0;
    for (const r of train) {
      const isSentinel = num(r, 'DAYS_EMPLOYED') === DAYS_SENTINEL;
      if (isSentinel) sentinel++;
      expect(cell(r, 'ORGANIZATION_TYPE') === 'XNA').toBe(isSentinel);
      expect(num(r, 'FLAG_EMP_PHONE')).toBe(isSentinel ? 0 : 1);
      expect(['Pensioner', 'Unemployed'].includes(cell(r, 'NAME_INCOME_TYPE'))).toBe(isSentinel);
      if (isSentinel) expect(cell(r, 'OCCUPATION_TYPE')).toBe('');
    }
    expect(sentinel / N).toBeGreaterThan(0.12);
    expect(sentinel / N).toBeLessThan(0.25);
  });

  it('keeps ages, employment, family and amounts consistent', () => {
    let goodsAboveCredit = 0;
    for (const r of train) {
      const ageDays = -num(r, 'DAYS_BIRTH');
      expect(ageDays / 365.25).toBeGreaterThanOrEqual(20);
      expect(ageDays / 365.25).toBeLessThanOrEqual(70);
      const employed = num(r, 'DAYS_EMPLOYED');
      if (employed !== DAYS_SENTINEL) {
        expect(employed).toBeLessThanOrEqual(0);
        expect(-employed).toBeLessThanOrEqual(ageDays - 14 * 365.25);
      }
      const children = num(r, 'CNT_CHILDREN');
      const family = cell(r, 'NAME_FAMILY_STATUS');
      if (family !== 'Unknown') {
        const members = num(r, 'CNT_FAM_MEMBERS');
        expect(members).toBeGreaterThanOrEqual(children + 1);
        const couple = family === 'Married' || family === 'Civil marriage';
        expect(members).toBe(children + (couple ? 2 : 1));
      }
      const credit = num(r, 'AMT_CREDIT');
      if (cell(r, 'AMT_ANNUITY') !== '') {
        const term = credit / num(r, 'AMT_ANNUITY');
        expect(term).toBeGreaterThanOrEqual(7.9);
        expect(term).toBeLessThanOrEqual(45);
      }
      if (cell(r, 'AMT_GOODS_PRICE') !== '') {
        const goods = num(r, 'AMT_GOODS_PRICE');
        expect(goods / credit).toBeGreaterThan(0.4);
        if (goods > credit) goodsAboveCredit++;
      }
      expect(cell(r, 'OWN_CAR_AGE') !== '').toBe(cell(r, 'FLAG_OWN_CAR') === 'Y');
    }
    expect(goodsAboveCredit / N).toBeLessThan(0.05);
  });

  it('leaves building measures and bureau requests missing together', () => {
    const measures = names.filter((n) => n.endsWith('_AVG')).map((n) => n.slice(0, -4));
    const requests = names.filter((n) => n.startsWith('AMT_REQ_CREDIT_BUREAU_'));
    for (const r of train) {
      for (const m of measures) {
        const avg = cell(r, `${m}_AVG`) === '';
        expect(cell(r, `${m}_MODE`) === '').toBe(avg);
        expect(cell(r, `${m}_MEDI`) === '').toBe(avg);
      }
      const missing = requests.map((c) => cell(r, c) === '');
      expect(new Set(missing).size).toBe(1);
    }
  });

  it('formats numbers as the real files do and quotes values with commas', () => {
    const r = train[0] as string[];
    expect(cell(r, 'DAYS_BIRTH')).toMatch(/^-\d+$/);
    expect(cell(r, 'CNT_FAM_MEMBERS')).toMatch(/^\d+\.0$/);
    expect(cell(r, 'AMT_CREDIT')).toMatch(/^\d+\.\d+$/);
    const lines: string[] = [];
    for (let i = 0; i < N; i++)
      lines.push(generateApplication(i, i, false, new Random(11, i)).line);
    expect(lines.some((l) => l.includes('"Spouse, partner"') || l.includes('"Stone, brick"'))).toBe(
      true,
    );
  });

  it('gives test clients the test-like marginals (few revolving loans, EXT_SOURCE_1 less often missing)', () => {
    const test = rows(true);
    const share = (rs: string[][], f: (r: string[]) => boolean): number =>
      rs.filter(f).length / rs.length;
    const revolving = (r: string[]): boolean => cell(r, 'NAME_CONTRACT_TYPE') === 'Revolving loans';
    const ext1Missing = (r: string[]): boolean => cell(r, 'EXT_SOURCE_1') === '';
    expect(share(test, revolving)).toBeLessThan(0.03);
    expect(share(train, revolving)).toBeGreaterThan(0.06);
    expect(share(test, ext1Missing)).toBeLessThan(share(train, ext1Missing) - 0.06);
  });
});
