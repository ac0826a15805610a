// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../api/types.ts';
import { SessionProvider, useSession } from '../auth/session.tsx';
import { LanguageProvider } from '../i18n/language.tsx';
import { on, stubFetch } from '../test-fetch.ts';
import { AppHeader } from './AppHeader.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** The header once /api/auth/session has said who is logged in. */
function Shell() {
  const { user } = useSession();
  return user ? <AppHeader /> : <p>logged out</p>;
}

async function renderAs(role: Role, username: string = role) {
  const clientId = role === 'customer' ? 100002 : null;
  const calls = stubFetch(
    on('GET', '/api/auth/session', () => ({ body: { user: { id: 7, username, role, clientId } } })),
    on('POST', '/api/auth/logout', () => ({ status: 204 })),
  );
  render(
    <LanguageProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </LanguageProvider>,
  );
  await screen.findByTestId('current-user');
  return calls;
}

const navIds = () =>
  Array.from(screen.getByRole('navigation').querySelectorAll('a'), (a) =>
    a.getAttribute('data-testid'),
  );

describe('AppHeader', () => {
  it('gives an adviser the clients, the follow-up, a new application and the model, not the audit trail', async () => {
    await renderAs('adviser', 'marie');
    expect(navIds()).toEqual(['nav-clients', 'nav-worklist', 'nav-new', 'nav-model']);
    expect(screen.getByTestId('nav-worklist').getAttribute('href')).toBe('/worklist');
    expect(screen.getByTestId('current-user').textContent).toContain('marie');
    expect(screen.getByTestId('current-user').textContent).toContain('conseiller');
  });

  it('gives an admin the audit trail, the users and the model registry too', async () => {
    await renderAs('admin');
    expect(navIds()).toEqual([
      'nav-clients',
      'nav-worklist',
      'nav-new',
      'nav-model',
      'nav-audit',
      'nav-users',
      'nav-models',
      'nav-monitoring',
    ]);
    expect(screen.getByTestId('nav-users').getAttribute('href')).toBe('/users');
    expect(screen.getByTestId('nav-models').getAttribute('href')).toBe('/models');
    expect(screen.getByTestId('nav-monitoring').getAttribute('href')).toBe('/monitoring');
  });

  it('gives a customer their own file only', async () => {
    await renderAs('customer');
    expect(navIds()).toEqual(['nav-own-file']);
    expect(screen.getByTestId('nav-own-file').getAttribute('href')).toBe('/me');
    expect(screen.getByTestId('logout')).toBeTruthy();
  });

  it('offers a skip link to the content first', async () => {
    await renderAs('adviser');
    const first = document.querySelector('a');
    expect(first?.getAttribute('href')).toBe('#main');
    expect(first?.textContent).toBe('Aller au contenu');
  });

  it('switches the language and says so in the other language', async () => {
    await renderAs('adviser');
    const toggle = screen.getByTestId('language-switch');
    expect(toggle.textContent).toBe('English');
    fireEvent.click(toggle);
    expect(screen.getByTestId('logout').textContent).toBe('Log out');
    expect(screen.getByTestId('language-switch').textContent).toBe('Français');
  });

  it('logs out through the API and leaves the shell', async () => {
    const calls = await renderAs('adviser');
    fireEvent.click(screen.getByTestId('logout'));
    await screen.findByText('logged out');
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/auth/logout')).toBe(true);
    await waitFor(() => expect(location.pathname).toBe('/login'));
  });
});
