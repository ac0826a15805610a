/**
 * Turns the first row DuckDB rejected while reading a file into a DataError that names the file,
 * the line (1-based, as a text editor shows it: the header is line 1), the column and the value.
 */

import { splitCsvRecord } from '../csv-record.ts';
import { DataError } from '../errors.ts';
import type { TableSpec } from '../schema.ts';

/** A row of DuckDB's reject_errors table (the columns we use). */
export type RejectRow = {
  line: number;
  column_name: string | null;
  error_type: string;
  error_message: string;
  csv_line: string;
};

/** Shortens a value for a message (a ragged row can be a whole line). */
function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

export function rejectError(
  spec: TableSpec,
  file: string,
  header: readonly string[],
  reject: RejectRow,
): DataError {
  const line = Number(reject.line);
  const column = reject.column_name ?? undefined;
  const at = `${file}, line ${line}`;
  switch (reject.error_type) {
    case 'CAST': {
      const index = column === undefined ? -1 : header.indexOf(column);
      const value = index >= 0 ? (splitCsvRecord(reject.csv_line)[index] ?? '') : '';
      const kind = spec.columns.find((c) => c.name === column)?.kind;
      const name = column ?? '(unnamed)';
      if (kind === 'key' && value.trim() === '') {
        return new DataError('EMPTY_KEY', { at, file, line, column: name, value });
      }
      const expected = kind === 'key' || kind === 'target' ? 'a whole number' : 'a number';
      return new DataError('BAD_VALUE', {
        at,
        file,
        line,
        column: name,
        value,
        shown: shown(value),
        expected,
      });
    }
    case 'MISSING COLUMNS':
    case 'TOO MANY COLUMNS': {
      const found = /Found: (\d+)/.exec(reject.error_message)?.[1] ?? '?';
      return new DataError('RAGGED_ROW', {
        at,
        file,
        line,
        value: shown(reject.csv_line),
        found,
        expected: header.length,
        which: reject.error_type === 'MISSING COLUMNS' ? 'too few' : 'too many',
      });
    }
    case 'INVALID ENCODING':
    case 'INVALID UNICODE':
      return new DataError('BAD_ENCODING', {
        at,
        problem: 'is not valid UTF-8',
        file,
        line,
        column,
      });
    default:
      return new DataError('BAD_ROW', {
        at,
        detail: reject.error_message,
        file,
        line,
        column,
        value: shown(reject.csv_line),
      });
  }
}
