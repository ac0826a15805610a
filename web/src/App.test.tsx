// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App.tsx';
import { CATEGORIES } from './api/test-fixtures.ts';
import { SessionProvider } from './auth/session.tsx';
import { LanguageProvider } from './i18n/language.tsx';
import { apiError, on, stubFetch } from './test-fetch.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Who = null | { role: 'adviser' | 'admin' | 'customer'; clientId: number | null };

/** The whole shell at `path`, logged in as `who`; any API call besides the session answers 404. */
function start(path: string, who: Who) {
  history.replaceState(null, '', path);
  const calls = stubFetch(
    on('GET', '/api/auth/session', () => ({
      body: { user: who ? { id: 3, username: who.role, ...who } : null },
    })),
    on('GET', '/api/clients', () => ({ body: { total: 0, page: 1, pageSize: 20, clients: [] } })),
    on('GET', '/api/categories', () => ({ body: CATEGORIES })),
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

const customer: Who = { role: 'customer', clientId: 120002 };

describe('App: who lands where', () => {
  it('sends a visitor who is not logged in to the login page', async () => {
    start('/clients/120002', null);
    await screen.findByTestId('login-username');
    expect(location.pathname).toBe('/login');
  });

  it('sends a logged-in adviser from the login page to the search', async () => {
    start('/login', { role: 'adviser', clientId: null });
    await waitFor(() => expect(location.pathname).toBe('/clients'));
    expect(await screen.findByRole('heading', { name: 'Rechercher un client' })).toBeTruthy();
  });

  it('keeps a customer out of the search and the audit trail: back to their own space', async () => {
    start('/audit', customer);
    await waitFor(() => expect(location.pathname).toBe('/me'));
    cleanup();
    start('/clients?decision=refuse', customer);
    await waitFor(() => expect(location.pathname).toBe('/me'));
  });

  it("sends a customer from their own file's address to their space, made for them", async () => {
    start('/clients/120002', customer);
    await waitFor(() => expect(location.pathname).toBe('/me'));
    // The page is loaded on first use: its module may take a while to come.
    expect(await screen.findByTestId('customer-space', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByTestId('client-page')).toBeNull();
  });

  it("sends an adviser who opens /me to the search: the space is a customer's", async () => {
    start('/me', { role: 'adviser', clientId: null });
    await waitFor(() => expect(location.pathname).toBe('/clients'));
    expect(screen.queryByTestId('customer-space')).toBeNull();
  });

  it("refuses a customer another client's file once, without asking for it", async () => {
    const calls = start('/clients/100002', customer);
    const error = await screen.findByTestId('error-message');
    expect(error.textContent).toContain("Vous n'avez pas accès à ce dossier.");
    expect(screen.getByRole('link', { name: 'Ouvrir mon dossier' }).getAttribute('href')).toBe(
      '/me',
    );
    expect(calls.some((c) => c.url.includes('100002'))).toBe(false);
  });

  it('follows the language in the page element, also at start', async () => {
    localStorage.setItem('creditlens.language', 'en');
    start('/login', null);
    await screen.findByTestId('login-username');
    expect(document.documentElement.lang).toBe('en');
    localStorage.clear();
  });
});
