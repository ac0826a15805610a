/**
 * The client list with the new applicants (issue 15): the applications stored in the app store,
 * marked `split: 'new'`, filtered and sorted by the same query as the feature store's clients and
 * merged with them (their ids, from 900 000 000, come last by id: `sort=-id` shows the newest
 * first); `total` counts both and the pages run across both. A new applicant's score is the
 * served model's (scored once per model from the stored application, without explanation);
 * without a model their score fields are null and the score filters leave them out, as they do
 * the stored clients.
 */
import type { FastifyInstance } from 'fastify';
import type { RawApplication } from '../../data/features/application-input.ts';
import { scoreInMemory } from '../../explain/index.ts';
import { scoreApplicant } from '../../model/scoring.ts';
import type { ClientListQuery, ClientSummary, SortKey } from '../clients/client-list.ts';
import type { ClientRepository } from '../clients/repository.ts';
import { explainingOf } from '../explanation/explaining.ts';
import type { ScoreTable } from '../scoring/score-table.ts';
import type { ApplicationStore, StoredApplication } from '../store/types.ts';

/** New applicants listed at most (the newest); beyond, the monitoring and the CLI read them. */
export const NEW_CLIENTS_LISTED = 5000;

type Score = Pick<ClientSummary, 'probability' | 'points' | 'decision' | 'band'>;
const scored = new WeakMap<ScoreTable, Map<number, Score>>();

function scoreUnder(app: FastifyInstance, scores: ScoreTable, a: StoredApplication): Score {
  let memo = scored.get(scores);
  if (!memo) {
    memo = new Map();
    scored.set(scores, memo);
  }
  let score = memo.get(a.clientId);
  if (!score) {
    const context = explainingOf(app);
    const raw = scoreInMemory(context.scorer, a.application as RawApplication, () => null, {
      explain: false,
    }).rawProbability;
    const s = scoreApplicant(raw, scores.record);
    score = { probability: s.probability, points: s.points, decision: s.decision, band: s.band };
    memo.set(a.clientId, score);
  }
  return score;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function newClientSummary(a: StoredApplication, score: Score | null): ClientSummary {
  const { application: f } = a;
  const birth = num(f.DAYS_BIRTH);
  return {
    id: a.clientId,
    split: 'new',
    contractType: text(f.NAME_CONTRACT_TYPE),
    gender: text(f.CODE_GENDER),
    incomeType: text(f.NAME_INCOME_TYPE),
    age: birth === null ? null : Math.floor(-birth / 365.25),
    income: num(f.AMT_INCOME_TOTAL),
    credit: num(f.AMT_CREDIT),
    annuity: num(f.AMT_ANNUITY),
    probability: score?.probability ?? null,
    points: score?.points ?? null,
    decision: score?.decision ?? null,
    band: score?.band ?? null,
    finalDecision: null,
  };
}

function matches(c: ClientSummary, q: ClientListQuery): boolean {
  if (q.onlyId !== undefined && c.id !== q.onlyId) return false;
  if (q.search && !String(c.id).startsWith(q.search)) return false;
  if (q.contractType !== undefined && c.contractType !== q.contractType) return false;
  if (q.gender !== undefined && c.gender !== q.gender) return false;
  if (q.incomeType !== undefined && c.incomeType !== q.incomeType) return false;
  if (q.ageMin !== undefined && !(c.age !== null && c.age >= q.ageMin)) return false;
  if (q.ageMax !== undefined && !(c.age !== null && c.age <= q.ageMax)) return false;
  if (q.decision !== undefined && c.decision !== q.decision) return false;
  if (q.pointsMin !== undefined && !(c.points !== null && c.points >= q.pointsMin)) return false;
  if (q.pointsMax !== undefined && !(c.points !== null && c.points <= q.pointsMax)) return false;
  return true;
}

/** The stored clients' order: missing values last in either direction, ties by id. */
function compare(sort: string): (a: ClientSummary, b: ClientSummary) => number {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as SortKey;
  const sign = descending ? -1 : 1;
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? a.id - b.id : x === null ? 1 : -1;
    if (x === y) return a.id - b.id;
    return sign * (x < y ? -1 : 1);
  };
}

