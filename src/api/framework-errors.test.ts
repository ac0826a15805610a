/**
 * Errors answered by Fastify or Node before any route runs use the catalogue's format too: a URL
 * that cannot be decoded, an over-long path segment, a method the path does not take, a body on a
 * GET, a malformed cookie (inject); headers over Node's limit, an unknown method, a malformed
 * Content-Length or header (Node's parser: only a real connection reaches it, on loopback).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from './test-support.ts';

let dataDir: string;
let app: FastifyInstance;

beforeAll(async () => {
  // No client data is needed: routes and hooks are registered all the same.
  dataDir = mkdtempSync(join(tmpdir(), 'creditlens-framework-'));
  app = await testServer(dataDir, { webDist: null });
});

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The catalogue's body with this code, and the request id of the header. */
function expectError(reply: LightMyRequestResponse, status: number, code: string): string {
  expect(reply.statusCode, reply.body).toBe(status);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  const body = reply.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  expect(body.error.requestId).toMatch(UUID);
  expect(reply.headers['x-request-id']).toBe(body.error.requestId);
  return body.error.message as string;
}

describe('errors of the router and the hooks (inject)', () => {
  it('answers a URL with invalid percent-encoding 400 BAD_URL', async () => {
    const reply = await app.inject({ url: '/api/clients/%E0%A4%A' });
    expect(expectError(reply, 400, 'BAD_URL')).toBe(
      'the URL is not valid: invalid percent-encoding',
    );
  });

  it('answers an over-long path segment 400 BAD_URL', async () => {
    const reply = await app.inject({ url: `/api/clients/${'1'.repeat(150)}/score` });
    expect(expectError(reply, 400, 'BAD_URL')).toMatch(/longer than 100 characters/);
  });

  it('answers a method the path does not take 405 with Allow, an unknown path 404', async () => {
    const put = await app.inject({ method: 'PUT', url: '/api/auth/login' });
    expect(expectError(put, 405, 'METHOD_NOT_ALLOWED')).toBe(
      'PUT is not allowed on /api/auth/login: use POST',
    );
    expect(put.headers.allow).toBe('POST');
    const del = await app.inject({ method: 'DELETE', url: '/api/clients/12?x=1' });
    expectError(del, 405, 'METHOD_NOT_ALLOWED');
    expect(del.headers.allow).toBe('GET, HEAD');
    expectError(await app.inject({ method: 'DELETE', url: '/api/nothing' }), 404, 'NOT_FOUND');
  });

  it('refuses a body on a GET, 400 naming body', async () => {
    const reply = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":1}',
    });
    expect(expectError(reply, 400, 'BAD_REQUEST')).toBe(
      'invalid body: a GET request takes no body',
    );
    expect(reply.json().error.field).toBe('body');
    // An empty one (Content-Length: 0) is no body.
    const empty = await app.inject({ url: '/healthz', headers: { 'content-length': '0' } });
    expect(empty.statusCode).toBe(200);
  });

  it('treats a malformed session cookie as no session', async () => {
    for (const cookie of ['creditlens_session=%E0%A4%A', 'creditlens_session', ';;=;=', '\u00ff']) {
      const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
      expectError(me, 401, 'NOT_LOGGED_IN');
      const session = await app.inject({ url: '/api/auth/session', headers: { cookie } });
      expect(session.statusCode).toBe(200);
      expect(session.json()).toEqual({ user: null });
    }
  });
});

/** Sends raw bytes on a new loopback connection; the whole answer, once the server closes it. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer in 5 s')));
  });
}

/** Status, headers (lower-cased names) and the parsed body of a raw HTTP answer. */
function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [
      l.slice(0, l.indexOf(':')).toLowerCase(),
      l.slice(l.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) };
}

describe("errors of Node's HTTP parser (a loopback connection)", () => {
  let server: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    server = await testServer(dataDir, { webDist: null });
    await server.listen({ port: 0, host: '127.0.0.1' });
    port = (server.server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await server?.close();
  });

  const cases: [string, string, number, string, RegExp][] = [
    [
      'headers over the limit',
      `GET /healthz HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'HEADERS_TOO_LARGE',
      /at most 16 KiB/,
    ],
    [
      'an unknown method',
      'FETCH /healthz HTTP/1.1\r\nHost: x\r\n\r\n',
      400,
      'MALFORMED_REQUEST',
      /unknown method/,
    ],
    [
      'a malformed Content-Length',
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}',
      400,
      'MALFORMED_REQUEST',
      /Content-Length/,
    ],
    [
      'a malformed header',
      'GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n',
      400,
      'MALFORMED_REQUEST',
      /malformed header/,
    ],
  ];

  for (const [name, request, status, code, message] of cases) {
    it(`answers ${name} ${status} ${code}, then closes`, async () => {
      const answer = parse(await raw(port, request));
      expect(answer.status).toBe(status);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.headers.connection).toBe('close');
      expect(answer.body).toEqual({
        error: { code, message: expect.stringMatching(message), requestId: expect.any(String) },
      });
      expect(answer.body.error.requestId).toMatch(UUID);
      expect(answer.headers['x-request-id']).toBe(answer.body.error.requestId);
    });
  }

  it('still serves the next connection', async () => {
    const answer = await raw(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 200 OK/);
  });
});
