/**
 * An outcome's date as the file and the API give it: YYYY-MM-DD, a real calendar day, read as
 * that day's midnight UTC (outcomes are observed per day; a time of day would only add noise).
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch milliseconds of the day, or null when `text` is not a real YYYY-MM-DD date. */
export function parseOutcomeDate(text: string): number | null {
  const m = DAY.exec(text.trim());
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // 2026-02-30 rolls over to March: not a real day.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return null;
  if (back.getUTCDate() !== day) return null;
  return ms;
}

/** The day of an epoch-milliseconds instant, as YYYY-MM-DD. */
export function outcomeDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
