/**
 * Cheap cell formatting for the history hot loops. Same output as csv-format.ts (Python repr of
 * float64 amounts, plain integers), without its null checks and regexes: the callers know which
 * cells are present.
 */
import type { WeightedValues } from '../../value-sets.ts';
import { textCell } from '../csv-format.ts';
import { WeightedChoice } from '../random.ts';

/** An amount rounded to cents, written as a float ("1500.0", "6948.36"). */
export function money(value: number): string {
  const r = Math.round(value * 100) / 100;
  return r % 1 === 0 ? `${r}.0` : `${r}`;
}

/** A whole number in a float column ("-1234.0"). */
export function wholeFloat(value: number): string {
  return `${value}.0`;
}

/** A rate in [0, 1] rounded to 6 digits, as a float. */
export function rate(value: number): string {
  const r = Math.round(value * 1e6) / 1e6;
  return r % 1 === 0 ? `${r}.0` : `${r}`;
}

/** Weighted choice over already quoted cells, so hot loops never format categories. */
export function cellChoice(values: WeightedValues): WeightedChoice<string> {
  return new WeightedChoice(values.map(([v, w]) => [textCell(v), w] as const));
}

/** The month (MONTHS_BALANCE) holding a day relative to the application: days −30..−1 → −1. */
export function monthOf(day: number): number {
  return Math.floor(day / 30.4375);
}
