/**
 * Fuzz: thousands of malformed requests (random JSON, wrong types, huge strings and numbers, path
 * traversal, SQL fragments, bad cookies, odd methods and content types), seeded. No answer may be
 * a 5xx, and the server must still serve a real request afterwards.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../data/generate/random.ts';
import { closeShared, login, makeDataDir, testServer } from './test-support.ts';

const REQUESTS = 3000;

let app: FastifyInstance;
let cleanup: () => void;
let adminCookie: string;

beforeAll(async () => {
  const made = await makeDataDir('creditlens-fuzz-');
  cleanup = made.cleanup;
  app = await testServer(made.dataDir);
  adminCookie = await login(app, 'admin');
});

afterAll(async () => {
  await app?.close();
  await closeShared();
  cleanup?.();
});

const NASTY = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  '9'.repeat(400),
  'NaN',
  'null',
  'true',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%',
  '%zz',
  "1' OR '1'='1",
  '1; DROP TABLE features; --',
  '"; SELECT * FROM users; --',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '$' + '{jndi:ldap://x}', // a log4shell probe, split so it reads as the literal text
  'é漢字🙂',
  '\u0000',
  'A'.repeat(10_000),
  '__proto__',
  'constructor',
];

const PATHS = [
  '/api/clients',
  '/api/clients/{x}',
  '/api/clients/{x}/{x}',
  '/api/clients/{x}/decisions',
  '/api/clients/{x}/explanation',
  '/api/clients/{x}/similar',
  '/api/population/features/{x}',
  '/api/population/scatter',
  '/api/clients/{x}/recourse',
  '/api/clients/{x}/letter',
  '/api/clients/{x}/reviews',
  '/api/clients/{x}/data',
  '/api/reviews',
  '/api/decisions',
  '/api/reviews/{x}',
  '/api/admin/users',
  '/api/admin/users/{x}',
  '/api/admin/models',
  '/api/admin/models/{x}',
  '/api/admin/models/{x}/promote',
  '/api/monitoring',
  '/api/monitoring/latest',
  '/api/outcomes',
  '/api/monitoring/reports',
  '/api/score',
  '/api/applications',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/me',
  '/api/auth/session',
  '/api/audit',
  '/healthz',
  '/readyz',
  '/api/openapi.json',
  '/{x}',
  '/api/{x}',
];

const QUERY_KEYS = [
  'search',
  'page',
  'pageSize',
  'sort',
  'gender',
  'ageMin',
  'ageMax',
  'contractType',
  'incomeType',
  'user',
  'client',
  'action',
  'from',
  'to',
  'group',
  'k',
  'decision',
  'pointsMin',
  'y',
  'max',
  'lang',
  'format',
  'status',
  '__proto__',
  'x',
  'overridesOnly',
  'reasonCategory',
  'adviser',
  'open',
  'order',
];

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
];

function pick<T>(rng: Random, list: readonly T[]): T {
  return list[rng.int(0, list.length - 1)] as T;
}

function randomValue(rng: Random, depth: number): unknown {
  switch (rng.int(0, 8)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return (rng.next() - 0.5) * 10 ** rng.int(0, 300);
    case 3:
      return rng.int(-1e9, 1e9);
    case 4:
      return pick(rng, NASTY);
    case 5:
      return depth > 3
        ? 'deep'
        : Array.from({ length: rng.int(0, 4) }, () => randomValue(rng, depth + 1));
    case 6: {
      if (depth > 3) return {};
      // Null prototype: a "__proto__" key stays an own key and reaches the JSON text.
      const o: Record<string, unknown> = Object.create(null);
      for (let i = rng.int(0, 4); i > 0; i--)
        o[
          pick(rng, [
            ...QUERY_KEYS,
            'username',
            'password',
            'decision',
            'followsModel',
            'justification',
            'reasonCategory',
            'reviewId',
            'pointOfView',
            'corrections',
            'status',
            'clientId',
            'changes',
            'application',
            'NAME_CONTRACT_TYPE',
            'AMT_INCOME_TOTAL',
            'AMT_CREDIT',
            'NAME_EDUCATION_TYPE',
            'DAYS_BIRTH',
            'SK_ID_CURR',
            'role',
            'disabled',
          ])
        ] = randomValue(rng, depth + 1);
      return o;
    }
    case 7:
      return { username: randomValue(rng, 4), password: randomValue(rng, 4) };
    default:
      return 'x'.repeat(rng.int(0, 300));
  }
}

function randomBody(rng: Random): string | undefined {
  switch (rng.int(0, 5)) {
    case 0:
      return undefined;
    case 1:
      return pick(rng, [
        '{',
        '{"a":',
        '[1,2',
        'nul',
        '{"username": "a" "password": "b"}',
        '\u0000',
      ]);
    case 2:
      return 'z'.repeat(rng.int(60_000, 70_000)); // around the 64 KiB limit
    default:
      return JSON.stringify(randomValue(rng, 0));
  }
}

function randomCookie(rng: Random): string | undefined {
  switch (rng.int(0, 5)) {
    case 0:
      return undefined;
    case 1:
      return `creditlens_session=${'0'.repeat(64)}`;
    case 2:
      return `creditlens_session=${pick(rng, NASTY)}`;
    case 3:
      return pick(rng, ['=', ';;;', 'creditlens_session', 'a=b; a=c', '%E0%A4%A']);
    case 4:
      return adminCookie;
    default:
      return `creditlens_session=${'f'.repeat(rng.int(0, 5000))}`;
  }
}

function randomRequest(rng: Random): InjectOptions {
  const path = pick(rng, PATHS).replaceAll('{x}', () => encodeURIComponent(pick(rng, NASTY)));
  const query: string[] = [];
  for (let i = rng.int(0, 4); i > 0; i--) {
    const v = randomValue(rng, 3);
    const value = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
    const raw = rng.chance(0.1);
    query.push(
      `${pick(rng, QUERY_KEYS)}=${raw ? value.replaceAll('&', '') : encodeURIComponent(value)}`,
    );
  }
  const url = query.length > 0 ? `${path}?${query.join('&')}` : path;
  const headers: Record<string, string> = {};
  const cookie = randomCookie(rng);
  if (cookie !== undefined) headers.cookie = cookie;
  const body = randomBody(rng);
  if (body !== undefined) headers['content-type'] = pick(rng, CONTENT_TYPES);
  const method = pick(rng, METHODS);
  const request: InjectOptions = { method, url, headers };
  if (body !== undefined && method !== 'GET' && method !== 'HEAD') request.payload = body;
  return request;
}

describe('fuzz', () => {
  it(`answers ${REQUESTS} malformed requests without a 5xx and stays healthy`, async () => {
    const rng = new Random(20261128);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i++) {
      const request = randomRequest(rng);
      const reply = await app.inject(request);
      statuses.set(reply.statusCode, (statuses.get(reply.statusCode) ?? 0) + 1);
      if (reply.statusCode >= 500) {
        failures.push(
          `${request.method} ${String(request.url).slice(0, 120)} → ${reply.statusCode} ${reply.body.slice(0, 200)}`,
        );
      }
    }
    expect(failures).toEqual([]);
    // The fuzz must reach the validators, the auth guards and the handlers, not only 404s.
    for (const status of [200, 400, 401, 404]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);

    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    // The fuzz may have logged the admin out and used up 127.0.0.1's logins: log in afresh.
    const fresh = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.9.9.9',
      payload: { username: 'adviser', password: 'adviser-demo' },
    });
    expect(fresh.statusCode).toBe(200);
    const cookie = String(fresh.headers['set-cookie']).split(';')[0] ?? '';
    const list = await app.inject({
      method: 'GET',
      url: '/api/clients?pageSize=3',
      headers: { cookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().clients).toHaveLength(3);
  });
});
