/**
 * Cross-site request forgery: a request that changes data (any method but GET, HEAD and OPTIONS)
 * must come from this site's own pages, else 403 CROSS_ORIGIN. The rule is Go's
 * `http.CrossOriginProtection` (net/http, Go 1.25):
 *
 * 1. an `Origin` among the configured `allowedOrigins` passes;
 * 2. else `Sec-Fetch-Site`, which every current browser sends and no page can forge, decides:
 *    `same-origin` or `none` (the user's own action: address bar, bookmark) pass, `same-site` and
 *    `cross-site` are refused;
 * 3. else (older browsers) `Origin`, when sent, must name this server: its host and port equal the
 *    request's host (`Host`, or `X-Forwarded-Host` when `trustProxy` is set, as Fastify reads it);
 *    the scheme is not compared, so a proxy ending TLS needs no setting. `Origin: null` (sandboxed
 *    frames, file: pages) is refused;
 * 4. a request with neither header is not from a browser (curl, scripts, inject() in tests) and
 *    passes: browsers send one of them on every cross-origin POST, and the session cookie is
 *    SameSite=Strict besides.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The header's single value (a repeated header counts as absent-and-suspicious: its first). */
function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Whether `origin` ("https://host:port") names the host the request was sent to. */
function isOwnOrigin(origin: string, request: FastifyRequest): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === 'null') return false;
  let own: string;
  try {
    // Through the URL parser, so a default port ("example.org:443" for https) compares equal.
    own = new URL(`${parsed.protocol}//${request.host}`).host;
  } catch {
    return false;
  }
  return parsed.host === own;
}

/** Whether a state-changing request may go on (see the rule above). */
export function isSameOrigin(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  const origin = header(request, 'origin');
  if (origin !== undefined && allowedOrigins.includes(origin)) return true;
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  if (origin !== undefined) return isOwnOrigin(origin, request);
  return true;
}

/** Refuses state-changing requests from other sites (an onRequest hook for every route). */
export function installSameOriginCheck(app: FastifyInstance): void {
  const { allowedOrigins } = app.ctx.config;
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (!isSameOrigin(request, allowedOrigins)) throw apiError('CROSS_ORIGIN');
  });
}
