/**
 * What logistic regression needs before fitting: each column's missing values replaced by its
 * median, a 0/1 missing indicator for every column that had missing values, then every column
 * standardised (mean 0, population standard deviation 1). Constant columns carry no signal and are
 * dropped. All statistics come from the training rows only and are reused on new rows.
 */
import type { DenseMatrix } from '../../../engine/index.ts';

/** One column of the design matrix. */
export interface DesignColumn {
  /** Index of the source feature. */
  readonly source: number;
  /** 'value': the imputed value; 'missing': 1 when the source value is missing. */
  readonly kind: 'value' | 'missing';
  /** Value put in place of missing values ('value' columns). */
  readonly fill: number;
  readonly mean: number;
  readonly scale: number;
}

export interface Preprocessor {
  readonly numSourceColumns: number;
  readonly columns: readonly DesignColumn[];
}

function median(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const mid = n >> 1;
  return n % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Mean and population standard deviation of a column after `map`. */
function moments(values: Float64Array, from: number, n: number, map: (v: number) => number) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += map(values[from + i] as number);
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const dv = map(values[from + i] as number) - mean;
    squares += dv * dv;
  }
  return { mean, std: Math.sqrt(squares / n) };
}

/** Learns the preprocessing from column-major training features. */
export function fitPreprocessor(features: DenseMatrix): Preprocessor {
  if (features.layout !== 'column-major')
    throw new Error('logistic regression expects column-major features');
  const { numRows: n, numCols, values } = features;
  const columns: DesignColumn[] = [];
  const indicators: DesignColumn[] = [];
  const buffer = new Float64Array(n);
  for (let c = 0; c < numCols; c++) {
    const from = c * n;
    let present = 0;
    for (let i = 0; i < n; i++) {
      const v = values[from + i] as number;
      if (!Number.isNaN(v)) buffer[present++] = v;
    }
    const fill = median(buffer.subarray(0, present).sort());
    const value = moments(values, from, n, (v) => (Number.isNaN(v) ? fill : v));
    // A relative floor: a column whose spread is rounding noise counts as constant.
    if (value.std > 1e-12 * Math.max(1, Math.abs(value.mean))) {
      columns.push({ source: c, kind: 'value', fill, mean: value.mean, scale: value.std });
    }
    if (present < n && present > 0) {
      const missing = moments(values, from, n, (v) => (Number.isNaN(v) ? 1 : 0));
      indicators.push({
        source: c,
        kind: 'missing',
        fill: 0,
        mean: missing.mean,
        scale: missing.std,
      });
    }
  }
  return { numSourceColumns: numCols, columns: [...columns, ...indicators] };
}

/** The standardised design matrix of `features`, column-major (numRows × columns.length). */
export function transform(pre: Preprocessor, features: DenseMatrix): Float64Array {
  if (features.numCols !== pre.numSourceColumns) {
    throw new Error(`expected ${pre.numSourceColumns} feature columns, got ${features.numCols}`);
  }
  const n = features.numRows;
  const colStride = features.layout === 'column-major' ? n : 1;
  const rowStride = features.layout === 'column-major' ? 1 : features.numCols;
  const out = new Float64Array(n * pre.columns.length);
  pre.columns.forEach((column, j) => {
    const base = column.source * colStride;
    const to = j * n;
    const inv = 1 / column.scale;
    if (column.kind === 'value') {
      for (let i = 0; i < n; i++) {
        const v = features.values[base + i * rowStride] as number;
        out[to + i] = ((Number.isNaN(v) ? column.fill : v) - column.mean) * inv;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = features.values[base + i * rowStride] as number;
        out[to + i] = ((Number.isNaN(v) ? 1 : 0) - column.mean) * inv;
      }
    }
  });
  return out;
}
