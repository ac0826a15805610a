import { describe, expect, it } from 'vitest';
import { categoryLookup } from '../../api/categories.tsx';
import { CATEGORIES } from '../../api/test-fixtures.ts';
import {
  clientListPath,
  clientQueryString,
  parseClientQuery as parseWith,
  withFilter,
  withSort,
} from './client-query.ts';

/** The state of a query string once the API has listed its category values. */
const parseClientQuery = (search: string) => parseWith(search, categoryLookup(CATEGORIES).accepts);

describe('the search page state in the URL', () => {
  it('round-trips through the query string, defaults left out', () => {
    const search = '?search=1002&gender=F&ageMin=30&ageMax=40&decision=refuse&sort=-credit&page=3';
    expect(clientQueryString(parseClientQuery(search))).toBe(search);
    expect(clientQueryString(parseClientQuery('?sort=id&page=1'))).toBe('');
  });

  it('drops hand-edited values the API would refuse instead of failing', () => {
    const q = parseClientQuery(
      '?gender=Q&ageMin=abc&ageMax=300&decision=maybe&sort=DROP&page=0&search=12a&pointsMin=1.5',
    );
    expect(clientQueryString(q)).toBe('');
  });

  it('keeps category values until the API has listed them', () => {
    const q = parseWith('?gender=Q&contractType=Cash+loans', categoryLookup(null).accepts);
    expect(clientQueryString(q)).toBe('?contractType=Cash+loans&gender=Q');
  });

  it('keeps the lower bound of a crossed range', () => {
    expect(clientQueryString(parseClientQuery('?ageMin=50&ageMax=20'))).toBe('?ageMin=50');
    expect(clientQueryString(parseClientQuery('?pointsMin=700&pointsMax=500'))).toBe(
      '?pointsMin=700',
    );
  });

  it('returns to the first page when a filter or the sort changes', () => {
    const q = parseClientQuery('?decision=grant&page=4');
    expect(clientQueryString(withFilter(q, 'gender', 'M'))).toBe('?gender=M&decision=grant');
    expect(clientQueryString(withFilter(q, 'decision', ''))).toBe('');
    expect(clientQueryString(withSort(q, 'age'))).toBe('?decision=grant&sort=age');
    expect(withSort(withSort(q, 'age'), 'age').sort).toBe('-age');
  });

  it('asks the API with its own parameter names, page size and sort', () => {
    const path = clientListPath(parseClientQuery('?incomeType=State+servant&pointsMin=-20'));
    const params = new URL(path, 'http://x').searchParams;
    expect(path.startsWith('/api/clients?')).toBe(true);
    expect(Object.fromEntries(params)).toEqual({
      incomeType: 'State servant',
      pointsMin: '-20',
      page: '1',
      pageSize: '20',
      sort: 'id',
    });
  });
});
