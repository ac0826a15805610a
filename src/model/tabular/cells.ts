/** How one CSV cell reads as a value: the missing tokens and the strict number syntax. */

const MISSING_TOKENS = new Set(['', 'na', 'nan', 'null']);

/** Empty, NA, NaN and null (any case, surrounding spaces ignored) mean "missing". */
export function isMissingCell(cell: string): boolean {
  return MISSING_TOKENS.has(cell.trim().toLowerCase());
}

// Plain decimal notation only: Number() would also accept "0x1F", "Infinity" and "1_000"-like
// surprises that should make a column categorical rather than numeric.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The finite number a non-missing cell holds, or undefined when it is not one. */
export function parseNumberCell(cell: string): number | undefined {
  const text = cell.trim();
  if (!NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
