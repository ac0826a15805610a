import { open } from 'node:fs/promises';

/** One field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Numbers in their shortest exact form (round-trips float64); NaN as an empty cell. */
export function csvNumber(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}

const ROWS_PER_WRITE = 2048;

/**
 * Writes a CSV file (header, then `numRows` records from `row(r)`, already-formatted fields),
 * a block of rows at a time so large outputs never sit in memory whole.
 */
export async function writeCsv(
  file: string,
  header: readonly string[],
  numRows: number,
  row: (r: number) => string[],
): Promise<void> {
  const handle = await open(file, 'w');
  try {
    let chunk = `${header.map(csvField).join(',')}\n`;
    for (let r = 0; r < numRows; r++) {
      chunk += `${row(r).join(',')}\n`;
      if ((r + 1) % ROWS_PER_WRITE === 0) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(chunk);
  } finally {
    await handle.close();
  }
}
