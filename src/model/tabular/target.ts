import { ModelError } from '../errors.ts';
import { parseNumberCell } from './cells.ts';

/** The two classes of a binary target and how a cell maps to 1 (positive) or 0. */
export interface BinaryClasses {
  readonly positive: string;
  readonly negative: string;
  /** 1 for the positive label, else 0 (cells are non-missing labels of the target). */
  readonly label: (cell: string) => number;
}

/**
 * The classes of a binary target from its distinct (trimmed) labels: exactly two, "1" and "1.0"
 * counting as one. The positive label is `positive` when given, else "1" when the labels are 0
 * and 1, else the lexicographically larger. Other than two classes, or a `positive` that is not
 * one of them, throws a ModelError naming the labels found.
 */
export function binaryClasses(
  file: string,
  column: string,
  distinct: ReadonlySet<string>,
  positive?: string,
): BinaryClasses {
  const allNumeric = [...distinct].every((label) => parseNumberCell(label) !== undefined);
  const key = (label: string): string =>
    allNumeric ? String(parseNumberCell(label) as number) : label;
  const classes = [...new Set([...distinct].map(key))].sort((a, b) =>
    allNumeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0,
  );
  if (classes.length !== 2) {
    const shown = classes.slice(0, 10).map((c) => `"${c}"`);
    throw new ModelError('BAD_TARGET', {
      file,
      column,
      count: classes.length,
      labels: `${shown.join(', ')}${classes.length > 10 ? ', …' : ''}`,
    });
  }
  let pos = classes[1] as string;
  if (positive !== undefined) {
    const wanted =
      allNumeric && parseNumberCell(positive) !== undefined
        ? key(positive.trim())
        : positive.trim();
    if (!classes.includes(wanted)) {
      throw new ModelError('UNKNOWN_POSITIVE', {
        file,
        column,
        value: positive,
        labels: classes.map((c) => `"${c}"`).join(' and '),
      });
    }
    pos = wanted;
  }
  const negative = classes[0] === pos ? (classes[1] as string) : (classes[0] as string);
  return { positive: pos, negative, label: (cell) => (key(cell.trim()) === pos ? 1 : 0) };
}

/** A regression target cell as a number; text throws a ModelError naming where it is. */
export function numericTarget(file: string, column: string, cell: string, line: number): number {
  const value = parseNumberCell(cell);
  if (value === undefined) {
    throw new ModelError('NOT_A_NUMBER', {
      file,
      line,
      column,
      value: cell,
      why: 'the target of a regression',
    });
  }
  return value;
}
