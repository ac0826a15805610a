/**
 * The first bytes of a CSV file, checked before DuckDB reads it: encoding (UTF-8, with or without
 * BOM; UTF-16 and binary refused), delimiter (',' only), and the header's column names. DuckDB is
 * told the column types explicitly, so anything it cannot guess wrong is caught here with a message
 * naming the file.
 */
import { open } from 'node:fs/promises';
import { splitCsvRecord } from '../csv-record.ts';
import { DataError } from '../errors.ts';

/** Bytes read to check the encoding and find the header (the real headers are < 10 KB). */
const HEAD_BYTES = 1 << 20;

export interface CsvHead {
  /** Column names of the header, in file order, BOM and quotes removed. */
  readonly columns: string[];
  /** Size of the file in bytes. */
  readonly bytes: number;
  /** Average bytes per data row in the head (0 when the head holds none); estimates the row count. */
  readonly bytesPerRow: number;
}

/** Reads and checks the head of `path`; `file` names it in messages. */
export async function readCsvHead(path: string, file: string): Promise<CsvHead> {
  const handle = await open(path, 'r');
  let head: Buffer;
  let bytes: number;
  try {
    bytes = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, bytes));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }

  checkEncoding(head, file);
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  const text = decodeUtf8(head.subarray(start), head.length === bytes, file);
  if (text.trim() === '') {
    throw new DataError('EMPTY_FILE', { file });
  }

  const headerEnd = endOfFirstRecord(text);
  const headerLine = text.slice(0, headerEnd).replace(/\r$/, '');
  checkDelimiter(headerLine, file);
  const columns = splitHeader(headerLine, file);

  const rest = text.slice(headerEnd + 1);
  const sampleRows = rest.length > 0 ? countNewlines(rest) + (rest.endsWith('\n') ? 0 : 1) : 0;
  const bytesPerRow = sampleRows > 0 ? Buffer.byteLength(rest) / sampleRows : 0;
  return { columns, bytes, bytesPerRow };
}

function checkEncoding(head: Buffer, file: string): void {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new DataError('BAD_ENCODING', { at: file, problem: 'is UTF-16 encoded', file });
  }
  const zero = head.indexOf(0);
  if (zero >= 0) {
    // Every other byte zero is UTF-16 without a BOM; scattered zeros mean a binary file.
    const utf16 = head.length >= 4 && (head[1] === 0 || head[0] === 0) && head[3] === head[1];
    throw utf16
      ? new DataError('BAD_ENCODING', { at: file, problem: 'looks UTF-16 encoded', file })
      : new DataError('BINARY_FILE', { file, offset: zero });
  }
}

/** Decodes the head as UTF-8, refusing invalid sequences; a cut-off last line is dropped. */
function decodeUtf8(head: Buffer, complete: boolean, file: string): string {
  const end = complete ? head.length : head.lastIndexOf(0x0a) + 1;
  if (end === 0 && !complete) {
    throw new DataError('BAD_HEADER', {
      file,
      line: 1,
      problem: `does not end within the first ${HEAD_BYTES} bytes (no line break)`,
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
  } catch {
    const line = lineOfInvalidUtf8(head.subarray(0, end));
    throw new DataError('BAD_ENCODING', {
      at: file,
      problem: `is not valid UTF-8 (line ${line})`,
      file,
      line,
    });
  }
}

/** 1-based line of the first invalid UTF-8 sequence (decoding line by line). */
function lineOfInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let from = 0;
  while (from < bytes.length) {
    let to = bytes.indexOf(0x0a, from);
    if (to < 0) to = bytes.length;
    try {
      decoder.decode(bytes.subarray(from, to));
    } catch {
      return line;
    }
    from = to + 1;
    line++;
  }
  return line;
}

/** Index of the newline that ends the first record (quotes may hold newlines), or text length. */
function endOfFirstRecord(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) return i;
  }
  return text.length;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Counts of candidate delimiters outside quotes. */
function delimiterCounts(line: string): Record<',' | ';' | '\t' | '|', number> {
  const counts = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  return counts;
}

function checkDelimiter(header: string, file: string): void {
  const counts = delimiterCounts(header);
  for (const [delimiter, name] of [
    [';', "';' (semicolon)"],
    ['\t', 'a tab'],
    ['|', "'|' (pipe)"],
  ] as const) {
    if (counts[delimiter] > counts[',']) {
      throw new DataError('WRONG_DELIMITER', { file, line: 1, delimiter: name });
    }
  }
}

/**
 * Splits the header on commas, honouring quotes. Names are trimmed; an unnamed column (a pandas
 * index saved with the file) gets a placeholder name and ends up among the ignored extra columns.
 * Names must be unique ignoring case, as DuckDB identifiers are.
 */
function splitHeader(line: string, file: string): string[] {
  const names = splitCsvRecord(line).map((name, i) => name.trim() || `(unnamed column ${i + 1})`);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name.toLowerCase())) {
      throw new DataError('BAD_HEADER', {
        file,
        line: 1,
        column: name,
        problem: `names column ${name} twice`,
      });
    }
    seen.add(name.toLowerCase());
  }
  return names;
}
