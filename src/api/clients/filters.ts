/**
 * The client filters (contract type, gender, income type, age range, the model's decision, points
 * range), shared by the client list and the filtered groups of the comparison routes: one query
 * schema, one set of cross-field checks, one matcher (client-list.ts).
 */
import { APPLICATION_VALUE_SETS } from '../../data/value-sets.ts';
import { apiError } from '../errors.ts';
import type { ClientFilters } from './client-list.ts';

function valuesOf(column: string): string[] {
  return (APPLICATION_VALUE_SETS[column] ?? []).map(([v]) => v);
}

/** Query properties of the filters (merge them into a route's querystring schema). */
export const FILTER_PROPERTIES = {
  contractType: { type: 'string', enum: valuesOf('NAME_CONTRACT_TYPE') },
  gender: { type: 'string', enum: valuesOf('CODE_GENDER') },
  incomeType: { type: 'string', enum: valuesOf('NAME_INCOME_TYPE') },
  ageMin: { type: 'integer', minimum: 0, maximum: 120, description: 'years, inclusive' },
  ageMax: { type: 'integer', minimum: 0, maximum: 120, description: 'years, inclusive' },
  decision: { type: 'string', enum: ['grant', 'refuse'], description: "the model's decision" },
  pointsMin: {
    type: 'number',
    minimum: -10_000,
    maximum: 10_000,
    description: 'points, inclusive',
  },
  pointsMax: {
    type: 'number',
    minimum: -10_000,
    maximum: 10_000,
    description: 'points, inclusive',
  },
} as const;

export type FilterQuery = Omit<ClientFilters, 'search' | 'onlyId'>;

/** True when a filter needs the model's scores (decision, points). */
export function usesScores(q: FilterQuery): boolean {
  return q.decision !== undefined || q.pointsMin !== undefined || q.pointsMax !== undefined;
}

/**
 * The checks a schema cannot express: ranges the right way round (400 naming the lower bound)
 * and a model for the score filters (503 NOT_READY without one).
 */
export function checkFilters(
  q: FilterQuery,
  model: { scores: unknown; modelProblem: string | null },
): void {
  if (q.ageMin !== undefined && q.ageMax !== undefined && q.ageMin > q.ageMax) {
    throw apiError('BAD_REQUEST', { field: 'query.ageMin', reason: 'greater than ageMax' });
  }
  if (q.pointsMin !== undefined && q.pointsMax !== undefined && q.pointsMin > q.pointsMax) {
    throw apiError('BAD_REQUEST', { field: 'query.pointsMin', reason: 'greater than pointsMax' });
  }
  if (usesScores(q) && !model.scores) {
    throw apiError('NOT_READY', { reason: model.modelProblem ?? 'no active model to filter by' });
  }
}

/** The filters among a query's fields (a route's query may hold others: group, client, …). */
export function filtersOf(q: FilterQuery): FilterQuery {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(FILTER_PROPERTIES)) {
    const value = (q as Record<string, unknown>)[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked as FilterQuery;
}
