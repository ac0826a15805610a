import { EngineError } from './errors.ts';

/** How a dense matrix is laid out in its Float64Array. */
export type Layout = 'row-major' | 'column-major';

/**
 * A dense matrix of feature values, NaN for missing. Row-major suits one request at a time,
 * column-major suits training and batch scoring (one feature's values are contiguous).
 */
export interface DenseMatrix {
  readonly values: Float64Array;
  readonly numRows: number;
  readonly numCols: number;
  readonly layout: Layout;
}

/** Wraps a Float64Array as a matrix, checking that its length matches the shape. */
export function denseMatrix(
  values: Float64Array,
  numRows: number,
  numCols: number,
  layout: Layout,
): DenseMatrix {
  if (!Number.isInteger(numRows) || !Number.isInteger(numCols) || numRows < 0 || numCols < 0) {
    throw new EngineError('BAD_MATRIX_SHAPE', { numRows, numCols });
  }
  if (values.length !== numRows * numCols) {
    throw new EngineError('MATRIX_SIZE', {
      count: values.length,
      numRows,
      numCols,
      expected: numRows * numCols,
    });
  }
  return { values, numRows, numCols, layout };
}

/**
 * An all-zero matrix whose values live in shared memory: the prediction workers read it in place
 * instead of copying it slab by slab (fill it, then predict), so large batches should be built
 * with it.
 */
export function sharedDenseMatrix(numRows: number, numCols: number, layout: Layout): DenseMatrix {
  if (!Number.isInteger(numRows) || !Number.isInteger(numCols) || numRows < 0 || numCols < 0) {
    throw new EngineError('BAD_MATRIX_SHAPE', { numRows, numCols });
  }
  const values = new Float64Array(new SharedArrayBuffer(8 * numRows * numCols));
  return { values, numRows, numCols, layout };
}

/** Whether the matrix's values are in shared memory (worker threads can read them in place). */
export function isSharedMatrix(matrix: DenseMatrix): boolean {
  return matrix.values.buffer instanceof SharedArrayBuffer;
}

/** Builds a column-major matrix from one array per column (all the same length). */
export function fromColumns(columns: readonly ArrayLike<number>[]): DenseMatrix {
  const numRows = columns[0]?.length ?? 0;
  const values = new Float64Array(numRows * columns.length);
  columns.forEach((column, c) => {
    if (column.length !== numRows) {
      throw new EngineError('COLUMN_LENGTH', {
        column: c,
        count: column.length,
        expected: numRows,
      });
    }
    values.set(column, c * numRows);
  });
  return { values, numRows, numCols: columns.length, layout: 'column-major' };
}

/** Strides to reach value (row, col) at `row * rowStride + col * colStride`. */
export function strides(matrix: DenseMatrix): { rowStride: number; colStride: number } {
  return matrix.layout === 'column-major'
    ? { rowStride: 1, colStride: matrix.numRows }
    : { rowStride: matrix.numCols, colStride: 1 };
}
