/**
 * The paged client list, filtered in memory over the feature cache and the scores: the row order
 * of each sort is computed once (the data is fixed while the server runs), then a request is one
 * pass over it, so the score filters (decision, points) cost what the application ones do.
 */
import type { ScoreBand } from '../../model/run-record.ts';
import type { clientSummarySchema } from '../contract/clients.ts';
import type { Infer } from '../contract/typed.ts';
import type { FeatureCache } from './feature-cache.ts';

/** Sort keys the list accepts; a leading "-" sorts descending. */
export const SORT_KEYS = [
  'id',
  'age',
  'income',
  'credit',
  'annuity',
  'contractType',
  'incomeType',
  'points',
  'probability',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_VALUES: readonly string[] = SORT_KEYS.flatMap((k) => [k, `-${k}`]);

export interface ClientFilters {
  /** Digits: an exact SK_ID_CURR or a prefix of one. */
  search?: string;
  contractType?: string;
  gender?: string;
  incomeType?: string;
  /** Age in whole years, inclusive. */
  ageMin?: number;
  ageMax?: number;
  /** Needs scores: the model's decision. */
  decision?: 'grant' | 'refuse';
  /** Needs scores: points, inclusive. */
  pointsMin?: number;
  pointsMax?: number;
  /** Restricts the list to one client (the customer role). */
  onlyId?: number;
}

export interface ClientListQuery extends ClientFilters {
  page: number;
  pageSize: number;
  sort: string;
  /** Rows skipped before the page, instead of (page - 1) × pageSize (the new applicants come first). */
  offset?: number;
}

/** Scores by cache row (the score table is built in the same row order). */
export interface RowScores {
  probabilityAt(row: number): number;
  pointsAt(row: number): number;
  decisionAt(row: number): 'grant' | 'refuse';
  /** The risk band's name (excellent, good, fair: granted; high, poor: refused). */
  bandAt(row: number): ScoreBand['name'];
}

/** One row of the list: the ClientSummary component of the contract. */
export type ClientSummary = Infer<typeof clientSummarySchema>;

const EMPTY = new Float64Array(0);

function finite(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? v : null;
}

/** Row orders per sort, computed once: the data never changes while the server runs. */
const orders = new WeakMap<object, Map<string, Int32Array>>();

function compareRows(
  cache: FeatureCache,
  scores: RowScores | null,
  sort: string,
): (a: number, b: number) => number {
  const ids = cache.ids;
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as SortKey;
  const sign = descending ? -1 : 1;
  const byId = (a: number, b: number) => (ids[a] as number) - (ids[b] as number);
  const numeric = numericKeys(cache, scores)[key];
  if (numeric) {
    // Missing values last in either direction; ties by id.
    return (a, b) => {
      const x = numeric(a);
      const y = numeric(b);
      const xMissing = Number.isNaN(x);
      const yMissing = Number.isNaN(y);
      if (xMissing || yMissing) return xMissing === yMissing ? byId(a, b) : xMissing ? 1 : -1;
      return x === y ? byId(a, b) : sign * (x - y);
    };
  }
  const at = cache.categoricalNames.indexOf(
    key === 'contractType' ? 'NAME_CONTRACT_TYPE' : 'NAME_INCOME_TYPE',
  );
  return (a, b) => {
    const x = cache.categoriesOf(a)[at] ?? null;
    const y = cache.categoriesOf(b)[at] ?? null;
    if (x === null || y === null) return x === y ? byId(a, b) : x === null ? 1 : -1;
    return x === y ? byId(a, b) : sign * (x < y ? -1 : 1);
  };
}

function numericKeys(
  cache: FeatureCache,
  scores: RowScores | null,
): Partial<Record<SortKey, (r: number) => number>> {
  const ids = cache.ids;
  const birth = cache.column('DAYS_BIRTH') ?? EMPTY;
  const income = cache.column('AMT_INCOME_TOTAL') ?? EMPTY;
  const credit = cache.column('AMT_CREDIT') ?? EMPTY;
  const annuity = cache.column('AMT_ANNUITY') ?? EMPTY;
  return {
    id: (r) => ids[r] as number,
    age: (r) => Math.floor(-(birth[r] ?? Number.NaN) / 365.25),
    income: (r) => income[r] ?? Number.NaN,
    credit: (r) => credit[r] ?? Number.NaN,
    annuity: (r) => annuity[r] ?? Number.NaN,
    points: (r) => (scores ? scores.pointsAt(r) : Number.NaN),
    probability: (r) => (scores ? scores.probabilityAt(r) : Number.NaN),
  };
}

/** Every row in the order of `sort`, memoised per cache (and per score table for score keys). */
function sortedRows(cache: FeatureCache, scores: RowScores | null, sort: string): Int32Array {
  const key = sort.replace(/^-/, '');
  const owner: object = (key === 'points' || key === 'probability') && scores ? scores : cache;
  let memo = orders.get(owner);
  if (!memo) {
    memo = new Map();
    orders.set(owner, memo);
  }
  let order = memo.get(sort);
  if (!order) {
    const rows = Array.from({ length: cache.size }, (_, i) => i);
    rows.sort(compareRows(cache, scores, sort));
    order = Int32Array.from(rows);
    memo.set(sort, order);
  }
  return order;
}

/** A predicate on cache rows: true when the row passes every filter of `q`. */
export function rowFilter(
  cache: FeatureCache,
  scores: RowScores | null,
  q: ClientFilters,
): (row: number) => boolean {
  const ids = cache.ids;
  const birth = cache.column('DAYS_BIRTH') ?? EMPTY;
  const contractAt = cache.categoricalNames.indexOf('NAME_CONTRACT_TYPE');
  const genderAt = cache.categoricalNames.indexOf('CODE_GENDER');
  const incomeTypeAt = cache.categoricalNames.indexOf('NAME_INCOME_TYPE');
  const ageOf = (r: number) => Math.floor(-(birth[r] ?? Number.NaN) / 365.25);
  const usesScores =
    q.decision !== undefined || q.pointsMin !== undefined || q.pointsMax !== undefined;

  const matches = (r: number): boolean => {
    const id = ids[r] as number;
    if (q.onlyId !== undefined && id !== q.onlyId) return false;
    if (q.search && !String(id).startsWith(q.search)) return false;
    const cats = cache.categoriesOf(r);
    if (q.contractType !== undefined && cats[contractAt] !== q.contractType) return false;
    if (q.gender !== undefined && cats[genderAt] !== q.gender) return false;
    if (q.incomeType !== undefined && cats[incomeTypeAt] !== q.incomeType) return false;
    if (q.ageMin !== undefined || q.ageMax !== undefined) {
      const age = ageOf(r);
      if (!Number.isFinite(age)) return false;
      if (q.ageMin !== undefined && age < q.ageMin) return false;
      if (q.ageMax !== undefined && age > q.ageMax) return false;
    }
    if (usesScores) {
      if (!scores) return false;
      if (q.decision !== undefined && scores.decisionAt(r) !== q.decision) return false;
      const points = scores.pointsAt(r);
      if (q.pointsMin !== undefined && points < q.pointsMin) return false;
      if (q.pointsMax !== undefined && points > q.pointsMax) return false;
    }
    return true;
  };
  return matches;
}

/** The cache rows (in id order) that pass every filter: a group for the comparison routes. */
export function filteredRows(
  cache: FeatureCache,
  scores: RowScores | null,
  q: ClientFilters,
): Int32Array {
  const matches = rowFilter(cache, scores, q);
  const rows: number[] = [];
  for (let r = 0; r < cache.size; r++) if (matches(r)) rows.push(r);
  return Int32Array.from(rows);
}

export function listClients(
  cache: FeatureCache,
  scores: RowScores | null,
  q: ClientListQuery,
): { total: number; clients: ClientSummary[] } {
  const ids = cache.ids;
  const birth = cache.column('DAYS_BIRTH') ?? EMPTY;
  const income = cache.column('AMT_INCOME_TOTAL') ?? EMPTY;
  const credit = cache.column('AMT_CREDIT') ?? EMPTY;
  const annuity = cache.column('AMT_ANNUITY') ?? EMPTY;
  const contractAt = cache.categoricalNames.indexOf('NAME_CONTRACT_TYPE');
  const genderAt = cache.categoricalNames.indexOf('CODE_GENDER');
  const incomeTypeAt = cache.categoricalNames.indexOf('NAME_INCOME_TYPE');
  const ageOf = (r: number) => Math.floor(-(birth[r] ?? Number.NaN) / 365.25);
  const matches = rowFilter(cache, scores, q);

  // Walk the presorted order once: count every match, keep the page's rows.
  const start = q.offset ?? (q.page - 1) * q.pageSize;
  const page: number[] = [];
  let total = 0;
  for (const r of sortedRows(cache, scores, q.sort)) {
    if (!matches(r)) continue;
    if (total >= start && page.length < q.pageSize) page.push(r);
    total++;
  }

  const clients = page.map((r): ClientSummary => {
    const cats = cache.categoriesOf(r);
    return {
      id: ids[r] as number,
      split: cache.isTrain(r) ? 'train' : 'test',
      contractType: cats[contractAt] ?? null,
      gender: cats[genderAt] ?? null,
      incomeType: cats[incomeTypeAt] ?? null,
      age: finite(ageOf(r)),
      income: finite(income[r]),
      credit: finite(credit[r]),
      annuity: finite(annuity[r]),
      probability: scores ? scores.probabilityAt(r) : null,
      points: scores ? scores.pointsAt(r) : null,
      decision: scores ? scores.decisionAt(r) : null,
      band: scores ? scores.bandAt(r) : null,
      // Filled by the route from the audit trail (decisions/latest.ts).
      finalDecision: null,
    };
  });
  return { total, clients };
}
