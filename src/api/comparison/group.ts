/**
 * The groups a client is compared with — all clients, the client's k similar ones, or the clients
 * passing the list's filters — and what comparing needs per served model (the in-memory
 * population and the similarity index), built once per score table and shared by the routes.
 */
import {
  type Population,
  rowsOfIds,
  SimilarIndex,
  similarityFeatures,
} from '../../explain/index.ts';
import { assertClientAccess } from '../auth/session.ts';
import { checkFilters, FILTER_PROPERTIES, filtersOf } from '../clients/filters.ts';
import type { ClientRepository } from '../clients/repository.ts';
import type { AppContext } from '../context.ts';
import { groupNameSchema } from '../contract/comparison.ts';
import type { Infer } from '../contract/typed.ts';
import { apiError } from '../errors.ts';
import type { ScoreTable } from '../scoring/score-table.ts';
import type { User } from '../store/types.ts';

/**
 * The smallest non-empty group (filtered, or k similar clients) a customer may see: aggregates
 * and anonymous points of fewer clients would tell a customer about identifiable people. Staff
 * see any size.
 */
export const MIN_CUSTOMER_GROUP = 10;

export const GROUPS = groupNameSchema.enum;

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
    default: 200,
    description: 'size of the similar group',
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
 * Who may compare: staff anything, a customer only with their own client given. Checked before
 * any data is read, so a refusal costs nothing.
 */
export function assertGroupAccess(user: User, q: GroupQuery): void {
  if (user.role === 'customer' || q.client !== undefined) assertClientAccess(user, q.client ?? -1);
}

/**
 * The group's population rows (undefined: every client). 400 for filters outside
 * group=filtered, or group=similar without a client; 404 for an unknown client; 403 for a
 * customer shown a group of 1 to MIN_CUSTOMER_GROUP − 1 clients.
 */
export function groupRows(user: User, c: Comparing, q: GroupQuery): Int32Array | undefined {
  const filters = filtersOf(q);
  const first = Object.keys(filters)[0];
  if (q.group !== 'filtered' && first !== undefined) {
    throw apiError('BAD_REQUEST', {
      field: `query.${first}`,
      reason: 'filters apply to group=filtered only',
    });
  }
  if (q.client !== undefined && c.population.rowOf(q.client) === undefined) {
    throw apiError('CLIENT_NOT_FOUND', { id: q.client });
  }
  if (q.group === 'similar') {
    if (q.client === undefined) {
      throw apiError('BAD_REQUEST', {
        field: 'query.client',
        reason: 'group=similar needs the client to compare with',
      });
    }
    if (user.role === 'customer' && q.k < MIN_CUSTOMER_GROUP) {
      throw apiError('GROUP_TOO_SMALL', { size: q.k, min: MIN_CUSTOMER_GROUP });
    }
    const ids = c.index.nearestToClient(q.client, q.k).neighbours.map((n) => n.id);
    return rowsOfIds(c.population, ids);
  }
  if (q.group === 'filtered') {
    checkFilters(filters, { scores: c.scores, modelProblem: null });
    const rows = c.clients.filteredRows(filters, c.scores);
    if (user.role === 'customer' && rows.length > 0 && rows.length < MIN_CUSTOMER_GROUP) {
      throw apiError('GROUP_TOO_SMALL', { size: rows.length, min: MIN_CUSTOMER_GROUP });
    }
    return rows;
  }
  return undefined;
}
