/**
 * Reading an outcomes file for `creditlens outcomes`: a CSV with a header naming the client id
 * (`id` or `SK_ID_CURR`), `defaulted` (0/1; `TARGET` accepted, the Kaggle name) and `date`
 * (YYYY-MM-DD, the day the outcome was observed, not in the future). Every row is checked; each
 * problem names the file, the line and the column, and the caller writes nothing while any row is
 * bad. A client given twice with the same outcome counts once; with different ones it is a problem
 * naming both lines.
 */
import { readFile } from 'node:fs/promises';
import { parseOutcomeDate } from '../../api/outcomes/outcome-date.ts';
import { parseCsvLine } from '../../data/generate/csv-read.ts';

/** One outcome read, with the line it came from. */
export interface OutcomeRow {
  line: number;
  clientId: number;
  defaulted: 0 | 1;
  observedAt: number;
}

/** A problem with the file, where it is. */
export interface OutcomeFileProblem {
  line: number;
  /** 1-based column number and its header name; null for a problem of the whole line. */
  column: { number: number; name: string } | null;
  message: string;
}

export interface OutcomeFile {
  rows: OutcomeRow[];
  problems: OutcomeFileProblem[];
  /** Data lines read (blank lines aside). */
  lines: number;
  /** Where the client id is (for problems found later, e.g. an unknown client). */
  idColumn: { number: number; name: string } | null;
}

const ID_COLUMNS = ['id', 'SK_ID_CURR'];
const DEFAULTED_COLUMNS = ['defaulted', 'TARGET'];

/** "FILE, line 4, column 2 (defaulted): …" */
export function describeProblem(file: string, p: OutcomeFileProblem): string {
  const column = p.column === null ? '' : `, column ${p.column.number} (${p.column.name})`;
  return `${file}, line ${p.line}${column}: ${p.message}`;
}

/** Reads and checks the file's text; `onLine` is called per data line (a progress bar). */
export function parseOutcomeFile(
  text: string,
  options: { now?: number; onLine?: () => void } = {},
): OutcomeFile {
  const now = options.now ?? Date.now();
  const lines = text.split(/\r?\n/);
  const problems: OutcomeFileProblem[] = [];
  const header = parseCsvLine((lines[0] ?? '').replace(/^\uFEFF/, '')).map((h) => h.trim());
  const find = (names: string[]) => header.findIndex((h) => names.includes(h));
  const at = { id: find(ID_COLUMNS), defaulted: find(DEFAULTED_COLUMNS), date: find(['date']) };
  const missing = [
    at.id < 0 ? 'id (or SK_ID_CURR)' : null,
    at.defaulted < 0 ? 'defaulted (or TARGET)' : null,
    at.date < 0 ? 'date' : null,
  ].filter((m) => m !== null);
  if (missing.length > 0) {
    problems.push({
      line: 1,
      column: null,
      message: `the header must name ${missing.join(', ')} (found: ${header.join(', ') || 'nothing'})`,
    });
    return { rows: [], problems, lines: 0, idColumn: null };
  }
  const column = (i: number) => ({ number: i + 1, name: header[i] as string });
  const rows: OutcomeRow[] = [];
  const firstLine = new Map<number, OutcomeRow>();
  let read = 0;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === '') continue;
    read++;
    options.onLine?.();
    const line = i + 1;
    let cells: string[];
    try {
      cells = parseCsvLine(raw);
    } catch (error) {
      problems.push({ line, column: null, message: (error as Error).message });
      continue;
    }
    const cell = (c: number) => (cells[c] ?? '').trim();
    const before = problems.length;
    const idText = cell(at.id);
    const clientId = Number(idText);
    if (!/^[0-9]{1,15}$/.test(idText) || clientId < 1) {
      problems.push({
        line,
        column: column(at.id),
        message: `expected a client id (a whole number), got '${idText}'`,
      });
    }
    const defaultedText = cell(at.defaulted);
    if (defaultedText !== '0' && defaultedText !== '1') {
      problems.push({
        line,
        column: column(at.defaulted),
        message: `expected 0 (repaid) or 1 (defaulted), got '${defaultedText}'`,
      });
    }
    const dateText = cell(at.date);
    const observedAt = parseOutcomeDate(dateText);
    if (observedAt === null) {
      problems.push({
        line,
        column: column(at.date),
        message: `expected a day as YYYY-MM-DD, got '${dateText}'`,
      });
    } else if (observedAt > now) {
      problems.push({ line, column: column(at.date), message: `${dateText} is in the future` });
    }
    if (problems.length > before || observedAt === null) continue;
    const row: OutcomeRow = {
      line,
      clientId,
      defaulted: defaultedText === '1' ? 1 : 0,
      observedAt,
    };
    const earlier = firstLine.get(clientId);
    if (earlier === undefined) {
      firstLine.set(clientId, row);
      rows.push(row);
    } else if (earlier.defaulted !== row.defaulted || earlier.observedAt !== row.observedAt) {
      problems.push({
        line,
        column: column(at.id),
        message: `client ${clientId} is given another outcome on line ${earlier.line}`,
      });
    }
  }
  return { rows, problems, lines: read, idColumn: column(at.id) };
}

/** Reads the file from disk (a missing file is the caller's to report). */
export async function readOutcomeFile(
  path: string,
  options: { now?: number; onLine?: () => void } = {},
): Promise<OutcomeFile> {
  return parseOutcomeFile(await readFile(path, 'utf8'), options);
}
