/**
 * The dashboard's serving through inject(): files, the SPA fallback, cache headers, the API kept
 * apart, the hint page without a build, traversal refused, and the CSP the app needs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../server.ts';
import { safePath } from './routes.ts';

const INDEX =
  '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script></body></html>';
const SECRET = 'secret-outside-dist';

let root: string;
let app: FastifyInstance;
let bare: FastifyInstance;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'creditlens-web-'));
  const dist = join(root, 'web', 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app-1a2b.js'), 'console.log("app")');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, '.env'), SECRET);
  writeFileSync(join(root, 'web', 'secret.txt'), SECRET);
  writeFileSync(join(root, 'package.json'), SECRET);
  const common = { dataDir: join(root, 'data'), logLevel: 'silent', demoUsers: false } as const;
  app = await buildServer({ ...common, webDist: dist });
  // No build: the dist directory does not exist.
  bare = await buildServer({
    ...common,
    appDbPath: join(root, 'bare.sqlite'),
    webDist: join(root, 'missing'),
  });
});

afterAll(async () => {
  await app?.close();
  await bare?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('serving the dashboard', () => {
  it('answers / with the app, revalidated on each load', async () => {
    const reply = await app.inject({ method: 'GET', url: '/' });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.body).toBe(INDEX);
  });

  it.each(['/clients/123', '/clients/123/compare', '/login', '/model', '/clients/'])(
    'answers the page path %s with index.html',
    async (url) => {
      const reply = await app.inject({ method: 'GET', url: `${url}?decision=refuse` });
      expect(reply.statusCode).toBe(200);
      expect(reply.body).toBe(INDEX);
    },
  );

  it('serves hashed assets with a year of immutable cache', async () => {
    const reply = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toMatch(/javascript/);
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(reply.body).toBe('console.log("app")');
  });

  it('serves other files of the build without a long cache', async () => {
    const reply = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing file with a 404, not the app', async () => {
    const reply = await app.inject({ method: 'GET', url: '/assets/gone-9z9z.js' });
    expect(reply.statusCode).toBe(404);
    expect(reply.json().error.code).toBe('NOT_FOUND');
  });

  it.each(['/api/nope', '/api', '/api/clients/12/nope', '/%61pi/nope'])(
    'keeps the unknown API path %s a JSON 404',
    async (url) => {
      const reply = await app.inject({ method: 'GET', url });
      expect(reply.statusCode).toBe(404);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      expect(reply.json().error.code).toBe('NOT_FOUND');
    },
  );

  it('leaves the health routes and the API to their own handlers', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({});
    const me = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('NOT_LOGGED_IN');
  });

  it('does not answer other methods with the app', async () => {
    const reply = await app.inject({ method: 'POST', url: '/clients/123', payload: {} });
    expect(reply.statusCode).toBe(404);
  });
});

describe('path traversal', () => {
  const attempts = [
    '/assets/../../package.json',
    '/assets/..%2F..%2Fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets/%2E%2E%2F%2E%2E%2Fpackage.json',
    '/..%2Fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%5C..%5Csecret.txt',
    '/.env',
    '/%2eenv',
    '/assets//app-1a2b.js',
    '/assets/%00.js',
    '/%E0%A4%A',
  ];

  it.each(attempts)('refuses %s', async (url) => {
    const reply = await app.inject({ method: 'GET', url });
    expect(reply.statusCode).toBeGreaterThanOrEqual(400);
    expect(reply.statusCode).toBeLessThan(500);
    expect(reply.body).not.toContain(SECRET);
  });

  it('decodes a path once and refuses any dot segment', () => {
    expect(safePath('/clients/12?x=1')).toBe('/clients/12');
    expect(safePath('/assets/a%20b.js')).toBe('/assets/a b.js');
    expect(safePath('/assets/%2e%2e/x')).toBeNull();
    expect(safePath('/a/./b')).toBeNull();
    expect(safePath('/%zz')).toBeNull();
    // Decoded once only: a doubly encoded dot stays a literal "%2e" name, never "..".
    expect(safePath('/%252e%252e/x')).toBe('/%2e%2e/x');
  });
});

describe('without a build', () => {
  it('answers page paths with a page saying how to build the dashboard', async () => {
    for (const url of ['/', '/clients/123']) {
      const reply = await bare.inject({ method: 'GET', url });
      expect(reply.statusCode).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      expect(reply.body).toContain('npm run build:web');
    }
  });

  it('still serves the API', async () => {
    const reply = await bare.inject({ method: 'GET', url: '/api/auth/me' });
    expect(reply.statusCode).toBe(401);
  });
});

describe('content security policy', () => {
  it('lets the app run (scripts and fetches from self, inline styles for ECharts) and no more', async () => {
    const reply = await app.inject({ method: 'GET', url: '/' });
    const csp = String(reply.headers['content-security-policy']);
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('script-src-attr')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
    expect(csp).not.toContain('unsafe-eval');
  });
});
