/**
 * Test helpers for the client-file panels: a fetch stub answering like the API, and a render
 * inside the language and session providers (a logged-in user of the given role).
 */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { CategoriesProvider } from '../api/categories.tsx';
import type { User } from '../api/types.ts';
import { SessionProvider, useSession } from '../auth/session.tsx';
import { LanguageProvider } from '../i18n/language.tsx';

export interface StubCall {
  method: string;
  url: string;
  body: unknown;
  /** The request's headers, names in lower case. */
  headers: Record<string, string>;
}

export type StubAnswer = { status: number; body: unknown };
type Handler = (call: StubCall) => StubAnswer;

/**
 * Stubs fetch: `routes` maps "GET /api/…" (path with query) to an answer or a function of the
 * call; anything else is a 404 in the API's error shape. Returns the calls made, in order.
 */
export function stubApi(routes: Record<string, StubAnswer | Handler>): StubCall[] {
  const calls: StubCall[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const call = {
      method,
      url: String(input),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: Object.fromEntries(
        Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [
          k.toLowerCase(),
          v,
        ]),
      ),
    };
    calls.push(call);
    const route = routes[`${method} ${call.url}`];
    const answer =
      route === undefined
        ? {
            status: 404,
            body: { error: { code: 'NOT_FOUND', message: `no stub for ${call.url}` } },
          }
        : typeof route === 'function'
          ? route(call)
          : route;
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return calls;
}

export const USERS = {
  adviser: { id: 1, username: 'adviser', role: 'adviser', clientId: null },
  customer: { id: 3, username: 'customer1', role: 'customer', clientId: 100302 },
} as const satisfies Record<string, User>;

/**
 * Renders `ui` for a logged-in user, with the category words the shell provides; `routes` must not
 * answer /api/auth/session (added here); /api/categories answers no words unless `routes` does.
 */
export function renderPanel(
  ui: ReactElement,
  routes: Record<string, StubAnswer | Handler>,
  options: { role?: keyof typeof USERS; language?: 'fr' | 'en' } = {},
) {
  localStorage.setItem('creditlens.language', options.language ?? 'fr');
  const calls = stubApi({
    'GET /api/auth/session': { status: 200, body: { user: USERS[options.role ?? 'adviser'] } },
    'GET /api/categories': { status: 200, body: { columns: [] } },
    ...routes,
  });
  const result = render(
    <LanguageProvider>
      <SessionProvider>
        <SessionGate>
          <CategoriesProvider>{ui}</CategoriesProvider>
        </SessionGate>
      </SessionProvider>
    </LanguageProvider>,
  );
  return { ...result, calls };
}

/** Like the shell: the panels render only once the user is known. */
function SessionGate({ children }: { children: ReactElement }) {
  const { user } = useSession();
  return user ? children : null;
}
