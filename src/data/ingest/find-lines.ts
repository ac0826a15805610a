/**
 * Finds, by streaming the file in JS, the lines where a column holds a given value. Used only on the
 * error path (to say where a duplicate key sits), so it favours simplicity over speed. Lines are
 * 1-based as a text editor shows them; quoted line breaks are honoured.
 */
import { createReadStream } from 'node:fs';

export async function findLines(
  path: string,
  columnIndex: number,
  value: number,
  limit: number,
): Promise<number[]> {
  // Compared as numbers: "4" and "4.0" are the same key once read.
  const matches = (text: string): boolean => text.trim() !== '' && Number(text) === value;
  const found: number[] = [];
  let line = 1; // physical line of the current character
  let recordLine = 1; // line where the current record starts
  let field = 0;
  let current = '';
  let quoted = false;
  let header = true;
  const stream = createReadStream(path, { encoding: 'utf8' });
  for await (const chunk of stream as AsyncIterable<string>) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string;
      if (ch === '"') {
        quoted = !quoted; // a doubled quote toggles twice: the field text is not needed exactly
        continue;
      }
      if (ch === '\n') {
        line++;
        if (quoted) continue;
        if (!header && field === columnIndex && matches(current)) found.push(recordLine);
        header = false;
        field = 0;
        current = '';
        recordLine = line;
        if (found.length >= limit) {
          stream.destroy();
          return found;
        }
        continue;
      }
      if (quoted) {
        if (field === columnIndex) current += ch;
        continue;
      }
      if (ch === ',') {
        if (!header && field === columnIndex && matches(current)) found.push(recordLine);
        field++;
        current = '';
      } else if (field === columnIndex) current += ch;
    }
  }
  if (!header && field === columnIndex && matches(current)) found.push(recordLine);
  return found.slice(0, limit);
}
