// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, stubFetch } from '../test-fetch.ts';
import { CategoriesProvider, categoryLookup, useCategories } from './categories.tsx';
import type { Categories } from './types.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ANSWER: Categories = {
  columns: [
    {
      name: 'NAME_CONTRACT_TYPE',
      values: [
        { value: 'Cash loans', fr: 'Prêt personnel', en: 'Cash loan' },
        { value: 'Revolving loans', fr: 'Crédit renouvelable', en: 'Revolving loan' },
      ],
    },
    { name: 'CODE_GENDER', values: [{ value: 'F', fr: 'Femme', en: 'Female' }] },
  ],
};

describe('categoryLookup', () => {
  const lookup = categoryLookup(ANSWER);

  it("offers a column's values in the API's order, worded in the language", () => {
    expect(lookup.loaded).toBe(true);
    expect(lookup.choices('NAME_CONTRACT_TYPE', 'fr')).toEqual([
      ['Cash loans', 'Prêt personnel'],
      ['Revolving loans', 'Crédit renouvelable'],
    ]);
    expect(lookup.choices('CODE_GENDER', 'en')).toEqual([['F', 'Female']]);
    expect(lookup.choices('NO_SUCH_COLUMN', 'fr')).toEqual([]);
  });

  it('words a stored value, keeps a value it cannot word, and marks a missing one', () => {
    expect(lookup.label('NAME_CONTRACT_TYPE', 'Revolving loans', 'en')).toBe('Revolving loan');
    expect(lookup.label('NAME_CONTRACT_TYPE', 'Mortgage', 'fr')).toBe('Mortgage');
    expect(lookup.label('OCCUPATION_TYPE', 'Drivers', 'fr')).toBe('Drivers');
    expect(lookup.label('CODE_GENDER', null, 'fr')).toBe('—');
  });

  it("accepts only the column's values", () => {
    expect(lookup.accepts('CODE_GENDER', 'F')).toBe(true);
    expect(lookup.accepts('CODE_GENDER', 'Q')).toBe(false);
    expect(lookup.accepts('NO_SUCH_COLUMN', 'F')).toBe(false);
  });

  it('before the answer: no choices, values as stored, every value accepted', () => {
    const waiting = categoryLookup(null);
    expect(waiting.loaded).toBe(false);
    expect(waiting.choices('NAME_CONTRACT_TYPE', 'fr')).toEqual([]);
    expect(waiting.label('NAME_CONTRACT_TYPE', 'Cash loans', 'fr')).toBe('Cash loans');
    expect(waiting.accepts('CODE_GENDER', 'Q')).toBe(true);
  });
});

function Contract() {
  const categories = useCategories();
  return <p data-testid="contract">{categories.label('NAME_CONTRACT_TYPE', 'Cash loans', 'fr')}</p>;
}

describe('CategoriesProvider', () => {
  it('asks GET /api/categories once for every reader, and words values once it has answered', async () => {
    const calls = stubFetch(on('GET', '/api/categories', () => ({ body: ANSWER })));
    render(
      <CategoriesProvider>
        <Contract />
        <Contract />
      </CategoriesProvider>,
    );
    // Until the answer, the value as stored.
    expect(screen.getAllByTestId('contract')[0]?.textContent).toBe('Cash loans');
    await waitFor(() =>
      expect(screen.getAllByTestId('contract').map((p) => p.textContent)).toEqual([
        'Prêt personnel',
        'Prêt personnel',
      ]),
    );
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/categories']);
  });

  it('keeps the values as stored when the API fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const calls = stubFetch(() => ({ status: 503, body: { error: { code: 'NOT_READY' } } }));
    render(
      <CategoriesProvider>
        <Contract />
      </CategoriesProvider>,
    );
    await waitFor(() => expect(error).toHaveBeenCalled());
    expect(screen.getByTestId('contract').textContent).toBe('Cash loans');
    expect(calls).toHaveLength(1);
    error.mockRestore();
  });

  it('is required above its readers', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Contract />)).toThrow('useCategories outside CategoriesProvider');
    error.mockRestore();
  });
});
