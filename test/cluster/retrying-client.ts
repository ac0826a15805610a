/**
 * A client of the cluster as a careful integration would be written: every request is sent again
 * on a network error, a 502 or a 503 (a replica lost, or none ready for a moment), a POST with the
 * same Idempotency-Key, so that the API records it once. It counts what it saw: the answers by
 * replica (HAProxy's X-Served-By), the retries, and the errors left after retrying.
 */

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  /** The replica HAProxy chose (its X-Served-By header), or '' when absent. */
  readonly servedBy: string;
  /** Milliseconds from the first attempt to the answer, retries included. */
  readonly ms: number;
}

export interface ClientTally {
  /** Attempts that failed and were sent again. */
  retries: number;
  /** Requests that ended without a 2xx answer after retrying (each kept with its reason). */
  errors: string[];
  /** Answers per replica name. */
  servedBy: Map<string, number>;
}

const RETRIED_STATUSES = new Set([502, 503]);

export class RetryingClient {
  readonly tally: ClientTally = { retries: 0, errors: [], servedBy: new Map() };
  private cookie = '';

  constructor(
    readonly base: string,
    /** Attempts per request before it counts as an error. */
    private readonly attempts = 40,
    /** Wait between attempts, in milliseconds. */
    private readonly pauseMs = 100,
  ) {}

  /** Logs in (retried like any request) and keeps the session cookie. */
  async login(username: string, password: string): Promise<void> {
    const answer = await this.send('POST', '/api/auth/login', { username, password });
    if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status}`);
  }

  get(path: string): Promise<Answer> {
    return this.send('GET', path);
  }

  /** A POST carrying `key` as its Idempotency-Key on every attempt. */
  post(path: string, body: unknown, key?: string): Promise<Answer> {
    return this.send('POST', path, body, key);
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    key?: string,
  ): Promise<Answer> {
    const started = performance.now();
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key) headers['idempotency-key'] = key;
    let last = '';
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (attempt > 1) {
        this.tally.retries += 1;
        await new Promise((r) => setTimeout(r, this.pauseMs));
      }
      let response: Response;
      try {
        response = await fetch(`${this.base}${path}`, {
          method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        last = `network error: ${(error as Error).message}`;
        continue;
      }
      const text = await response.text().catch(() => null);
      if (text === null) {
        last = 'answer cut short';
        continue;
      }
      if (RETRIED_STATUSES.has(response.status)) {
        last = `${response.status}`;
        continue;
      }
      const servedBy = response.headers.get('x-served-by') ?? '';
      this.tally.servedBy.set(servedBy, (this.tally.servedBy.get(servedBy) ?? 0) + 1);
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
      const parsed = text === '' ? null : safeJson(text);
      if (response.status >= 300) {
        this.tally.errors.push(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
      }
      return { status: response.status, body: parsed, servedBy, ms: performance.now() - started };
    }
    this.tally.errors.push(`${method} ${path}: gave up after ${this.attempts} attempts (${last})`);
    return { status: 0, body: null, servedBy: '', ms: performance.now() - started };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
