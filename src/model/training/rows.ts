/** Row subsets of column-major matrices and of per-row arrays (folds, holdout). */
import type { DenseMatrix } from '../../engine/index.ts';

/** The rows `rows` of a column-major matrix, as a new column-major matrix. */
export function takeRows(matrix: DenseMatrix, rows: Int32Array): DenseMatrix {
  if (matrix.layout !== 'column-major') throw new Error('takeRows expects a column-major matrix');
  const { numRows, numCols, values } = matrix;
  const n = rows.length;
  const out = new Float64Array(n * numCols);
  for (let c = 0; c < numCols; c++) {
    const from = c * numRows;
    const to = c * n;
    for (let i = 0; i < n; i++) out[to + i] = values[from + (rows[i] as number)] as number;
  }
  return { values: out, numRows: n, numCols, layout: 'column-major' };
}

/** The entries `rows` of a numeric array. */
export function takeValues(values: ArrayLike<number>, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i] as number] as number;
  return out;
}

/** The entries `rows` of any array. */
export function takeItems<T>(items: readonly T[], rows: Int32Array): T[] {
  return Array.from(rows, (r) => items[r] as T);
}
