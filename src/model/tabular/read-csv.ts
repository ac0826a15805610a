import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { splitCsvRecord } from '../../data/csv-record.ts';
import { ModelError } from '../errors.ts';

/** A CSV file read as text columns (column-major), with where each record started. */
export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  /** columns[c][r]: the raw text of column c in data record r (quotes removed). */
  readonly columns: readonly string[][];
  readonly numRows: number;
  /** 1-based line of the file where data record r starts (for error messages). */
  readonly lines: Int32Array;
}

/** True while `text` holds an odd number of quote characters: a quoted field spans a newline. */
function hasOpenQuote(text: string): boolean {
  let count = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) count++;
  return count % 2 === 1;
}

/** Called with each data record's fields and the 1-based line where it starts. */
export type RecordHandler = (fields: string[], line: number) => void;

/**
 * Streams a CSV file (RFC 4180: ',' separator, '"' quoting, quoted fields may hold commas, quotes
 * and line breaks) record by record, never holding the file in memory. The first record is the
 * header (returned); every other record must have as many fields as the header and goes to
 * `onRecord`. Blank lines are skipped. Throws a ModelError naming the file and line for a missing
 * or empty file, a duplicate or empty column name, a record of the wrong width or an unclosed
 * quote.
 */
export async function forEachCsvRecord(
  file: string,
  onRecord: RecordHandler,
  onHeader: (header: readonly string[]) => void = () => {},
): Promise<{ header: readonly string[]; numRows: number }> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (error) {
    throw new ModelError('MISSING_FILE', { file, reason: (error as Error).message });
  }
  try {
    return await readRecords(file, stream, onRecord, onHeader);
  } finally {
    stream.destroy(); // a handler that throws stops the read early
  }
}

async function readRecords(
  file: string,
  stream: NodeJS.ReadableStream,
  onRecord: RecordHandler,
  onHeader: (header: readonly string[]) => void,
): Promise<{ header: readonly string[]; numRows: number }> {
  const reader = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let header: string[] | null = null;
  let numRows = 0;
  let lineNo = 0;
  let pending = '';
  let start = 0;
  for await (const line of reader) {
    lineNo++;
    if (pending === '') start = lineNo;
    const text =
      pending === '' ? (lineNo === 1 ? line.replace(/^\uFEFF/, '') : line) : `${pending}\n${line}`;
    if (hasOpenQuote(text)) {
      pending = text;
      continue;
    }
    pending = '';
    if (text.trim() === '') continue;
    // Most records hold no quote at all: a plain split is several times faster.
    const fields = text.includes('"') ? splitCsvRecord(text) : text.split(',');
    if (header === null) {
      header = checkHeader(file, fields, start);
      onHeader(header);
      continue;
    }
    if (fields.length !== header.length) {
      throw new ModelError('BAD_RECORD', {
        file,
        line: start,
        problem: `${fields.length} fields, the header has ${header.length}`,
      });
    }
    onRecord(fields, start);
    numRows++;
  }
  if (pending !== '') {
    throw new ModelError('BAD_RECORD', {
      file,
      line: start,
      problem: 'a quoted field is never closed',
    });
  }
  if (header === null) {
    throw new ModelError('EMPTY_FILE', { file });
  }
  return { header, numRows };
}

function checkHeader(file: string, fields: readonly string[], line: number): string[] {
  const header = fields.map((name) => name.trim());
  const seen = new Set<string>();
  header.forEach((name, c) => {
    if (name === '') {
      throw new ModelError('UNNAMED_COLUMN', { file, line, index: c + 1 });
    }
    if (seen.has(name)) {
      throw new ModelError('DUPLICATE_COLUMN', { file, line, column: name });
    }
    seen.add(name);
  });
  return header;
}

/** Reads a whole CSV file as text columns (small files: tests, outputs). */
export async function readCsvTable(file: string): Promise<CsvTable> {
  let columns: string[][] = [];
  const lines: number[] = [];
  const { header, numRows } = await forEachCsvRecord(
    file,
    (fields, line) => {
      fields.forEach((field, c) => {
        (columns[c] as string[]).push(field);
      });
      lines.push(line);
    },
    (names) => {
      columns = names.map(() => []);
    },
  );
  return { file, header, columns, numRows, lines: Int32Array.from(lines) };
}
