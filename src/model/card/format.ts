/** Number formatting for the model card: fixed decimals, missing values as an em dash. */

const MISSING = '—';

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** 0.75812 → "0.758". */
export function fixed(value: number | null | undefined, digits = 3): string {
  return isNumber(value) ? value.toFixed(digits) : MISSING;
}

/** 0.0805 → "8.1%". */
export function percent(value: number | null | undefined, digits = 1): string {
  return isNumber(value) ? `${(value * 100).toFixed(digits)}%` : MISSING;
}

/** "0.758 ± 0.015". */
export function meanStd(
  mean: number | null | undefined,
  std: number | null | undefined,
  digits = 3,
): string {
  return isNumber(mean) ? `${mean.toFixed(digits)} ± ${fixed(std, digits)}` : MISSING;
}

/** 16000 → "16,000". */
export function count(value: number | null | undefined): string {
  return isNumber(value) ? Math.round(value).toLocaleString('en-US') : MISSING;
}

/** Seconds → "42.5 s" / "3 min 05 s". */
export function duration(seconds: number): string {
  if (!isNumber(seconds)) return MISSING;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}

/** A short plain number for axis ticks: 0.2, 1, 0.05, 600. */
export function tick(value: number): string {
  return String(Number(value.toPrecision(6)));
}
