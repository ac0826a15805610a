/**
 * Bodies: a request that changes data (any method but GET, HEAD and OPTIONS) sends JSON or
 * nothing — a `Content-Type` other than application/json, even on an empty body, or a body without
 * one is 415 UNSUPPORTED_MEDIA_TYPE, before anything is parsed (so neither a form nor text/plain,
 * the types a page of another site may post without asking, ever reaches a route). A GET, HEAD
 * or OPTIONS takes no body: one is refused with 400 naming `body`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the request carries a body: a positive Content-Length, or any Transfer-Encoding. */
function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  if (length !== undefined && length.trim() !== '0') return true;
  return request.headers['transfer-encoding'] !== undefined;
}

/** "application/json" from "Application/JSON; charset=utf-8". */
function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** The 415 and the GET-body refusal (an onRequest hook for every route). */
export function installBodyRules(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const contentType = request.headers['content-type'];
    if (SAFE_METHODS.has(request.method)) {
      if (hasBody(request)) {
        throw apiError('BAD_REQUEST', {
          field: 'body',
          reason: `a ${request.method} request takes no body`,
        });
      }
      return;
    }
    const json = contentType !== undefined && mediaType(contentType) === 'application/json';
    if (contentType !== undefined ? !json : hasBody(request)) {
      throw apiError('UNSUPPORTED_MEDIA_TYPE');
    }
  });
}
