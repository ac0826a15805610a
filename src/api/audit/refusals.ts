/**
 * Refused accesses to client data in the audit trail: every 401 or 403 answered on a route that
 * reads clients (/api/clients…, /api/population…, POST /api/score) is recorded as
 * `access.refused`, with the client asked for (see clientAskedFor), the error code, the route and
 * the query's fields (the filters a probe tried); a body only as part of the inputs' fingerprint. One hook for every route, so a new route cannot forget it; it runs
 * before the error handler answers, so the record is durable before the refusal is sent, as for
 * any audited request.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.ts';
import { recordAudit } from './record.ts';

export const REFUSED_ACTION = 'access.refused';

/** Routes holding client data (matched on the route's pattern, not the URL asked). */
const CLIENT_DATA_ROUTE = /^\/api\/(clients|population|score)(\/|$)/;

type Fields = Record<string, unknown> | null | undefined;

/**
 * The client a request is about: `:id` of the path, `client` of the query, `clientId` of the
 * body, or the SK_ID_CURR of a new application (as its what-if is audited).
 */
export function clientAskedFor(request: FastifyRequest): number | null {
  const body = request.body as Fields;
  const candidates = [
    (request.params as Fields)?.id,
    (request.query as Fields)?.client,
    body?.clientId,
    ((body?.application ?? null) as Fields)?.SK_ID_CURR,
  ];
  for (const value of candidates) {
    const id = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id;
  }
  return null;
}

function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.statusCode === 401 || error.statusCode === 403);
}

/** Installs the hook (before the routes are registered, so that every route has it). */
export function installRefusalAudit(app: FastifyInstance): void {
  app.addHook('onError', async (request, _reply, error) => {
    if (!isRefusal(error)) return;
    const route = request.routeOptions.url;
    if (route === undefined || !CLIENT_DATA_ROUTE.test(route)) return;
    const query = (request.query ?? {}) as Record<string, unknown>;
    await recordAudit(app, request, {
      action: REFUSED_ACTION,
      clientId: clientAskedFor(request),
      inputs: { method: request.method, url: request.url, body: request.body ?? null },
      output: {
        status: error.statusCode,
        code: error.code,
        route: `${request.method} ${route}`,
        query,
        ...(error.field !== undefined ? { field: error.field } : {}),
      },
    });
  });
}
