import { ModelError } from '../errors.ts';
import { isMissingCell, parseNumberCell } from './cells.ts';

/** A feature column is numeric when every non-missing cell is a finite number, else categorical. */
export type ColumnKind = 'numeric' | 'categorical';

/** How one CSV column becomes one feature. */
export interface ColumnEncoding {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Categorical only: the distinct values, sorted; value categories[k] is encoded as k. */
  readonly categories?: readonly string[];
}

/** How the training target was read. */
export interface TargetEncoding {
  readonly column: string;
  /** Binary targets: the label read as 1 and the one read as 0; null for a numeric target. */
  readonly positive: string | null;
  readonly negative: string | null;
}

/**
 * Everything needed to turn a CSV file into the model's feature matrix again, stored in the
 * model file (Model.encoding) so that fit, predict and explain encode alike.
 */
export interface TabularEncoding {
  readonly format: 'creditlens-tabular';
  readonly version: 1;
  /** Feature columns in the model's feature order. */
  readonly columns: readonly ColumnEncoding[];
  readonly idColumn: string | null;
  readonly target: TargetEncoding;
}

/** Turns one cell of a column into its feature value; `line` is for error messages. */
export type CellEncoder = (cell: string, line: number) => number;

/** Numbers as they are, missing cells as NaN; text throws a ModelError naming where it is. */
export function numericEncoder(file: string, column: string): CellEncoder {
  return (cell, line) => {
    if (isMissingCell(cell)) return Number.NaN;
    const value = parseNumberCell(cell);
    if (value === undefined) {
      throw new ModelError('NOT_A_NUMBER', {
        file,
        line,
        column,
        value: cell,
        why: 'the model reads this column as numeric',
      });
    }
    return value;
  };
}

/** Categories recorded at training as their codes; missing cells and unseen categories NaN. */
export function categoryEncoder(categories: readonly string[]): CellEncoder {
  const codes = new Map<string, number>();
  categories.forEach((value, k) => {
    codes.set(value, k);
  });
  return (cell) => codes.get(cell.trim()) ?? Number.NaN;
}

/** The encoder of a recorded column. */
export function columnEncoder(file: string, column: ColumnEncoding): CellEncoder {
  return column.kind === 'categorical'
    ? categoryEncoder(column.categories ?? [])
    : numericEncoder(file, column.name);
}

/**
 * Learns a categorical column in one pass: cells get provisional codes in order of first
 * appearance, then `finish` sorts the categories (so codes do not depend on row order) and
 * rewrites the provisional codes in place.
 */
export class CategoryCollector {
  private readonly provisional = new Map<string, number>();

  readonly encode: CellEncoder = (cell) => {
    if (isMissingCell(cell)) return Number.NaN;
    const value = cell.trim();
    let code = this.provisional.get(value);
    if (code === undefined) {
      code = this.provisional.size;
      this.provisional.set(value, code);
    }
    return code;
  };

  /** Sorted categories; `values[offset .. offset + numRows)` recoded to match them. */
  finish(values: Float64Array, offset: number, numRows: number): string[] {
    const categories = [...this.provisional.keys()].sort();
    const remap = new Float64Array(categories.length);
    categories.forEach((value, k) => {
      remap[this.provisional.get(value) as number] = k;
    });
    for (let r = offset; r < offset + numRows; r++) {
      const code = values[r] as number;
      if (!Number.isNaN(code)) values[r] = remap[code] as number;
    }
    return categories;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/**
 * Checks a model file's `encoding` object and returns it typed; undefined when the model has
 * none (XGBoost models, models trained from the library). A malformed one throws a ModelError.
 */
export function readTabularEncoding(
  value: unknown,
  featureNames: readonly string[],
): TabularEncoding | undefined {
  if (value === undefined) return undefined;
  const bad = (detail: string) => new ModelError('BAD_COLUMN_ENCODING', { detail });
  if (!isRecord(value) || value.format !== 'creditlens-tabular' || value.version !== 1) {
    throw bad('expected format "creditlens-tabular" version 1');
  }
  const { columns, idColumn, target } = value;
  if (!Array.isArray(columns) || columns.length !== featureNames.length) {
    throw bad(`expected ${featureNames.length} columns`);
  }
  columns.forEach((column: unknown, i) => {
    if (!isRecord(column) || column.name !== featureNames[i]) {
      throw bad(`column ${i} should be "${featureNames[i]}"`);
    }
    const ok =
      column.kind === 'numeric' ||
      (column.kind === 'categorical' &&
        Array.isArray(column.categories) &&
        column.categories.every((c: unknown) => typeof c === 'string'));
    if (!ok) throw bad(`column "${column.name}" has a bad kind or category list`);
  });
  if (!isStringOrNull(idColumn)) throw bad('idColumn must be a string or null');
  if (
    !isRecord(target) ||
    typeof target.column !== 'string' ||
    !isStringOrNull(target.positive) ||
    !isStringOrNull(target.negative)
  ) {
    throw bad('target must name its column and labels');
  }
  return value as unknown as TabularEncoding;
}
