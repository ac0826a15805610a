/**
 * Idempotency keys for the routes that create something (a decision; any POST that records): a
 * client that did not get the answer — a lost connection, a timeout, a server killed after its
 * commit — sends the same request again with the same `Idempotency-Key` header and gets the first
 * answer, replayed, instead of creating a second record.
 *
 * - The answer (status and body) is kept per (user, key) with the request's fingerprint (SHA-256
 *   of its method, URL and canonical body), in the same transaction as the record it answers
 *   (`along`, passed to recordAudit as its `keep`): an acknowledged creation and its key are committed together,
 *   and a creation that did not commit left no key, so its retry runs afresh.
 * - The same key with the same request: the kept answer, with `Idempotent-Replayed: true`.
 * - The same key with another request: `422 IDEMPOTENCY_KEY_REUSED`; nothing runs.
 * - A retry arriving while the first request still runs waits for it, then is answered as above;
 *   on another replica (PostgreSQL) both run, the second's commit is refused by the key's primary
 *   key (after the first's commit) and rolled back whole, and it is answered as a retry.
 * - Only successful answers are kept: a refused request changed nothing, and its retry runs again.
 * - Keys are kept 24 hours (IDEMPOTENCY_TTL_MS), then free again.
 * - Without the header, the route runs as it always did.
 *
 * A route declares `headers: idempotencyHeaders` in its schema (the key's format is validated
 * there: a 400 naming `headers.idempotency-key`), wraps its handler in `idempotent()` and passes
 * the given `write.along(status, answer)` to recordAudit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fingerprint } from '../audit/fingerprint.ts';
import { currentUser } from '../auth/session.ts';
import { apiError } from '../errors.ts';
import type { AppStore, IdempotentAnswer } from '../store/types.ts';

/** How long an answer is kept, in milliseconds: 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
/** The response header that marks a replayed answer. */
export const REPLAYED_HEADER = 'idempotent-replayed';

const KEY = '[A-Za-z0-9._:-]{8,128}';

/** The schema of the header, for a route's `schema.headers` (other headers stay allowed). */
export const idempotencyHeaders = {
  type: 'object',
  properties: {
    'idempotency-key': {
      type: 'string',
      pattern: `^(?:${KEY}|"${KEY}")$`,
      description:
        'makes a retry safe: the same key and request within 24 hours replays the first answer ' +
        '(Idempotent-Replayed: true) instead of recording twice; 8–128 of A–Z a–z 0–9 . _ : - ' +
        '(a UUID), bare or quoted',
    },
  },
} as const;

/** What a route does with a key: keep its answer in the transaction of the record it creates. */
export interface IdempotentWrite {
  /**
   * The `keep` of AuditStore.append (recordAudit's last argument): `answer(id)` with `status`
   * for this key, saved in the record's transaction.
   */
  along(status: number, answer: (id: number) => unknown): (id: number) => IdempotentAnswer;
}

/** The requests running with a key, per store: a retry waits for the first to finish. */
const running = new WeakMap<AppStore, Map<string, Promise<void>>>();

function runningIn(store: AppStore): Map<string, Promise<void>> {
  let map = running.get(store);
  if (!map) {
    map = new Map();
    running.set(store, map);
  }
  return map;
}

/**
 * Runs `run` once per (user, Idempotency-Key): the first time with an IdempotentWrite to pass on,
 * afterwards replaying its answer (or refusing another request under the same key). Without the
 * header, `run(undefined)`.
 */
export async function idempotent<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  run: (write: IdempotentWrite | undefined) => Promise<T>,
): Promise<T> {
  const header = request.headers['idempotency-key'];
  if (typeof header !== 'string') return run(undefined);
  const key = header.startsWith('"') ? header.slice(1, -1) : header;
  const user = currentUser(request);
  const { store } = app.ctx;
  const requestFingerprint = fingerprint({
    method: request.method,
    url: request.url,
    body: request.body ?? null,
  });
  const slots = runningIn(store);
  const slot = `${user.id}\n${key}`;
  for (let first = slots.get(slot); first; first = slots.get(slot)) await first;

  const replay = (kept: IdempotentAnswer): T => {
    if (kept.fingerprint !== requestFingerprint) {
      throw apiError('IDEMPOTENCY_KEY_REUSED', { field: 'headers.idempotency-key' });
    }
    void reply.code(kept.status).header(REPLAYED_HEADER, 'true');
    // The body this route answered the first time, from the same answer function.
    return JSON.parse(kept.body) as T;
  };
  const kept = await store.idempotency.find(user.id, key, Date.now());
  if (kept) return replay(kept);

  let finished = () => {};
  slots.set(slot, new Promise<void>((resolve) => (finished = resolve)));
  try {
    return await run({
      along: (status, answer) => (id) => {
        const now = Date.now();
        return {
          userId: user.id,
          key,
          fingerprint: requestFingerprint,
          status,
          body: JSON.stringify(answer(id)),
          createdAt: now,
          expiresAt: now + IDEMPOTENCY_TTL_MS,
        };
      },
    });
  } catch (error) {
    // Another replica ran the same key at the same time: this request's record and answer were
    // rolled back together (the key's primary key refused the answer, or PostgreSQL chose it as
    // a deadlock's victim when two group commits each held the other's key), so it is answered
    // as a retry of the winner, as one process answers a retry that waited for the first.
    const winner = await winnerOf(store, user.id, key, error);
    if (winner) return replay(winner);
    throw error;
  } finally {
    slots.delete(slot);
    finished();
  }
}

/** PostgreSQL's codes for a write that lost a race: unique violation, deadlock, serialization. */
const LOST_RACE = new Set(['23505', '40P01', '40001']);
/** How long a loser waits for the winner's commit (a deadlock's victim fails before it). */
const WINNER_WAIT_MS = 3000;
const WINNER_POLL_MS = 25;

/**
 * The kept answer of the request that won the key, if any: looked up once, and when `error` says
 * this request lost a race, again until the winner commits (bounded: a winner that never commits
 * leaves the original error to answer).
 */
async function winnerOf(
  store: AppStore,
  userId: number,
  key: string,
  error: unknown,
): Promise<IdempotentAnswer | undefined> {
  const code = (error as { code?: unknown } | null)?.code;
  const raced = typeof code === 'string' && LOST_RACE.has(code);
  const deadline = Date.now() + (raced ? WINNER_WAIT_MS : 0);
  for (;;) {
    const kept = await store.idempotency.find(userId, key, Date.now()).catch(() => undefined);
    if (kept || Date.now() >= deadline) return kept;
    await new Promise((resolve) => setTimeout(resolve, WINNER_POLL_MS));
  }
}