interface Kept {
  /** The newest applications, oldest first (at most NEW_CLIENTS_LISTED). */
  list: StoredApplication[];
  /** How many the store held when `list` was read. */
  count: number;
}
const keptPerStore = new WeakMap<ApplicationStore, Kept>();

/**
 * The newest NEW_CLIENTS_LISTED applications, kept between requests: applications never change,
 * so only those stored since the last request are read (by offset). When the count does not add
 * up (another replica's insert committed out of id order), they are read again whole.
 */
async function newestApplications(applications: ApplicationStore): Promise<StoredApplication[]> {
  const count = await applications.count({});
  let kept = keptPerStore.get(applications);
  if (kept && kept.count === count) return kept.list;
  if (kept && count > kept.count) {
    const added = await applications.list({ offset: kept.count });
    const last = kept.list.at(-1)?.clientId ?? 0;
    if (added.length === count - kept.count && added.every((a) => a.clientId > last)) {
      kept = { list: [...kept.list, ...added].slice(-NEW_CLIENTS_LISTED), count };
      keptPerStore.set(applications, kept);
      return kept.list;
    }
  }
  const list = await applications.list({ offset: Math.max(0, count - NEW_CLIENTS_LISTED) });
  keptPerStore.set(applications, { list, count });
  return list;
}

/** How many of the sorted `fresh` come before `item` in the list's order. */
function countBefore(
  fresh: ClientSummary[],
  item: ClientSummary,
  order: (a: ClientSummary, b: ClientSummary) => number,
): number {
  let lo = 0;
  let hi = fresh.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(fresh[mid] as ClientSummary, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One page of the list: the matching new applicants merged with the stored clients in the order
 * of the sort. The page's stored clients lie within `fresh.length` of its start, so one window of
 * the stored list (one pass over its presorted order) and the new applicants give the page.
 */
export async function listWithNewClients(
  app: FastifyInstance,
  repository: ClientRepository,
  q: ClientListQuery,
  scores: ScoreTable | null,
): Promise<{ total: number; clients: ClientSummary[] }> {
  const { store } = app.ctx;
  const newest = await newestApplications(store.applications);
  if (newest.length === 0) return repository.list(q, scores);
  const order = compare(q.sort);
  const fresh = newest
    .map((a) => newClientSummary(a, scores ? scoreUnder(app, scores, a) : null))
    .filter((c) => matches(c, q))
    .sort(order);
  const start = (q.page - 1) * q.pageSize;
  const windowOf = (offset: number) =>
    repository.list({ ...q, offset, pageSize: fresh.length + q.pageSize }, scores);
  let offset = Math.max(0, start - fresh.length);
  let window = windowOf(offset);
  if (offset > 0 && window.clients.length === 0) {
    // Past the stored clients' end: from their last one (or none).
    offset = Math.max(0, window.total - 1);
    window = windowOf(offset);
  }
  // The merged rank of the window's first stored client, and the new applicants from there.
  const first = window.clients[0];
  const skipped = offset > 0 && first ? countBefore(fresh, first, order) : 0;
  let rank = offset + skipped;
  const merged: ClientSummary[] = [];
  let i = skipped;
  let j = 0;
  while (merged.length < q.pageSize && (i < fresh.length || j < window.clients.length)) {
    const a = fresh[i];
    const b = window.clients[j];
    let next: ClientSummary;
    if (a && (!b || order(a, b) < 0)) {
      next = a;
      i++;
    } else {
      next = b as ClientSummary;
      j++;
    }
    if (rank >= start) merged.push(next);
    rank++;
  }
  return { total: fresh.length + window.total, clients: merged };
}
