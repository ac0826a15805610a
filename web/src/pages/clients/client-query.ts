/**
 * The search page's state in the URL (/clients?decision=refuse&page=2): filters, sort and page, so
 * back/forward, a reload and a pasted link show the same list. Parameter names are the API's
 * (GET /api/clients), so the URL's query is the request's query. A hand-edited value the API would
 * refuse is dropped here rather than turned into an error page.
 */

export interface ClientQuery {
  /** Digits: an identifier or its beginning. */
  search?: string;
  contractType?: string;
  gender?: string;
  incomeType?: string;
  ageMin?: number;
  ageMax?: number;
  decision?: 'grant' | 'refuse';
  pointsMin?: number;
  pointsMax?: number;
  /** A column key, "-" first for descending; "id" when absent. */
  sort?: string;
  /** From 1; 1 when absent. */
  page?: number;
}

export type FilterKey = Exclude<keyof ClientQuery, 'sort' | 'page'>;

/** The application column whose values each category filter takes (GET /api/categories). */
export const FILTER_COLUMNS = {
  contractType: 'NAME_CONTRACT_TYPE',
  gender: 'CODE_GENDER',
  incomeType: 'NAME_INCOME_TYPE',
} as const;

/** Whether a column takes a value (the category lookup's, once the API has listed them). */
export type Accepts = (column: string, value: string) => boolean;

/** Columns the list can be sorted by (the API's SORT_KEYS this page offers). */
export const SORTABLE = ['id', 'age', 'contractType', 'income', 'credit', 'probability', 'points'];

export const PAGE_SIZE = 20;

/** Limits of the numeric filters, the API's. */
export const LIMITS = {
  age: { min: 0, max: 120 },
  points: { min: -10_000, max: 10_000 },
} as const;

function oneOf(value: string | null, allowed: readonly string[]): string | undefined {
  return value !== null && allowed.includes(value) ? value : undefined;
}

function integerIn(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^-?\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/** The state in a query string; category values are kept when `accepts` takes them. */
export function parseClientQuery(search: string, accepts: Accepts): ClientQuery {
  const p = new URLSearchParams(search);
  const category = (key: keyof typeof FILTER_COLUMNS) => {
    const value = p.get(key);
    return value !== null && value !== '' && accepts(FILTER_COLUMNS[key], value)
      ? value
      : undefined;
  };
  const q: ClientQuery = {
    search: /^\d{1,9}$/.test(p.get('search') ?? '') ? (p.get('search') as string) : undefined,
    contractType: category('contractType'),
    gender: category('gender'),
    incomeType: category('incomeType'),
    ageMin: integerIn(p.get('ageMin'), LIMITS.age.min, LIMITS.age.max),
    ageMax: integerIn(p.get('ageMax'), LIMITS.age.min, LIMITS.age.max),
    decision: oneOf(p.get('decision'), ['grant', 'refuse']) as ClientQuery['decision'],
    pointsMin: integerIn(p.get('pointsMin'), LIMITS.points.min, LIMITS.points.max),
    pointsMax: integerIn(p.get('pointsMax'), LIMITS.points.min, LIMITS.points.max),
    sort: oneOf(
      p.get('sort'),
      SORTABLE.flatMap((k) => [k, `-${k}`]),
    ),
    page: integerIn(p.get('page'), 1, 1_000_000),
  };
  // Crossed ranges would be refused by the API: keep the lower bound only.
  if (q.ageMin !== undefined && q.ageMax !== undefined && q.ageMin > q.ageMax) q.ageMax = undefined;
  if (q.pointsMin !== undefined && q.pointsMax !== undefined && q.pointsMin > q.pointsMax) {
    q.pointsMax = undefined;
  }
  return q;
}

/** The query string of a state, defaults left out ("" for the plain list), keys in a fixed order. */
export function clientQueryString(q: ClientQuery): string {
  const p = new URLSearchParams();
  const keys: (keyof ClientQuery)[] = [
    'search',
    'contractType',
    'gender',
    'incomeType',
    'ageMin',
    'ageMax',
    'decision',
    'pointsMin',
    'pointsMax',
    'sort',
    'page',
  ];
  for (const key of keys) {
    const value = q[key];
    if (value === undefined || value === '') continue;
    if (key === 'sort' && value === 'id') continue;
    if (key === 'page' && value === 1) continue;
    p.set(key, String(value));
  }
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** The state after changing one filter: back to the first page, since the old one may not exist. */
export function withFilter(q: ClientQuery, key: FilterKey, value: string | number | undefined) {
  return { ...q, [key]: value === '' ? undefined : value, page: undefined };
}

/** The state after a click on a column header: ascending first, then descending, page 1. */
export function withSort(q: ClientQuery, column: string): ClientQuery {
  const sort = q.sort ?? 'id';
  return { ...q, sort: sort === column ? `-${column}` : column, page: undefined };
}

/** The API path of the list for a state. */
export function clientListPath(q: ClientQuery): `/api/clients?${string}` {
  const { page, sort, ...filters } = q;
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') p.set(key, String(value));
  }
  p.set('page', String(page ?? 1));
  p.set('pageSize', String(PAGE_SIZE));
  p.set('sort', sort ?? 'id');
  return `/api/clients?${p.toString()}`;
}
