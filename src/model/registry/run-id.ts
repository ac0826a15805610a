/** Registry identifiers: `m-YYYYMMDD-HHMMSS-xxxx`, UTC, sortable by time, random suffix. */
import { randomBytes } from 'node:crypto';

export const RUN_ID_PATTERN = /^m-\d{8}-\d{6}-[0-9a-f]{4}$/;

/** A new identifier for a run saved at `now`. */
export function newRunId(now: Date = new Date()): string {
  const iso = now.toISOString(); // 2026-11-28T03:15:00.000Z
  const date = iso.slice(0, 10).replaceAll('-', '');
  const time = iso.slice(11, 19).replaceAll(':', '');
  return `m-${date}-${time}-${randomBytes(2).toString('hex')}`;
}

/** True when `id` has the shape of a registry identifier (also keeps ids out of path tricks). */
export function isRunId(id: string): boolean {
  return RUN_ID_PATTERN.test(id);
}
