/**
 * One place that turns anything thrown into the catalogue's JSON error body. Known errors keep
 * their status (ApiError, validation, body parsing, rate limit); anything else is a 500 with the
 * request id only, its details going to the log, never to the caller.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, apiError, type ErrorCode, renderMessage } from './errors.ts';
import { isStoreUnavailable } from './store/postgres-store.ts';

interface ValidationItem {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const CONTEXT_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/** "body.username" from an Ajv error: the path, or the missing / extra property it names. */
export function fieldOf(context: string | undefined, item: ValidationItem): string {
  const base = CONTEXT_NAMES[context ?? ''] ?? context ?? 'request';
  const path = (item.instancePath ?? '').split('/').filter(Boolean);
  const named = item.params?.missingProperty ?? item.params?.additionalProperty;
  if (typeof named === 'string') path.push(named);
  return [base, ...path].join('.');
}

function reasonOf(item: ValidationItem): string {
  if (item.keyword === 'additionalProperties') return 'unknown field';
  if (item.keyword === 'required') return 'required';
  return item.message ?? 'invalid value';
}

/** The catalogue code of a framework error, chosen by its code or status (never its text). */
function codeOfFrameworkError(error: FastifyError): ErrorCode {
  const status = error.statusCode ?? 500;
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'TOO_MANY_REQUESTS';
  if (status === 404) return 'NOT_FOUND';
  if (status >= 400 && status < 500) {
    return error.code?.includes('JSON') || error instanceof SyntaxError
      ? 'BAD_JSON'
      : 'BAD_REQUEST';
  }
  return 'INTERNAL';
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The methods a route answers on this path (for a 405 and its Allow header). The dashboard's
 * catch-all GET (`/*`, index.html for page paths) does not count: it is no resource of its own.
 */
function methodsOf(app: FastifyInstance, url: string): string[] {
  const path = url.split('?')[0] ?? url;
  return METHODS.filter((method) => {
    const found = app.findRoute({ method, url: path });
    return found !== null && !('*' in (found.params ?? {}));
  });
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: ApiError): void {
  const body: { code: string; message: string; field?: string; requestId: string } = {
    code: error.code,
    message: error.message,
    requestId: String(request.id),
  };
  if (error.field !== undefined) body.field = error.field;
  void reply.status(error.statusCode).send({ error: body });
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError, request, reply) => {
    if (raw instanceof ApiError) return sendError(reply, request, raw);
    if (raw.validation && raw.validation.length > 0) {
      const item = raw.validation[0] as ValidationItem;
      const field = fieldOf(raw.validationContext, item);
      return sendError(reply, request, apiError('BAD_REQUEST', { field, reason: reasonOf(item) }));
    }
    if (isStoreUnavailable(raw)) {
      // PostgreSQL is down or restarting: nothing was acknowledged, the client may retry.
      request.log.warn({ err: raw }, 'the app store does not answer');
      return sendError(
        reply,
        request,
        apiError('NOT_READY', { reason: 'the app store (PostgreSQL) does not answer' }),
      );
    }
    const code = codeOfFrameworkError(raw);
    if (code === 'INTERNAL') {
      request.log.error({ err: raw }, 'unexpected error');
      return sendError(
        reply,
        request,
        new ApiError('INTERNAL', renderMessage('INTERNAL', { requestId: String(request.id) })),
      );
    }
    if (code === 'TOO_MANY_REQUESTS') {
      const after = reply.getHeader('retry-after');
      return sendError(
        reply,
        request,
        apiError(code, { after: after === undefined ? 'a minute' : `${after} s` }),
      );
    }
    if (code === 'BAD_REQUEST') {
      return sendError(reply, request, apiError(code, { field: 'request', reason: raw.message }));
    }
    return sendError(reply, request, apiError(code, { method: request.method, url: request.url }));
  });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.slice(0, 200);
    const allowed = methodsOf(app, request.url);
    if (allowed.length > 0) {
      void reply.header('allow', allowed.join(', '));
      const params = { method: request.method, url, allowed: allowed.join(', ') };
      return sendError(reply, request, apiError('METHOD_NOT_ALLOWED', params));
    }
    sendError(reply, request, apiError('NOT_FOUND', { method: request.method, url }));
  });
}
