/**
 * Requests that change data: from this site's own pages only (403 CROSS_ORIGIN otherwise), in
 * JSON or with no body (415 otherwise, on every POST and PATCH route); and logout clears the
 * session cookie with the attributes login set it with.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.ts';
import { login, testServer } from '../test-support.ts';

let dataDir: string;
let app: FastifyInstance;
const servers: FastifyInstance[] = [];

beforeAll(async () => {
  // Without client data the demo adviser and admin still exist: enough for these checks.
  dataDir = mkdtempSync(join(tmpdir(), 'creditlens-requests-'));
  app = await testServer(dataDir, { webDist: null });
  servers.push(app);
});

afterAll(async () => {
  for (const server of servers) await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function serverWith(options: Parameters<typeof testServer>[1]): Promise<FastifyInstance> {
  const server = await testServer(dataDir, { webDist: null, ...options });
  servers.push(server);
  return server;
}

const LOGIN = { username: 'adviser', password: 'adviser-demo' };

/** A login with these headers (Host is inject's "localhost:80" unless given). */
function loginWith(server: FastifyInstance, headers: Record<string, string>) {
  return server.inject({ method: 'POST', url: '/api/auth/login', headers, payload: LOGIN });
}

function expectCode(reply: LightMyRequestResponse, status: number, code: string): void {
  expect(reply.statusCode, reply.body).toBe(status);
  expect(reply.json().error).toMatchObject({ code, requestId: reply.headers['x-request-id'] });
}

describe('requests that change data come from our own origin', () => {
  it('follows Sec-Fetch-Site when the browser sends it', async () => {
    for (const site of ['same-origin', 'none']) {
      expect((await loginWith(app, { 'sec-fetch-site': site })).statusCode).toBe(200);
    }
    for (const site of ['cross-site', 'same-site']) {
      expectCode(await loginWith(app, { 'sec-fetch-site': site }), 403, 'CROSS_ORIGIN');
    }
    // A matching Origin does not overrule a cross-site fetch.
    const both = await loginWith(app, {
      'sec-fetch-site': 'cross-site',
      origin: 'http://localhost:80',
    });
    expectCode(both, 403, 'CROSS_ORIGIN');
  });

  it("else compares Origin with the request's own host", async () => {
    const host = { host: 'credit.example.org' };
    for (const origin of ['https://credit.example.org', 'http://credit.example.org']) {
      expect((await loginWith(app, { ...host, origin })).statusCode).toBe(200);
    }
    for (const origin of [
      'https://evil.example',
      'https://credit.example.org.evil.example',
      'https://credit.example.org:8443',
      'null',
      'not a url',
    ]) {
      expectCode(await loginWith(app, { ...host, origin }), 403, 'CROSS_ORIGIN');
    }
    // A default port written out in Host is the same origin.
    const port = await loginWith(app, {
      host: 'credit.example.org:443',
      origin: 'https://credit.example.org',
    });
    expect(port.statusCode).toBe(200);
  });

  it('reads the host a proxy forwards only when told to trust it', async () => {
    const headers = {
      host: '127.0.0.1:8080',
      'x-forwarded-host': 'credit.example.org',
      'x-forwarded-proto': 'https',
      origin: 'https://credit.example.org',
    };
    expectCode(await loginWith(app, headers), 403, 'CROSS_ORIGIN');
    const proxied = await serverWith({ trustProxy: true });
    expect((await loginWith(proxied, headers)).statusCode).toBe(200);
  });

  it('lets the configured allowed origins through', async () => {
    const partner = await serverWith({ allowedOrigins: ['https://partner.example'] });
    const headers = { origin: 'https://partner.example', 'sec-fetch-site': 'cross-site' };
    expect((await loginWith(partner, headers)).statusCode).toBe(200);
    expectCode(await loginWith(app, headers), 403, 'CROSS_ORIGIN');
    expect(() => resolveConfig({ allowedOrigins: ['https://partner.example/'] })).toThrow(
      'invalid allowedOrigins: https://partner.example/ (expected an origin such as https://example.org)',
    );
  });

  it('lets a request with neither header through (not a browser), and never checks a GET', async () => {
    expect((await loginWith(app, {})).statusCode).toBe(200);
    const cookie = await login(app, 'adviser');
    const me = await app.inject({
      url: '/api/auth/me',
      headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(me.statusCode).toBe(200);
  });

  it('refuses a cross-site logout, which leaves the session open', async () => {
    const cookie = await login(app, 'adviser');
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expectCode(out, 403, 'CROSS_ORIGIN');
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });
});

describe('requests that change data are JSON', () => {
  /** Every POST, PATCH, PUT and DELETE of the OpenAPI document, path parameters filled in. */
  async function writeRoutes(): Promise<{ method: InjectOptions['method']; url: string }[]> {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    return Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['post', 'patch', 'put', 'delete'].includes(m))
        .map((m) => ({
          method: m.toUpperCase() as InjectOptions['method'],
          url: path.replace(/\{[^}]+\}/g, '1'),
        })),
    );
  }

  it('answers 415 to anything but JSON on every POST and PATCH route, empty bodies included', async () => {
    const cookie = await login(app, 'admin');
    const routes = await writeRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(7);
    const bodies: { headers: Record<string, string>; payload?: string }[] = [
      { headers: { 'content-type': 'text/plain' }, payload: '{"username":"a"}' },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=b' },
      { headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--' },
      { headers: { 'content-type': 'application/jsonp' }, payload: '{}' },
      // A content type but no body, and a body with no content type.
      { headers: { 'content-type': 'text/plain' } },
      { headers: { 'content-length': '2' }, payload: '{}' },
    ];
    for (const route of routes) {
      for (const body of bodies) {
        const reply = await app.inject({
          ...route,
          headers: { cookie, ...body.headers },
          ...(body.payload === undefined ? {} : { payload: body.payload }),
        });
        expectCode(reply, 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
    }
  });

  it('accepts JSON with a charset, and no body at all where none is needed', async () => {
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      payload: JSON.stringify(LOGIN),
    });
    expect(reply.statusCode).toBe(200);
    const cookie = String(reply.headers['set-cookie']).split(';')[0] ?? '';
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
  });
});

describe('the session cookie', () => {
  /** The attributes of a Set-Cookie header but its value, lifetime and expiry, sorted. */
  function attributes(setCookie: unknown): string[] {
    return String(setCookie)
      .split(';')
      .slice(1)
      .map((a) => a.trim())
      .filter((a) => !/^(max-age|expires)=/i.test(a))
      .sort();
  }

  for (const secureCookies of [true, false] as const) {
    it(`is cleared at logout with the attributes login set it with (secure: ${secureCookies})`, async () => {
      const server = await serverWith({ secureCookies });
      const reply = await loginWith(server, {});
      const set = reply.headers['set-cookie'];
      const cookie = String(set).split(';')[0] ?? '';
      const out = await server.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie },
      });
      expect(out.statusCode).toBe(204);
      const cleared = out.headers['set-cookie'];
      expect(String(cleared)).toMatch(/^creditlens_session=;/);
      expect(String(cleared)).toMatch(/Max-Age=0/);
      expect(attributes(cleared)).toEqual(attributes(set));
      expect(attributes(set)).toEqual(
        ['HttpOnly', 'Path=/', 'SameSite=Strict', ...(secureCookies ? ['Secure'] : [])].sort(),
      );
    });
  }
});
