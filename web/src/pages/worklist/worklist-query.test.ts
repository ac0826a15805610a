import { describe, expect, it } from 'vitest';
import {
  decisionsPath,
  parseWorklistQuery,
  reviewsPath,
  worklistQueryString,
} from './worklist-query.ts';

describe('worklist query', () => {
  it('reads the filters from the URL, dropping what is not a known value', () => {
    expect(parseWorklistQuery('')).toEqual({ reviews: 'open', overridesOnly: false, page: 1 });
    expect(
      parseWorklistQuery(
        '?reviews=decided&overrides=1&category=guarantee&adviser=%20bob%20&from=2026-12-01&to=2026-12-31&page=3',
      ),
    ).toEqual({
      reviews: 'decided',
      overridesOnly: true,
      category: 'guarantee',
      adviser: 'bob',
      from: '2026-12-01',
      to: '2026-12-31',
      page: 3,
    });
    expect(
      parseWorklistQuery('?reviews=lost&category=whim&from=2026-13-45&to=yesterday&page=-2'),
    ).toEqual({ reviews: 'open', overridesOnly: false, page: 1 });
  });

  it('writes back what it reads, defaults left out', () => {
    const q = parseWorklistQuery('?reviews=all&overrides=1&category=data-error&page=2');
    expect(worklistQueryString(q)).toBe('?reviews=all&overrides=1&category=data-error&page=2');
    expect(worklistQueryString(parseWorklistQuery(''))).toBe('');
  });

  it('asks the API the requests to handle, one status or all, the longest waiting first', () => {
    expect(reviewsPath('open')).toBe('/api/reviews?open=true&order=oldest');
    expect(reviewsPath('received')).toBe('/api/reviews?status=received&order=oldest');
    expect(reviewsPath('all')).toBe('/api/reviews?order=oldest');
  });

  it('asks the decisions with instants, the last day included', () => {
    const path = decisionsPath(
      parseWorklistQuery(
        '?overrides=1&category=guarantee&adviser=bob&from=2026-12-01&to=2026-12-02',
      ),
    );
    const p = new URL(path, 'http://x').searchParams;
    expect(p.get('overridesOnly')).toBe('true');
    expect(p.get('reasonCategory')).toBe('guarantee');
    expect(p.get('adviser')).toBe('bob');
    const from = new Date(p.get('from') as string);
    const to = new Date(p.get('to') as string);
    expect(from.getHours()).toBe(0);
    expect((to.getTime() - from.getTime()) / 3_600_000).toBeCloseTo(48, 0);
    expect(p.get('pageSize')).toBe('20');
  });
});
