/**
 * Reading a file of new applications (Kaggle application schema: application_test.csv's columns,
 * any order, any subset with the required ones; application_train.csv's TARGET ignored) one line
 * at a time, for `creditlens score`: memory stays constant however long the file. Each data line
 * becomes an application validated field by field as POST /api/applications validates one (the
 * table of src/data/features/application-fields.ts), or a problem naming its line, column and
 * field. A header that cannot be read is an error for the whole file, before any row.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { DataError } from '../../data/errors.ts';
import { applicationField, checkApplicationField } from '../../data/features/application-fields.ts';
import type { RawApplication } from '../../data/features/application-input.ts';
import { parseCsvLine } from '../../data/generate/csv-read.ts';
import { applyChanges, NEW_APPLICATION_REQUIRED } from '../../explain/index.ts';
import { UserError } from '../user-error.ts';

/** Columns read but not used: the training file's outcome. */
const IGNORED = new Set(['TARGET']);

/** Where a problem is: the 1-based column and its header name (null: the whole line). */
export interface ColumnRef {
  number: number;
  name: string;
}

/** One data line: its application, or why it cannot be scored. */
export type ApplicationLine = {
  line: number;
  /** The SK_ID_CURR cell as written, when the file has the column. */
  id: string | null;
  /** Bytes of the file read so far (for the progress bar's estimate of the rows to come). */
  bytes: number;
} & (
  | { application: RawApplication; problem?: undefined }
  | { problem: { column: ColumnRef | null; message: string }; application?: undefined }
);

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The header's columns, checked: known application fields (or TARGET), once each, the required ones. */
function checkedHeader(file: string, header: string[]): void {
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    const at = `${file}, line 1, column ${i + 1}`;
    if (!applicationField(name) && !IGNORED.has(name)) {
      throw new UserError(
        `${at}: ${JSON.stringify(name)} is not an application field (docs/application-fields.md)`,
      );
    }
    const before = seen.get(name);
    if (before !== undefined) {
      throw new UserError(`${at}: ${name} is also column ${before + 1}`);
    }
    seen.set(name, i);
  });
  const missing = NEW_APPLICATION_REQUIRED.filter((f) => !seen.has(f));
  if (missing.length > 0) {
    throw new UserError(`${file}, line 1: no column ${missing.join(', ')} (required to score)`);
  }
}

/** A cell as the field's type: '' is missing, a number field's number parsed (else left to refuse). */
function cellValue(name: string, cell: string): string | number | null {
  if (cell === '') return null;
  const field = applicationField(name);
  if (field?.kind === 'number' && DECIMAL.test(cell)) return Number(cell);
  return cell;
}

/** One data line's application, validated (throws DataError naming the field). */
function applicationOf(header: string[], cells: string[]): RawApplication {
  const fields: Record<string, string | number | null> = {};
  let id: string | number | null = null;
  header.forEach((name, i) => {
    if (IGNORED.has(name)) return;
    const value = cellValue(name, cells[i] ?? '');
    if (name === 'SK_ID_CURR') id = value;
    else if (value !== null) fields[name] = value;
  });
  for (const field of NEW_APPLICATION_REQUIRED) {
    if (fields[field] === undefined) throw new DataError('MISSING_FIELD', { column: field });
  }
  // The identifier is checked as any field, then kept as given (the bank's reference).
  const base: RawApplication = {};
  if (id !== null) {
    checkApplicationField('SK_ID_CURR', id);
    base.SK_ID_CURR = id;
  }
  return applyChanges(base, fields);
}

/**
 * The file's data lines, one at a time (blank lines skipped). Throws a UserError, before the first
 * line, for a file that cannot be opened or a header that cannot be used.
 */
export async function* readApplications(file: string): AsyncGenerator<ApplicationLine> {
  const input = createReadStream(file);
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', (error) => reject(new UserError(`${file}: ${error.message}`)));
  });
  await opened;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let header: string[] | null = null;
  let line = 0;
  let bytes = 0;
  try {
    for await (const text of lines) {
      line++;
      bytes += Buffer.byteLength(text) + 1;
      if (text.trim() === '') continue;
      let cells: string[];
      try {
        cells = parseCsvLine(text);
      } catch (error) {
        if (!header) throw new UserError(`${file}, line ${line}: ${(error as Error).message}`);
        yield {
          line,
          id: null,
          bytes,
          problem: { column: null, message: (error as Error).message },
        };
        continue;
      }
      if (!header) {
        checkedHeader(file, cells);
        header = cells;
        continue;
      }
      const idAt = header.indexOf('SK_ID_CURR');
      const id = idAt >= 0 ? (cells[idAt] ?? null) : null;
      if (cells.length !== header.length) {
        const message = `${cells.length} values for ${header.length} columns`;
        yield { line, id, bytes, problem: { column: null, message } };
        continue;
      }
      try {
        yield { line, id, bytes, application: applicationOf(header, cells) };
      } catch (error) {
        if (!(error instanceof DataError)) throw error;
        const name = error.where.column;
        const at = name === undefined ? -1 : header.indexOf(name);
        const column = name === undefined ? null : { number: at + 1, name };
        yield {
          line,
          id,
          bytes,
          problem: { column, message: error.message },
        };
      }
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (!header) throw new UserError(`${file}: empty file (no header)`);
}

/** "file, line 12, column 5 (AMT_CREDIT): message" */
export function describeLine(
  file: string,
  line: number,
  column: ColumnRef | null,
  message: string,
): string {
  const where = column
    ? column.number > 0
      ? `, column ${column.number} (${column.name})`
      : ` (${column.name})`
    : '';
  return `${file}, line ${line}${where}: ${message}`;
}
