/**
 * The errors Fastify and Node answer before any route or hook runs, in the catalogue's format
 * like every other error: a URL the router cannot decode or with an over-long segment (Fastify's
 * `frameworkErrors` option), and requests Node's HTTP parser refuses — headers over its size
 * limit, an unknown method, a malformed header, a request that never finishes arriving (the
 * server's `clientErrorHandler`: no request object exists yet, so the answer is written to the
 * socket, which is then closed).
 */
import { randomUUID } from 'node:crypto';
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './error-handler.ts';
import { ApiError, apiError, ERROR_CATALOGUE, renderMessage } from './errors.ts';

/** find-my-way's limit on one path parameter (Fastify's default `maxParamLength`). */
export const MAX_PARAM_LENGTH = 100;

/** The catalogue error of a router refusal (anything else is unexpected: a 500). */
function routerErrorOf(error: FastifyError, request: FastifyRequest): ApiError {
  if (error.code === 'FST_ERR_BAD_URL') {
    return apiError('BAD_URL', { reason: 'invalid percent-encoding' });
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const reason = `a path segment is longer than ${MAX_PARAM_LENGTH} characters`;
    return apiError('BAD_URL', { reason });
  }
  request.log.error({ err: error }, 'unexpected framework error');
  return new ApiError('INTERNAL', renderMessage('INTERNAL', { requestId: String(request.id) }));
}

/** Fastify's `frameworkErrors` option: the router's refusals as catalogue errors. */
export function frameworkErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  // No route context: the server's onSend hooks do not run, so the id header is set here.
  void reply.header('x-request-id', String(request.id));
  sendError(reply, request, routerErrorOf(error, request));
}

/** What the parser's error codes mean, in the caller's words (MALFORMED_REQUEST's reason). */
const PARSE_REASONS: Record<string, string> = {
  HPE_INVALID_METHOD: 'unknown method',
  HPE_INVALID_URL: 'malformed request line',
  HPE_INVALID_VERSION: 'malformed request line',
  HPE_INVALID_HEADER_TOKEN: 'malformed header',
  HPE_INVALID_CONTENT_LENGTH: 'malformed Content-Length',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'both Content-Length and Transfer-Encoding',
  HPE_INVALID_TRANSFER_ENCODING: 'malformed Transfer-Encoding',
  HPE_INVALID_CHUNK_SIZE: 'malformed chunked body',
  HPE_INVALID_CONSTANT: 'malformed request line',
  HPE_LF_EXPECTED: 'malformed line ending',
  HPE_CR_EXPECTED: 'malformed line ending',
};

/** The catalogue error of a parser refusal. */
function clientErrorOf(code: string | undefined): ApiError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    // Node's limit (--max-http-header-size; 16 KiB by default), the server sets none of its own.
    return apiError('HEADERS_TOO_LARGE', { max: Math.floor(maxHeaderSize / 1024) });
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return apiError('REQUEST_TIMEOUT');
  const reason = PARSE_REASONS[code ?? ''] ?? `cannot be parsed (${code ?? 'unknown'})`;
  return apiError('MALFORMED_REQUEST', { reason });
}

/**
 * The server's `clientErrorHandler`: Node's parser refused the request. Writes the catalogue's
 * body with a fresh request id (also in X-Request-Id and the log) and closes the connection, as
 * Node and Fastify do after a parse error (the stream cannot be trusted any more).
 */
export function clientErrorHandler(
  this: FastifyInstance,
  error: Error & { code?: string },
  socket: Socket,
): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const requestId = randomUUID();
  const apiErr = clientErrorOf(error.code);
  this.log.info({ reqId: requestId, code: error.code }, `client error: ${apiErr.code}`);
  const status = ERROR_CATALOGUE[apiErr.code].status;
  const body = JSON.stringify({ error: { code: apiErr.code, message: apiErr.message, requestId } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
