/**
 * Opens the app store a location names: a postgres:// (or postgresql://) URL opens the shared
 * PostgreSQL store, anything else is the path of the embedded SQLite file.
 */
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { AppStore } from './types.ts';

/** True when `location` is a PostgreSQL URL rather than a file path. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

export async function openAppStore(location: string): Promise<AppStore> {
  return isPostgresUrl(location) ? openPostgresStore(location) : openSqliteStore(location);
}
