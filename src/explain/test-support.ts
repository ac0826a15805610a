/**
 * Test helpers of src/explain: a seeded random source, a synthetic population and a small engine
 * model trained on synthetic rows whose columns carry real feature-table names; the loan and
 * income changes of the monotone property test (and its benchmark).
 */
import type { RawApplication } from '../data/features/application-input.ts';
import { denseMatrix, type Model, train } from '../engine/index.ts';
import { type Population, populationOf } from './population.ts';

/** Mulberry32: a small seeded generator, uniform in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Names used by the synthetic rows: numbers, a flag and one categorical's one-hot columns. */
export const SYNTHETIC_FEATURES = [
  'EXT_SOURCE_2',
  'AMT_CREDIT',
  'DAYS_BIRTH',
  'FLAG_PHONE',
  'NAME_INCOME_TYPE__WORKING',
  'NAME_INCOME_TYPE__PENSIONER',
  'NAME_INCOME_TYPE__COMMERCIAL_ASSOCIATE',
] as const;

/** n synthetic clients: values, a label that depends on them, 1 in 5 without outcome (test). */
export function syntheticPopulation(n: number, seed: number): Population {
  const rand = seeded(seed);
  const columns = new Map<string, Float64Array>(
    SYNTHETIC_FEATURES.map((f) => [f, new Float64Array(n)]),
  );
  const col = (name: string) => columns.get(name) as Float64Array;
  const ids = new Float64Array(n);
  const isTrain = new Uint8Array(n);
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = 100000 + i * 3;
    const ext = rand() < 0.1 ? Number.NaN : rand();
    const credit = Math.round(50000 + rand() * 950000);
    const days = -Math.round(6570 + rand() * 18000);
    const type = Math.floor(rand() * 4); // 3 = missing category: all zeros
    col('EXT_SOURCE_2')[i] = ext;
    col('AMT_CREDIT')[i] = credit;
    col('DAYS_BIRTH')[i] = days;
    col('FLAG_PHONE')[i] = rand() < 0.35 ? 1 : 0;
    col('NAME_INCOME_TYPE__WORKING')[i] = type === 0 ? 1 : 0;
    col('NAME_INCOME_TYPE__PENSIONER')[i] = type === 1 ? 1 : 0;
    col('NAME_INCOME_TYPE__COMMERCIAL_ASSOCIATE')[i] = type === 2 ? 1 : 0;
    const logit =
      -2 -
      3 * ((Number.isNaN(ext) ? 0.5 : ext) - 0.5) +
      credit / 500000 +
      (type === 0 ? 0.5 : 0) +
      days / 20000;
    const label = rand() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    isTrain[i] = rand() < 0.8 ? 1 : 0;
    target[i] = isTrain[i] === 1 ? label : Number.NaN;
  }
  return populationOf({ ids, isTrain, target, columns });
}

/** A small engine model trained on a synthetic population's train clients. */
export function syntheticModel(population: Population): Model {
  const rows: number[] = [];
  for (let r = 0; r < population.size; r++) if (population.isTrain[r] === 1) rows.push(r);
  const names = [...SYNTHETIC_FEATURES];
  const values = new Float64Array(rows.length * names.length);
  rows.forEach((r, i) => {
    names.forEach((name, j) => {
      values[i * names.length + j] = population.columns.get(name)?.[r] as number;
    });
  });
  return train(
    {
      features: denseMatrix(values, rows.length, names.length, 'row-major'),
      labels: rows.map((r) => population.target[r] as number),
    },
    { params: { numRounds: 20, eta: 0.3, maxDepth: 3 }, featureNames: names },
  );
}

/** Row r of the population in the given feature order. */
export function populationRow(
  population: Population,
  names: readonly string[],
  r: number,
): Float64Array {
  return Float64Array.from(names, (n) => population.columns.get(n)?.[r] as number);
}

const amountOf = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * A smaller request by the loan rule of src/explain/loan-terms.ts, unrounded: the amount times
 * `factor`, the term (AMT_CREDIT / AMT_ANNUITY) kept so the instalment is recomputed, and the
 * goods price following the amount (the share financed kept) or, unlocked, staying. (withLoanRule
 * rounds to the cent, which moves the term by a hair: BENCHMARKS.md.) `'instalment'` keeps the
 * instalment instead (the term shrinks): what the what-if did before the rule.
 */
export function lessMoney(
  a: RawApplication,
  factor: number,
  goods: 'follows' | 'stays',
  keep: 'term' | 'instalment' = 'term',
): RawApplication {
  const credit = amountOf(a.AMT_CREDIT);
  const annuity = amountOf(a.AMT_ANNUITY);
  const price = amountOf(a.AMT_GOODS_PRICE);
  if (credit === null) return a;
  const amount = credit * factor;
  return {
    ...a,
    AMT_CREDIT: amount,
    AMT_ANNUITY:
      keep === 'instalment' || annuity === null || annuity === 0
        ? annuity
        : amount / (credit / annuity),
    AMT_GOODS_PRICE: price !== null && goods === 'follows' ? price * factor : price,
  };
}

/** The same application with the annual income times `factor`. */
export function moreIncome(a: RawApplication, factor: number): RawApplication {
  const income = amountOf(a.AMT_INCOME_TOTAL);
  return income === null ? a : { ...a, AMT_INCOME_TOTAL: income * factor };
}
