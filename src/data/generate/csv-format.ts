/**
 * Formatting values the way the Kaggle files write them (pandas `to_csv` of float64 and object
 * columns): integers plain ("-9461"), floats with Python's repr ("135000.0", "0.0188"), missing as
 * an empty cell, text quoted only when it holds a comma, a quote or a line break.
 */

/** An integer cell: "-9461"; NaN/null → "". */
export function intCell(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '';
  return String(Math.round(value));
}

/** A float cell as Python's repr writes it: integral values keep ".0"; NaN/null → "". */
export function floatCell(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  return String(value);
}

/** A float rounded to `digits` decimals (as amounts and building measures are in the real files). */
export function roundedCell(value: number | null, digits: number): string {
  if (value === null || Number.isNaN(value)) return '';
  const f = 10 ** digits;
  return floatCell(Math.round(value * f) / f);
}

/** A text cell, quoted when it holds a comma, a quote or a line break; null → "". */
export function textCell(value: string | null): string {
  if (value === null) return '';
  if (/[",\n\r]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}
