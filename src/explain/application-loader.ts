/**
 * Clients' stored applications as raw fields (as a form or the CSV gives them), for what-if: read
 * from application_train, else application_test, with DAYS_EMPLOYED's "no employment" sentinel
 * given back where ingestion had turned it into a flag. The cached loader keeps the last clients
 * in memory and reads the misses of many concurrent requests in one query.
 */
import { type Db, quoteIdent } from '../data/db.ts';
import { DataError } from '../data/errors.ts';
import type { RawApplication } from '../data/features/application-input.ts';
import { APPLICATION_TEST_COLUMNS, DAYS_SENTINEL } from '../data/schema.ts';

const RAW_COLUMNS = APPLICATION_TEST_COLUMNS.map((c) => c.name);

/** Ids read in one query at most (bound parameters of one IN list). */
const BATCH = 256;

function unknownClient(id: number): DataError {
  return new DataError('UNKNOWN_CLIENT', { column: 'SK_ID_CURR', value: String(id) });
}

/** The stored applications of `ids` (at most BATCH), by id; unknown ids are absent. */
export async function loadApplications(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, RawApplication>> {
  for (const id of ids) {
    if (!Number.isSafeInteger(id)) {
      throw new DataError('BAD_CLIENT_ID', { column: 'SK_ID_CURR', value: String(id) });
    }
  }
  if (ids.length > BATCH) throw new RangeError(`at most ${BATCH} clients per read`);
  const found = new Map<number, RawApplication>();
  const select = `${RAW_COLUMNS.map(quoteIdent).join(', ')}, DAYS_EMPLOYED_ANOM`;
  for (const table of ['application_train', 'application_test']) {
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length === 0) break;
    const list = missing.map((_, i) => `$${i + 1}`).join(', ');
    const rows = await db.all(
      `SELECT ${select} FROM ${quoteIdent(table)} WHERE SK_ID_CURR IN (${list})`,
      missing,
    );
    for (const row of rows) {
      const application: RawApplication = {};
      for (const name of RAW_COLUMNS) {
        const v = row[name];
        application[name] =
          v === null || v === undefined ? null : typeof v === 'string' ? v : Number(v);
      }
      if (Number(row.DAYS_EMPLOYED_ANOM) === 1) application.DAYS_EMPLOYED = DAYS_SENTINEL;
      found.set(Number(application.SK_ID_CURR), application);
    }
  }
  return found;
}

/** One client's stored application. Throws DataError for an unknown id. */
export async function loadApplication(db: Db, id: number): Promise<RawApplication> {
  const found = (await loadApplications(db, [id])).get(id);
  if (found === undefined) throw unknownClient(id);
  return found;
}

interface Waiter {
  resolve(application: RawApplication): void;
  reject(error: unknown): void;
}

/**
 * loadApplication with the last `capacity` clients kept in memory (least recently used out), for
 * a what-if edited key by key: each call gets its own copy. Misses asked while a read runs are
 * read together by the next one (one query for many clients, not one each). `source` is the
 * database, or the batch reader to call (the API queues it on its one connection).
 */
export function cachedApplicationLoader(
  source: Db | ((ids: readonly number[]) => Promise<Map<number, RawApplication>>),
  capacity = 1000,
): (id: number) => Promise<RawApplication> {
  const loadMany =
    typeof source === 'function'
      ? source
      : (ids: readonly number[]) => loadApplications(source, ids);
  const cache = new Map<number, RawApplication>();
  const waiting = new Map<number, Waiter[]>();
  let reading = false;

  const remember = (id: number, application: RawApplication): void => {
    cache.delete(id);
    cache.set(id, application);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as number);
  };

  const pump = async (): Promise<void> => {
    reading = true;
    while (waiting.size > 0) {
      const ids = [...waiting.keys()].slice(0, BATCH);
      const batch = new Map(ids.map((id) => [id, waiting.get(id) as Waiter[]]));
      for (const id of ids) waiting.delete(id);
      try {
        const found = await loadMany(ids);
        for (const [id, waiters] of batch) {
          const application = found.get(id);
          if (application !== undefined) remember(id, application);
          for (const w of waiters) {
            if (application === undefined) w.reject(unknownClient(id));
            else w.resolve({ ...application });
          }
        }
      } catch (error) {
        for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
      }
    }
    reading = false;
  };

  return (id) => {
    const hit = cache.get(id);
    if (hit !== undefined) {
      remember(id, hit);
      return Promise.resolve({ ...hit });
    }
    return new Promise<RawApplication>((resolve, reject) => {
      const list = waiting.get(id);
      if (list) list.push({ resolve, reject });
      else waiting.set(id, [{ resolve, reject }]);
      if (!reading) void pump();
    });
  };
}
