// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, stubFetch } from '../test-fetch.ts';
import { SessionProvider, useSession } from './session.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function Who() {
  const { user } = useSession();
  if (user === undefined) return <p>asking</p>;
  return <p data-testid="who">{user ? user.username : 'nobody'}</p>;
}

function start(user: unknown) {
  const calls = stubFetch(on('GET', '/api/auth/session', () => ({ body: { user } })));
  render(
    <SessionProvider>
      <Who />
    </SessionProvider>,
  );
  return calls;
}

describe('SessionProvider', () => {
  it('asks /api/auth/session once at start: logged out is an answer, not an error', async () => {
    const errors = vi.spyOn(console, 'error');
    const calls = start(null);
    expect((await screen.findByTestId('who')).textContent).toBe('nobody');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/auth/session']);
    expect(errors).not.toHaveBeenCalled();
  });

  it('knows the logged-in user from the same request', async () => {
    start({ id: 1, username: 'adviser', role: 'adviser', clientId: null });
    expect((await screen.findByTestId('who')).textContent).toBe('adviser');
  });
});
