/**
 * The shared store: users, sessions, the audit trail and the idempotency keys' answers in a
 * PostgreSQL database, and the state the replicas share (login failures, token buckets, model
 * promotions: `shared`) (node-postgres, a pool per process), for several `serve` replicas on one
 * database. This file opens the pool, applies the migrations and composes the parts, one per
 * concept in ./postgres/, as ./sqlite-store.ts does for the embedded engine.
 */
import pg from 'pg';
import { LEAK_SECONDS } from '../auth/attempts.ts';
import { PostgresApplications } from './postgres/applications.ts';
import { PostgresAudit } from './postgres/audit.ts';
import { PostgresIdempotency } from './postgres/idempotency.ts';
import { PostgresLoginFailures } from './postgres/login-failures.ts';
import { PostgresOutcomes } from './postgres/outcomes.ts';
import { PostgresPromotions } from './postgres/promotions.ts';
import { PostgresRateBuckets } from './postgres/rate-buckets.ts';
import { PostgresReviews } from './postgres/reviews.ts';
import { migrate } from './postgres/schema.ts';
import { PostgresSessions } from './postgres/sessions.ts';
import { PostgresUsers } from './postgres/users.ts';
import type { AppStore } from './types.ts';

/** BIGINT (epoch milliseconds, ids, counts) as a JS number: every value stored fits in 2^53. */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Connection-level SQLSTATE classes and codes: the server is unreachable, shutting down or
 * starting (08: connection exception; 57P01–57P03: admin shutdown, crash shutdown, cannot
 * connect now).
 */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03']);
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

/**
 * True when `error` says the PostgreSQL server cannot be reached (rather than that a statement
 * failed): the API answers 503 NOT_READY then, and the pool reconnects once it is back.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('08') || UNAVAILABLE_CODES.has(code) || UNAVAILABLE_ERRNOS.has(code)) {
      return true;
    }
  }
  return /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/.test(
    error.message,
  );
}

/** A readiness check answers within this long, or the database counts as unhealthy. */
const HEALTH_TIMEOUT_MS = 2000;

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** The PostgreSQL store cannot be reached or migrated (a user-facing message, password hidden). */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

/**
 * Connects to the database at `url` (postgres://user:password@host:port/db, or a socket folder
 * as ?host=/run/postgresql) and brings its schema up to date. Rejects, naming the database
 * (never its password), when it cannot be reached or migrated.
 */
export async function openPostgresStore(url: string): Promise<AppStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    types,
  });
  // An idle connection that the server drops must not crash the process: the next query
  // reconnects, and /readyz says 503 meanwhile.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StoreOpenError(
      `cannot open the PostgreSQL app store at ${redactedUrl(url)}: ${(error as Error).message}`,
    );
  }
  const audit = new PostgresAudit(pool);
  let closed = false;
  return {
    engine: 'postgres',
    users: new PostgresUsers(pool),
    sessions: new PostgresSessions(pool),
    audit,
    idempotency: new PostgresIdempotency(pool),
    reviews: new PostgresReviews(pool),
    outcomes: new PostgresOutcomes(pool),
    applications: new PostgresApplications(pool),
    shared: {
      loginFailures: new PostgresLoginFailures(pool, LEAK_SECONDS * 1000),
      rateBuckets: new PostgresRateBuckets(pool),
      promotions: new PostgresPromotions(pool, url),
    },
    async healthy() {
      if (closed) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
      });
      const ping = pool.query('SELECT 1').then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([ping, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await audit.flush();
      await pool.end();
    },
  };
}
