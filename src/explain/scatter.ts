/**
 * Two features of a group side by side, for a scatter with the client highlighted: at most `max`
 * points, drawn evenly (every n-th client in id order, so the same group always gives the same
 * points), each with its outcome; clients missing either value are left out.
 */
import { DataError } from '../data/errors.ts';
import type { Population } from './population.ts';

export interface Scatter {
  readonly x: string;
  readonly y: string;
  readonly xs: number[];
  readonly ys: number[];
  /** 0 repaid, 1 defaulted, null unknown (test client), same order. */
  readonly outcomes: (0 | 1 | null)[];
  /** Clients of the group with both values (before thinning). */
  readonly available: number;
  readonly client: { readonly x: number; readonly y: number } | null;
}

export function scatterOf(
  population: Population,
  x: string,
  y: string,
  options: { rows?: Int32Array; max?: number; clientId?: number } = {},
): Scatter {
  const cx = population.columns.get(x);
  const cy = population.columns.get(y);
  if (!cx) throw new DataError('UNKNOWN_FEATURE', { column: x });
  if (!cy) throw new DataError('UNKNOWN_FEATURE', { column: y });
  const max = Math.max(1, Math.floor(options.max ?? 2000));
  const size = options.rows ? options.rows.length : population.size;
  const usable: number[] = [];
  for (let i = 0; i < size; i++) {
    const r = options.rows ? (options.rows[i] as number) : i;
    if (!Number.isNaN(cx[r] as number) && !Number.isNaN(cy[r] as number)) usable.push(r);
  }
  const step = Math.max(1, usable.length / max);
  const xs: number[] = [];
  const ys: number[] = [];
  const outcomes: (0 | 1 | null)[] = [];
  for (let k = 0; k < usable.length && xs.length < max; k++) {
    const r = usable[Math.floor(k * step)];
    if (r === undefined) break;
    xs.push(cx[r] as number);
    ys.push(cy[r] as number);
    outcomes.push(population.isTrain[r] !== 1 ? null : population.target[r] === 1 ? 1 : 0);
  }
  let client: Scatter['client'] = null;
  if (options.clientId !== undefined) {
    const r = population.rowOf(options.clientId);
    if (r === undefined) {
      throw new DataError('UNKNOWN_CLIENT', { value: String(options.clientId) });
    }
    const vx = cx[r] as number;
    const vy = cy[r] as number;
    if (!Number.isNaN(vx) && !Number.isNaN(vy)) client = { x: vx, y: vy };
  }
  return { x, y, xs, ys, outcomes, available: usable.length, client };
}
