/**
 * A fetch stand-in for component tests: answers by method and path from a table of handlers,
 * records every call, and fails loudly on a request no handler expects.
 */
import { vi } from 'vitest';

export interface FetchCall {
  method: string;
  /** Path and query, e.g. "/api/clients?page=1". */
  url: string;
  body: unknown;
}

export type Handler = (call: FetchCall) => { status?: number; body?: unknown } | undefined;

/** Stubs the global fetch; handlers are tried in order, the first answer wins. */
export function stubFetch(...handlers: Handler[]): FetchCall[] {
  const calls: FetchCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const call: FetchCall = {
        method: init.method ?? 'GET',
        url: String(input),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      calls.push(call);
      for (const handler of handlers) {
        const answer = handler(call);
        if (answer) {
          const status = answer.status ?? 200;
          const text = status === 204 ? null : JSON.stringify(answer.body ?? {});
          return new Response(text, {
            status,
            headers: { 'content-type': 'application/json' },
          });
        }
      }
      throw new Error(`unexpected request ${call.method} ${call.url}`);
    }),
  );
  return calls;
}

/** A handler for one method and path (query ignored unless the path has one). */
export function on(
  method: string,
  path: string | RegExp,
  answer: (call: FetchCall) => { status?: number; body?: unknown },
): Handler {
  return (call) => {
    if (call.method !== method) return undefined;
    const target =
      typeof path === 'string' && !path.includes('?') ? call.url.split('?')[0] : call.url;
    const matches = typeof path === 'string' ? target === path : path.test(call.url);
    return matches ? answer(call) : undefined;
  };
}

/** The API's error body. */
export function apiError(status: number, code: string, message: string) {
  return { status, body: { error: { code, message, requestId: 'test' } } };
}
