// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../auth/session.tsx';
import { LanguageProvider } from '../i18n/language.tsx';
import { apiError, on, stubFetch } from '../test-fetch.ts';
import { LoginPage, retryAfterSeconds } from './LoginPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const notLoggedIn = on('GET', '/api/auth/session', () => ({ body: { user: null } }));

function renderLogin() {
  return render(
    <LanguageProvider>
      <SessionProvider>
        <LoginPage />
      </SessionProvider>
    </LanguageProvider>,
  );
}

function submit(username: string, password: string) {
  fireEvent.change(screen.getByLabelText("Nom d'utilisateur"), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('LoginPage', () => {
  it('puts the focus on the user name', () => {
    stubFetch(notLoggedIn);
    renderLogin();
    expect(document.activeElement).toBe(screen.getByTestId('login-username'));
  });

  it('says in words that the user name or password is wrong, and clears the password', async () => {
    const calls = stubFetch(
      notLoggedIn,
      on('POST', '/api/auth/login', () =>
        apiError(401, 'BAD_CREDENTIALS', 'unknown user name or wrong password'),
      ),
    );
    renderLogin();
    submit('adviser', 'nope');
    const error = await screen.findByTestId('login-error');
    expect(error.textContent).toContain("Nom d'utilisateur ou mot de passe incorrect");
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      username: 'adviser',
      password: 'nope',
    });
    expect((screen.getByTestId('login-password') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('login-submit') as HTMLButtonElement).disabled).toBe(false);
  });

  it('says when to try again after too many attempts', async () => {
    stubFetch(
      notLoggedIn,
      on('POST', '/api/auth/login', () =>
        apiError(429, 'TOO_MANY_REQUESTS', 'too many attempts: try again in 42 s'),
      ),
    );
    renderLogin();
    submit('adviser', 'nope');
    const error = await screen.findByTestId('login-error');
    expect(error.textContent).toMatch(/Trop de tentatives\. Réessayez dans 42 s \(à \d\d:\d\d\)/);
  });

  it('shows it is busy while the server checks', async () => {
    let release: () => void = () => {};
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/api/auth/session') return new Response('{"user":null}', { status: 200 });
        await answered;
        return new Response(
          JSON.stringify({ user: { id: 1, username: 'adviser', role: 'adviser', clientId: null } }),
          { status: 200 },
        );
      }),
    );
    renderLogin();
    submit('adviser', 'adviser-demo');
    const button = screen.getByTestId('login-submit') as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(true));
    expect(button.textContent).toBe('Connexion…');
    release();
    await waitFor(() => expect(screen.queryByTestId('login-error')).toBeNull());
  });

  it('reads the wait from the API message', () => {
    expect(retryAfterSeconds('too many attempts: try again in 42 s')).toBe(42);
    expect(retryAfterSeconds('too many attempts: try again in a minute')).toBeNull();
  });
});
