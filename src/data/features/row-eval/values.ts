/**
 * SQL values of one row as the evaluator holds them, and the DuckDB semantics it must copy: the
 * static types, DOUBLE ordering (NaN equals NaN and sorts above every number), casts that round
 * half to even and check ranges, and the list aggregates (plain left-to-right sums, Welford's
 * variance, first of equal extremes), each checked against DuckDB in application.test.ts.
 */

/** The static types the evaluator tracks. DECIMAL is only a literal such as 365.25. */
export type SqlType = 'DOUBLE' | 'INTEGER' | 'BIGINT' | 'DECIMAL' | 'BOOLEAN' | 'VARCHAR' | 'NULL';

/** A value: DOUBLE / INTEGER / BIGINT / DECIMAL as number, BOOLEAN as boolean, NULL as null. */
export type Value = number | string | boolean | null;

/** Raised while evaluating a row where DuckDB raises too (overflow, out-of-range cast). */
export class RowEvalError extends RangeError {
  override readonly name = 'RowEvalError';
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function isNumeric(type: SqlType): boolean {
  return type === 'DOUBLE' || type === 'INTEGER' || type === 'BIGINT' || type === 'DECIMAL';
}

/** DOUBLE equality as DuckDB has it: NaN = NaN. */
export function numberEquals(x: number, y: number): boolean {
  return x === y || (Number.isNaN(x) && Number.isNaN(y));
}

/** DOUBLE order as DuckDB has it: NaN above every number (and equal to itself). */
export function numberLess(x: number, y: number): boolean {
  if (Number.isNaN(y)) return !Number.isNaN(x);
  return x < y;
}

/** Round half to even, as DuckDB's DOUBLE → integer casts do (2.5 → 2, 3.5 → 4). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** A number as INTEGER (int32), or the error DuckDB raises. */
export function toInt32(x: number, where: string): number {
  const r = roundHalfEven(x);
  if (!(r >= INT32_MIN && r <= INT32_MAX)) {
    throw new RowEvalError(`${where}: ${x} is out of range for INTEGER`);
  }
  return r;
}

/** A number as BIGINT, exact only up to 2^53: beyond, the evaluator refuses rather than round. */
export function toSafeInteger(x: number, where: string): number {
  const r = roundHalfEven(x);
  if (!Number.isSafeInteger(r)) {
    throw new RowEvalError(`${where}: ${x} is beyond the integers the evaluator holds exactly`);
  }
  return r;
}

/** INTEGER arithmetic result, or DuckDB's overflow error. */
export function checkInt32(r: number, where: string): number {
  if (r < INT32_MIN || r > INT32_MAX) throw new RowEvalError(`${where}: INTEGER overflow (${r})`);
  return r;
}

/** The non-null numbers of a list. */
function present(items: readonly Value[]): number[] {
  const out: number[] = [];
  for (const v of items) if (v !== null) out.push(v as number);
  return out;
}

/** list_avg: the plain left-to-right sum over the count of non-null items (NULL when none). */
export function listAvg(items: readonly Value[]): number | null {
  const xs = present(items);
  if (xs.length === 0) return null;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** list_min / list_max: the first of equal extremes wins (-0 before 0 stays -0). */
export function listExtreme(items: readonly Value[], max: boolean): number | null {
  let best: number | null = null;
  for (const v of items) {
    if (v === null) continue;
    const x = v as number;
    if (best === null || (max ? numberLess(best, x) : numberLess(x, best))) best = x;
  }
  return best;
}

/** list_stddev_pop: Welford's streaming update, as DuckDB's STDDEV_POP; errors when not finite. */
export function listStddevPop(items: readonly Value[], where: string): number | null {
  let count = 0;
  let mean = 0;
  let squares = 0;
  for (const v of items) {
    if (v === null) continue;
    const x = v as number;
    count++;
    const delta = x - mean;
    const next = mean + delta / count;
    squares += (x - next) * delta;
    mean = next;
  }
  if (count === 0) return null;
  const result = count > 1 ? Math.sqrt(squares / count) : 0;
  if (!Number.isFinite(result)) throw new RowEvalError(`${where}: STDDEV_POP is out of range`);
  return result;
}
