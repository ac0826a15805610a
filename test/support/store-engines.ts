/**
 * The app store's engines for the tests that run one suite against each (describe.each over
 * STORE_ENGINES): SQLite always; PostgreSQL on a throw-away cluster (./postgres.ts) when its
 * binaries are installed — without them the PostgreSQL cases skip with a message, except under
 * CI=true, where they fail.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/api/store/sqlite-store.ts';
import type { AppStore } from '../../src/api/store/types.ts';

export interface StoreEngine {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty store's location (a file path, or a postgres:// URL). */
  location(dir: string): Promise<string>;
  /** Opens the store at `location` (a fresh one when omitted). */
  open(dir: string, location?: string): Promise<AppStore>;
  /** The location the last open() used. */
  lastLocation(): string;
  /** Runs raw SQL outside the store (as someone with a SQL shell would). */
  sql(location: string, text: string): Promise<Record<string, unknown>[]>;
}

let sqliteCount = 0;
let sqliteLast = '';

export const SQLITE_ENGINE: StoreEngine = {
  name: 'sqlite',
  async location(dir) {
    sqliteCount += 1;
    return join(dir, `store-${process.pid}-${sqliteCount}.sqlite`);
  },
  async open(dir, location) {
    sqliteLast = location ?? (await this.location(dir));
    return openSqliteStore(sqliteLast);
  },
  lastLocation: () => sqliteLast,
  async sql(location, text) {
    const db = new Database(location);
    try {
      const statement = db.prepare(text);
      if (statement.reader) return statement.all() as Record<string, unknown>[];
      statement.run();
      return [];
    } finally {
      db.close();
    }
  },
};

export const STORE_ENGINES: StoreEngine[] = [SQLITE_ENGINE];
