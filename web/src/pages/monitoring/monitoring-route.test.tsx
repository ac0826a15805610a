// @vitest-environment happy-dom
/** The monitoring page in the shell: /monitoring for an admin (loaded on first use), nobody else. */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App.tsx';
import { CATEGORIES } from '../../api/test-fixtures.ts';
import { SessionProvider } from '../../auth/session.tsx';
import { LanguageProvider } from '../../i18n/language.tsx';
import { parseRoute } from '../../router.tsx';
import { apiError, on, stubFetch } from '../../test-fetch.ts';
import { report } from './test-fixtures.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function start(role: 'adviser' | 'admin') {
  history.replaceState(null, '', '/monitoring');
  const calls = stubFetch(
    on('GET', '/api/auth/session', () => ({
      body: { user: { id: 3, username: role, role, clientId: null } },
    })),
    on('GET', '/api/categories', () => ({ body: CATEGORIES })),
    on('GET', '/api/monitoring/latest', () => {
      const r = report();
      return { body: { latest: { createdAt: r.createdAt, modelId: r.model.id, status: 'red' } } };
    }),
    on('GET', '/api/monitoring', () => ({ body: report() })),
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

describe('the monitoring page in the shell', () => {
  it('reads /monitoring', () => {
    expect(parseRoute('/monitoring')).toEqual({ page: 'monitoring' });
  });

  it('opens for an admin, the last report first', async () => {
    start('admin');
    expect(await screen.findByTestId('monitoring-summary', {}, { timeout: 5000 })).toBeTruthy();
  });

  it('answers "page introuvable" to an adviser, without asking the API', async () => {
    const calls = start('adviser');
    await waitFor(() => expect(screen.getByText('Page introuvable')).toBeTruthy());
    expect(calls.map((c) => c.url)).not.toContain('/api/monitoring');
  });
});
