// @vitest-environment happy-dom
/** The admin pages in the shell: where they are, who gets them, and a run's card by its id. */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App.tsx';
import { CATEGORIES } from '../../api/test-fixtures.ts';
import { SessionProvider } from '../../auth/session.tsx';
import { LanguageProvider } from '../../i18n/language.tsx';
import { parseRoute } from '../../router.tsx';
import { apiError, on, stubFetch } from '../../test-fetch.ts';
import { modelCard } from '../model/test-fixtures.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const RUN = 'm-20261204-100000-bbbb';

function start(path: string, role: 'adviser' | 'admin') {
  history.replaceState(null, '', path);
  const calls = stubFetch(
    on('GET', '/api/auth/session', () => ({
      body: { user: { id: 3, username: role, role, clientId: null } },
    })),
    on('GET', '/api/categories', () => ({ body: CATEGORIES })),
    on('GET', '/api/admin/users', () => ({ body: { users: [] } })),
    on('GET', '/api/admin/models', () => ({ body: { served: null, models: [] } })),
    on('GET', `/api/admin/models/${RUN}`, () => ({ body: { ...modelCard, id: RUN } })),
    () => apiError(404, 'NOT_FOUND', 'not in this test'),
  );
  render(
    <LanguageProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </LanguageProvider>,
  );
  return calls;
}

describe('admin pages in the shell', () => {
  it('reads /users, /models and /models/:id, and nothing else as a run', () => {
    expect(parseRoute('/users')).toEqual({ page: 'users' });
    expect(parseRoute('/models')).toEqual({ page: 'models' });
    expect(parseRoute(`/models/${RUN}`)).toEqual({ page: 'model-run', id: RUN });
    expect(parseRoute('/models/../etc').page).toBe('not-found');
    expect(parseRoute('/models/m-2026').page).toBe('not-found');
  });

  it('opens the users and models pages for an admin (loaded on first use)', async () => {
    start('/users', 'admin');
    expect(await screen.findByTestId('users-page', {}, { timeout: 5000 })).toBeTruthy();
    cleanup();
    start('/models', 'admin');
    expect(await screen.findByTestId('models-page', {}, { timeout: 5000 })).toBeTruthy();
  });

  it("opens a run's card by id, with the way back to the registry", async () => {
    const calls = start(`/models/${RUN}`, 'admin');
    const page = await screen.findByTestId('model-page', {}, { timeout: 5000 });
    expect(page.querySelector('h1')?.textContent).toBe(`Fiche du modèle ${RUN}`);
    expect(screen.getByRole('link', { name: 'Retour au registre des modèles' })).toBeTruthy();
    expect(calls.map((c) => c.url)).toContain(`/api/admin/models/${RUN}`);
    expect(calls.map((c) => c.url)).not.toContain('/api/model');
  });

  it('answers "page introuvable" to an adviser, without asking the API', async () => {
    for (const path of ['/users', '/models', `/models/${RUN}`]) {
      const calls = start(path, 'adviser');
      await waitFor(() => expect(screen.getByText('Page introuvable')).toBeTruthy());
      expect(calls.filter((c) => c.url.startsWith('/api/admin'))).toEqual([]);
      cleanup();
    }
  });
});
