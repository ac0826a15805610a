/**
 * Reading a Kaggle-style CSV into columns of text cells, honouring quotes ("Spouse, partner",
 * doubled quotes). Used by the realism report; the files have no line breaks inside values.
 */
import { readFile } from 'node:fs/promises';
import { DataError } from '../errors.ts';

/** Splits one CSV line into cells; quoted cells lose their quotes, "" becomes ". */
export function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (line.charCodeAt(i) === 34 /* " */) {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted value');
        value += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      cells.push(value);
      if (i >= n) return cells;
      if (line.charCodeAt(i) !== 44 /* , */) throw new Error('text after a closing quote');
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        cells.push(line.slice(i));
        return cells;
      }
      cells.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** A CSV held as columns of raw text cells ("" = missing). */
export interface CsvColumns {
  header: string[];
  columns: string[][];
  rows: number;
}

/** Adds parsed lines to column arrays, checking the cell count. `where` names the source. */
export function columnsFromLines(lines: Iterable<string>, where: string): CsvColumns {
  let header: string[] | null = null;
  let columns: string[][] = [];
  let lineNo = 0;
  let rows = 0;
  for (const raw of lines) {
    lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.length === 0) continue;
    let cells: string[];
    try {
      cells = parseCsvLine(line);
    } catch (error) {
      throw new DataError('BAD_CSV', {
        at: `${where}, line ${lineNo}`,
        detail: (error as Error).message,
        file: where,
        line: lineNo,
      });
    }
    if (!header) {
      header = cells;
      columns = header.map(() => []);
      continue;
    }
    if (cells.length !== header.length) {
      throw new DataError('RAGGED_ROW', {
        at: `${where}, line ${lineNo}`,
        file: where,
        line: lineNo,
        found: cells.length,
        expected: header.length,
        which: cells.length < header.length ? 'too few' : 'too many',
      });
    }
    for (let c = 0; c < cells.length; c++) (columns[c] as string[]).push(cells[c] as string);
    rows++;
  }
  if (!header) throw new DataError('EMPTY_FILE', { file: where });
  return { header, columns, rows };
}

/** Reads a whole CSV file into columns (for files of a few hundred MB at most). */
export async function readCsvColumns(path: string): Promise<CsvColumns> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new DataError('READ_ERROR', {
      file: path,
      reason: e.code === 'ENOENT' ? 'no such file' : e.message,
    });
  }
  return columnsFromLines(text.split('\n'), path);
}
