/**
 * The app store's engines for the tests that run one suite against each (describe.each over
 * STORE_ENGINES): SQLite always; PostgreSQL on a throw-away cluster (./postgres.ts) when its
 * binaries are installed — without them the PostgreSQL cases skip with a message, except under
 * CI=true, where they fail.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { POSTGRES_MIGRATIONS } from '../../src/api/store/postgres/schema.ts';
import { openPostgresStore } from '../../src/api/store/postgres-store.ts';
import { SQLITE_MIGRATIONS } from '../../src/api/store/sqlite/schema.ts';
import { openSqliteStore } from '../../src/api/store/sqlite-store.ts';
import type { AppStore } from '../../src/api/store/types.ts';
import { type PostgresCluster, postgresTestsRun, startPostgres } from './postgres.ts';

export interface StoreEngine {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty store's location (a file path, or a postgres:// URL). */
  location(dir: string): Promise<string>;
  /** Opens the store at `location` (a fresh one when omitted). */
  open(dir: string, location?: string): Promise<AppStore>;
  /** The location the last open() used. */
  lastLocation(): string;
  /** The schema versions the engine's migrations apply. */
  versions: number[];
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
  versions: SQLITE_MIGRATIONS.map((m) => m.version),
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

let cluster: Promise<PostgresCluster> | null = null;
let postgresLast = '';

/** The test process's cluster, started on first use (stopPostgres() in an afterAll). */
export function sharedPostgres(): Promise<PostgresCluster> {
  cluster ??= startPostgres();
  return cluster;
}

/** Stops the cluster if one was started. */
export async function stopPostgres(): Promise<void> {
  if (!cluster) return;
  const started = cluster;
  cluster = null;
  (await started).destroy();
}

export const POSTGRES_ENGINE: StoreEngine = {
  name: 'postgres',
  async location() {
    return (await sharedPostgres()).createDatabase();
  },
  async open(dir, location) {
    postgresLast = location ?? (await this.location(dir));
    return openPostgresStore(postgresLast);
  },
  lastLocation: () => postgresLast,
  versions: POSTGRES_MIGRATIONS.map((m) => m.version),
  async sql(location, text) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      return (await client.query(text)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  },
};

/** SQLite, and PostgreSQL when it can run here (or under CI=true, where it must). */
export const STORE_ENGINES: StoreEngine[] = postgresTestsRun()
  ? [SQLITE_ENGINE, POSTGRES_ENGINE]
  : [SQLITE_ENGINE];
