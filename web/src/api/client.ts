/**
 * The dashboard's only door to the API: same-origin fetch with the session cookie, JSON in and
 * out, each call typed by its path (routes.ts), and every failure turned into an ApiFailure a page
 * can show (status, code, field, message).
 */
import type { ErrorBody } from './generated/api-types.ts';
import type {
  GetAnswer,
  GetPath,
  PatchAnswer,
  PatchBody,
  PatchPath,
  PostAnswer,
  PostBody,
  PostPath,
  Query,
} from './routes.ts';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** Called on every 401 so the shell can send the person back to the login page. */
let onUnauthorised: (() => void) | null = null;
export function setUnauthorisedHandler(handler: (() => void) | null): void {
  onUnauthorised = handler;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiFailure(0, 'NETWORK', `network: ${(error as Error).message}`);
  }
  if (response.status === 204) return null as T;
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): reported below with the status.
  }
  if (!response.ok) {
    // Whatever answers with an error status (a proxy too): the API's error body, or not.
    const error = (parsed as Partial<ErrorBody> | null)?.error;
    if (response.status === 401 && path !== '/api/auth/login') onUnauthorised?.();
    throw new ApiFailure(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? `${response.status} ${response.statusText}`,
      error?.field,
    );
  }
  return parsed as T;
}

export const api = {
  get: <P extends GetPath>(path: P) => request<GetAnswer<P>>('GET', path),
  /** `headers`: an `Idempotency-Key` for a POST that records (docs/api.md), say. */
  post: <P extends PostPath>(path: P, body: PostBody<P>, headers?: Record<string, string>) =>
    request<PostAnswer<P>>('POST', path, body, headers),
  patch: <P extends PatchPath>(path: P, body: PatchBody<P>) =>
    request<PatchAnswer<P>>('PATCH', path, body),
};

/**
 * A fresh key for the `Idempotency-Key` header: a random UUID (crypto.randomUUID, or the same
 * built from crypto.getRandomValues where the page is not a secure context and randomUUID is
 * missing).
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A query string from the defined, non-empty values of an object (arrays repeat the key). */
export function queryString(params: Record<string, unknown>): Query {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
