/**
 * The worklist's filters in the URL (/worklist?reviews=all&overrides=1&category=guarantee&page=2):
 * which review requests to show, and the filters of the recent decisions. Days are the browser's,
 * both ends included, as on the audit page; the API wants instants, the end excluded.
 */
import { queryString } from '../../api/client.ts';
import { isReasonCategory, isReviewStatus } from '../../api/decision-words.ts';
import type { ReasonCategory, ReviewStatus } from '../../api/types.ts';
import { startOfDay, validDay } from '../audit-query.ts';

/** The review requests shown: those still to handle (received or in review), one status, or all. */
export type ReviewFilter = 'open' | ReviewStatus | 'all';

export interface WorklistQuery {
  reviews: ReviewFilter;
  overridesOnly: boolean;
  category?: ReasonCategory;
  adviser?: string;
  /** yyyy-mm-dd, the first day shown. */
  from?: string;
  /** yyyy-mm-dd, the last day shown. */
  to?: string;
  page: number;
}

export const DECISIONS_PAGE_SIZE = 20;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: string | null) =>
  value !== null && DAY.test(value) && validDay(value) ? value : undefined;

export function parseWorklistQuery(search: string): WorklistQuery {
  const p = new URLSearchParams(search);
  const reviews = p.get('reviews');
  const category = p.get('category');
  const adviser = p.get('adviser')?.trim();
  const page = p.get('page') ?? '';
  return {
    reviews: reviews === 'all' || isReviewStatus(reviews) ? reviews : 'open',
    overridesOnly: p.get('overrides') === '1',
    category: isReasonCategory(category) ? category : undefined,
    adviser: adviser && adviser.length <= 64 ? adviser : undefined,
    from: day(p.get('from')),
    to: day(p.get('to')),
    page: /^\d{1,7}$/.test(page) && Number(page) >= 1 ? Number(page) : 1,
  };
}

/** The query string of /worklist for `q` (defaults left out). */
export function worklistQueryString(q: WorklistQuery): string {
  return queryString({
    reviews: q.reviews === 'open' ? undefined : q.reviews,
    overrides: q.overridesOnly ? '1' : undefined,
    category: q.category,
    adviser: q.adviser,
    from: q.from,
    to: q.to,
    page: q.page > 1 ? q.page : undefined,
  });
}

/** GET /api/reviews for the filter, the longest waiting first (the API's order and selection). */
export function reviewsPath(filter: ReviewFilter): `/api/reviews?${string}` {
  if (filter === 'open') return '/api/reviews?open=true&order=oldest';
  if (filter === 'all') return '/api/reviews?order=oldest';
  return `/api/reviews?status=${filter}&order=oldest`;
}

/** GET /api/decisions for the filters: days become instants (the "to" day included). */
export function decisionsPath(q: WorklistQuery): `/api/decisions?${string}` {
  const p = new URLSearchParams();
  if (q.overridesOnly) p.set('overridesOnly', 'true');
  if (q.category) p.set('reasonCategory', q.category);
  if (q.adviser) p.set('adviser', q.adviser);
  if (q.from) p.set('from', startOfDay(q.from).toISOString());
  if (q.to) {
    const end = startOfDay(q.to);
    end.setDate(end.getDate() + 1);
    p.set('to', end.toISOString());
  }
  p.set('page', String(q.page));
  p.set('pageSize', String(DECISIONS_PAGE_SIZE));
  return `/api/decisions?${p.toString()}`;
}
