/**
 * The wording of the application's category values, as the API words them (GET /api/categories):
 * asked once after login and shared by whatever words a category or offers one — the search
 * filters, the client table, the comparison's group filters, the application form's selects.
 * Until the answer arrives (or if it fails) a value shows as stored and every value is accepted.
 */
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { Language } from '../i18n/language.tsx';
import { api } from './client.ts';
import type { Categories, CategoryValue } from './types.ts';

export interface CategoryLookup {
  /** True once the API has answered. */
  readonly loaded: boolean;
  /**
   * A column's values, most frequent first, with their words in `language` (none until loaded);
   * `current` (a select's value) first and as stored when the list lacks it, so a select always
   * shows what its field holds.
   */
  choices(column: string, language: Language, current?: string): [value: string, label: string][];
  /** A stored value in words: the value itself when the API does not word it, '—' for none. */
  label(column: string, value: string | null, language: Language): string;
  /** Whether the column takes `value` (any value until the API has answered). */
  accepts(column: string, value: string): boolean;
}

/** The lookup over an answer of GET /api/categories (null: not there yet). */
export function categoryLookup(answer: Categories | null): CategoryLookup {
  const columns = new Map<string, Map<string, CategoryValue>>(
    (answer?.columns ?? []).map((c) => [c.name, new Map(c.values.map((v) => [v.value, v]))]),
  );
  const valuesOf = (column: string) => columns.get(column)?.values() ?? [];
  return {
    loaded: answer !== null,
    choices: (column, language, current) => {
      const listed = [...valuesOf(column)].map((v): [string, string] => [v.value, v[language]]);
      const missing = current && !columns.get(column)?.has(current);
      return missing ? [[current, current], ...listed] : listed;
    },
    label: (column, value, language) => {
      if (value === null) return '—';
      return columns.get(column)?.get(value)?.[language] ?? value;
    },
    accepts: (column, value) => answer === null || columns.get(column)?.has(value) === true,
  };
}

const NOT_LOADED = categoryLookup(null);
const CategoriesContext = createContext<CategoryLookup | null>(null);

/** Asks GET /api/categories once (the logged-in shell mounts it) and shares the answer. */
export function CategoriesProvider({ children }: { children: ReactNode }) {
  const [lookup, setLookup] = useState(NOT_LOADED);
  useEffect(() => {
    let live = true;
    api.get('/api/categories').then(
      (answer) => {
        if (live) setLookup(categoryLookup(answer));
      },
      // Values then show as stored: the pages still work, in the data's words.
      (error: unknown) => console.error(error),
    );
    return () => {
      live = false;
    };
  }, []);
  return <CategoriesContext.Provider value={lookup}>{children}</CategoriesContext.Provider>;
}

export function useCategories(): CategoryLookup {
  const lookup = useContext(CategoriesContext);
  if (!lookup) throw new Error('useCategories outside CategoriesProvider');
  return lookup;
}
