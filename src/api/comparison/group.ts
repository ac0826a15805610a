/**
 * The groups a client is compared with — all clients, the client's k similar ones, or the clients
 * passing the list's filters — and what comparing needs per served model (the in-memory
 * population and the similarity index), built once per score table and shared by the routes.
 *
 * Staff choose any group. A customer compares themselves with fixed groups only: all clients, or
 * their CUSTOMER_SIMILAR_GROUP most similar clients — no filters, no size of their choosing — so
 * no two groups they can ask for differ by a person of their choosing (differencing), and what
 * they see of a group is coarsened (src/explain/disclosure.ts).
 */

import type { FastifyInstance } from 'fastify';
import {
  type Population,
  rowsOfIds,
  SimilarIndex,
  similarityFeatures,
} from '../../explain/index.ts';
import { type FeatureValues, newClientValues } from '../applications/new-clients.ts';
import { assertClientAccess } from '../auth/session.ts';
import { checkFilters, FILTER_PROPERTIES, filtersOf } from '../clients/filters.ts';
import type { ClientRepository } from '../clients/repository.ts';
import type { AppContext } from '../context.ts';
import { groupNameSchema } from '../contract/comparison.ts';
import type { Infer } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import type { ScoreTable } from '../scoring/score-table.ts';
import type { User } from '../store/types.ts';

/** The size of a customer's similar group: fixed, never the caller's choice. */
export const CUSTOMER_SIMILAR_GROUP = 200;

/**
 * The fewest clients a customer's fixed group may hold (a smaller data set, or too few clients
 * with a known outcome, gives GROUP_TOO_SMALL, whose message states no size).
 */
export const MIN_FIXED_GROUP = 50;

/** Staff's similar group when `k` is not given. */
export const DEFAULT_GROUP_K = 200;

export const GROUPS = groupNameSchema.enum;
export type GroupName = (typeof GROUPS)[number];

export interface Comparing {
  readonly scores: ScoreTable;
  readonly clients: ClientRepository;
  readonly population: Population;
  readonly index: SimilarIndex;
}

const built = new WeakMap<ScoreTable, Comparing>();

/** The population and similarity index of the served model (503 NOT_READY without one). */
export function comparing(ctx: AppContext): Comparing {
  const { scores, clients, modelProblem } = ctx;
  if (!scores || !clients)
    throw apiError('NOT_READY', { reason: modelProblem ?? 'no active model' });
  let found = built.get(scores);
  if (!found) {
    const population = clients.population();
    const probability = new Float64Array(population.size);
    for (let r = 0; r < population.size; r++) probability[r] = scores.probabilityAt(r);
    const features = similarityFeatures(scores.record.importance.features, population);
    found = {
      scores,
      clients,
      population,
      index: new SimilarIndex(population, features, probability),
    };
    built.set(scores, found);
  }
  return found;
}

/** Query properties naming the group (merge into a route's querystring schema). */
export const GROUP_PROPERTIES = {
  group: { type: 'string', enum: GROUPS, default: 'all' },
  client: {
    type: 'integer',
    minimum: 1,
    maximum: 999_999_999,
    description: 'the client to place (a customer: required, their own)',
  },
  k: {
    type: 'integer',
    minimum: 5,
    maximum: 1000,
    description: `size of the similar group: staff only (default ${DEFAULT_GROUP_K}); a customer's is fixed`,
  },
  ...FILTER_PROPERTIES,
} as const;

/** The query naming a group (the distribution route's whole querystring). */
export const groupQuery = {
  type: 'object',
  additionalProperties: false,
  properties: GROUP_PROPERTIES,
} as const;

/** A validated group query (a route whose query adds fields to GROUP_PROPERTIES is one too). */
export type GroupQuery = Infer<typeof groupQuery>;

/**
 * Who may compare: staff anything; a customer only with their own client given, and a fixed group
 * (403 FIXED_GROUPS_ONLY naming the first parameter that would choose the group: group=filtered,
 * a filter, k). Checked before any data is read, so a refusal costs nothing and tells nothing.
 */
export function assertGroupAccess(user: User, q: GroupQuery): void {
  if (user.role === 'customer') {
    const chosen =
      q.group === 'filtered'
        ? 'group'
        : (Object.keys(filtersOf(q))[0] ?? (q.k !== undefined ? 'k' : undefined));
    if (chosen !== undefined) throw apiError('FIXED_GROUPS_ONLY', { field: `query.${chosen}` });
  }
  if (user.role === 'customer' || q.client !== undefined) assertClientAccess(user, q.client ?? -1);
}

/** A resolved group: its population rows (undefined: every client), size and similar-group k. */
export interface ResolvedGroup {
  readonly rows: Int32Array | undefined;
  readonly size: number;
  /** The similar group's size asked (null for the other groups). */
  readonly k: number | null;
}

/** 403 GROUP_TOO_SMALL when a customer's fixed group is under MIN_FIXED_GROUP (no size said). */
function assertFixedSize(user: User, size: number): void {
  if (user.role === 'customer' && size < MIN_FIXED_GROUP) throw apiError('GROUP_TOO_SMALL');
}

/**
 * The group (see assertGroupAccess for who may ask which). 400 for filters outside
 * group=filtered, or group=similar without a client; 404 for an unknown client.
 */
export function resolveGroup(
  user: User,
  c: Comparing,
  q: GroupQuery,
  /** The client's values when `q.client` is a new applicant (../applications/new-clients.ts). */
  newClient?: FeatureValues,
): ResolvedGroup {
  const filters = filtersOf(q);
  const first = Object.keys(filters)[0];
  if (q.group !== 'filtered' && first !== undefined) {
    throw apiError('BAD_REQUEST', {
      field: `query.${first}`,
      reason: 'filters apply to group=filtered only',
    });
  }
  if (q.client !== undefined && c.population.rowOf(q.client) === undefined && !newClient) {
    throw apiError('CLIENT_NOT_FOUND', { id: q.client });
  }
  if (q.group === 'similar') {
    if (q.client === undefined) {
      throw apiError('BAD_REQUEST', {
        field: 'query.client',
        reason: 'group=similar needs the client to compare with',
      });
    }
    const k = user.role === 'customer' ? CUSTOMER_SIMILAR_GROUP : (q.k ?? DEFAULT_GROUP_K);
    const nearest = newClient
      ? c.index.nearest(
          c.index.space.map((f) => newClient(f.name)),
          k,
        )
      : c.index.nearestToClient(q.client, k);
    const ids = nearest.neighbours.map((n) => n.id);
    assertFixedSize(user, ids.length);
    return { rows: rowsOfIds(c.population, ids), size: ids.length, k };
  }
  if (q.group === 'filtered') {
    checkFilters(filters, { scores: c.scores, modelProblem: null });
    const rows = c.clients.filteredRows(filters, c.scores);
    return { rows, size: rows.length, k: null };
  }
  assertFixedSize(user, c.population.size);
  return { rows: undefined, size: c.population.size, k: null };
}

/** What the audit trail keeps of a population query: the group, its filters and its size. */
export function groupAudit(q: GroupQuery, group: ResolvedGroup): Record<string, unknown> {
  return { group: q.group, k: group.k, filters: filtersOf(q), size: group.size };
}

/**
 * The values of `client` when it is a new applicant of the app store (not in the population);
 * undefined for a population client or none (resolveGroup answers 404 for an unknown one).
 */
export async function comparedNewClient(
  app: FastifyInstance,
  c: Comparing,
  client: number | undefined,
): Promise<FeatureValues | undefined> {
  if (client === undefined || c.population.rowOf(client) !== undefined) return undefined;
  return newClientValues(app, client);
}
