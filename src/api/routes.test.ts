/**
 * The routes through inject(): authorisation matrix over every route × role, validation errors
 * naming the field, sessions, rate limits, and client data checked against the database itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent, withDb } from '../data/db.ts';
import { dictionaryEntry } from '../data/features/index.ts';
import { categoryLabel } from '../explain/index.ts';
import { loadActiveRun } from '../model/registry/index.ts';
import { scoreApplicant } from '../model/scoring.ts';
import { fingerprint } from './audit/fingerprint.ts';
import { closeShared, type DemoName, login, makeDataDir, testServer } from './test-support.ts';

let dataDir: string;
let cleanup: () => void;
let app: FastifyInstance;
const cookies: Partial<Record<DemoName, string>> = {};
let ids: { own1: number; own2: number; other: number };

/** Rows of the application tables, read independently of the API. */
let application: { id: number; age: number; income: number | null; gender: string }[];

beforeAll(async () => {
  ({ dataDir, cleanup } = await makeDataDir());
  app = await testServer(dataDir);
  for (const name of ['adviser', 'admin', 'customer1', 'customer2'] as const) {
    cookies[name] = await login(app, name);
  }
  const dbPath = join(dataDir, 'creditlens.duckdb');
  await app.close();
  await withDb(
    dbPath,
    async (db) => {
      const test = await db.all<{ id: number }>(
        "SELECT SK_ID_CURR AS id FROM features WHERE split = 'test' ORDER BY 1 LIMIT 2",
      );
      const train = await db.all<{ id: number }>(
        "SELECT SK_ID_CURR AS id FROM features WHERE split = 'train' ORDER BY 1 DESC LIMIT 1",
      );
      ids = { own1: test[0]?.id ?? -1, own2: test[1]?.id ?? -1, other: train[0]?.id ?? -1 };
      const rows = await db.all<{ id: number; d: number; inc: number | null; g: string }>(
        `SELECT SK_ID_CURR AS id, DAYS_BIRTH AS d, AMT_INCOME_TOTAL AS inc, CODE_GENDER AS g FROM application_train
         UNION ALL SELECT SK_ID_CURR, DAYS_BIRTH, AMT_INCOME_TOTAL, CODE_GENDER FROM application_test`,
      );
      application = rows.map((r) => ({
        id: r.id,
        age: Math.floor(-r.d / 365.25),
        income: r.inc,
        gender: r.g,
      }));
    },
    { readOnly: true },
  );
  // Sessions live in the SQLite file: they survive the restart.
  app = await testServer(dataDir);
});

afterAll(async () => {
  await app?.close();
  await closeShared();
  cleanup?.();
});

async function get(url: string, who?: DemoName) {
  const headers = who ? { cookie: cookies[who] ?? '' } : {};
  const reply = await app.inject({ method: 'GET', url, headers });
  // The dashboard's pages answer HTML; everything else JSON.
  const json = String(reply.headers['content-type']).startsWith('application/json');
  return { status: reply.statusCode, body: (json ? reply.json() : {}) as Record<string, unknown> };
}

type Who = 'anonymous' | DemoName;
const WHO: Who[] = ['anonymous', 'adviser', 'admin', 'customer1', 'customer2'];

describe('authorisation matrix', () => {
  /** Expected status per route and role; ids are filled in once the data exists. */
  function matrix(): {
    method: 'GET';
    url: () => string;
    path: string;
    expect: Record<Who, number>;
  }[] {
    const open = { anonymous: 200, adviser: 200, admin: 200, customer1: 200, customer2: 200 };
    return [
      { method: 'GET', path: '/healthz', url: () => '/healthz', expect: open },
      { method: 'GET', path: '/readyz', url: () => '/readyz', expect: open },
      // The dashboard's shell (src/api/web): public; the data it shows is behind the API.
      { method: 'GET', path: '/', url: () => '/', expect: open },
      { method: 'GET', path: '/clients/{id}', url: () => `/clients/${ids.other}`, expect: open },
      {
        method: 'GET',
        path: '/api/auth/me',
        url: () => '/api/auth/me',
        expect: { ...open, anonymous: 401 },
      },
      // Asked by the dashboard on start: logged out is an answer (user null), not a 401.
      { method: 'GET', path: '/api/auth/session', url: () => '/api/auth/session', expect: open },
      // The category wording (src/api/vocabulary): anyone logged in; no one's data.
      {
        method: 'GET',
        path: '/api/categories',
        url: () => '/api/categories',
        expect: { ...open, anonymous: 401 },
      },
      {
        method: 'GET',
        path: '/api/clients',
        url: () => '/api/clients',
        expect: { ...open, anonymous: 401 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}',
        url: () => `/api/clients/${ids.own1}`,
        expect: { ...open, anonymous: 401, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}',
        url: () => `/api/clients/${ids.other}`,
        expect: { ...open, anonymous: 401, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}',
        url: () => '/api/clients/999999999',
        expect: { anonymous: 401, adviser: 404, admin: 404, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}/score',
        url: () => `/api/clients/${ids.own2}/score`,
        expect: { ...open, anonymous: 401, customer1: 403 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}/score',
        url: () => `/api/clients/${ids.other}/score`,
        expect: { ...open, anonymous: 401, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}/score',
        url: () => '/api/clients/999999999/score',
        expect: { anonymous: 401, adviser: 404, admin: 404, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}/similar',
        url: () => `/api/clients/${ids.own1}/similar`,
        expect: { ...open, anonymous: 401, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}/similar',
        url: () => `/api/clients/${ids.other}/similar`,
        expect: { ...open, anonymous: 401, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/population/features/{name}',
        url: () => `/api/population/features/AMT_CREDIT?client=${ids.own1}`,
        expect: { ...open, anonymous: 401, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/population/features/{name}',
        url: () => '/api/population/features/AMT_CREDIT',
        expect: { ...open, anonymous: 401, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/population/scatter',
        url: () => `/api/population/scatter?x=AMT_CREDIT&y=AMT_ANNUITY&client=${ids.own1}`,
        // Staff only: a customer sees no point lists, even placed on their own file.
        expect: { ...open, anonymous: 401, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/population/scatter',
        url: () => '/api/population/scatter?x=AMT_CREDIT&y=AMT_ANNUITY&group=filtered&gender=F',
        expect: { ...open, anonymous: 401, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}/recourse',
        url: () => `/api/clients/${ids.own1}/recourse`,
        expect: { ...open, anonymous: 401, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}/recourse',
        url: () => `/api/clients/${ids.other}/recourse`,
        expect: { ...open, anonymous: 401, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/admin/users',
        url: () => '/api/admin/users',
        expect: { anonymous: 401, adviser: 403, admin: 200, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/admin/models',
        url: () => '/api/admin/models',
        expect: { anonymous: 401, adviser: 403, admin: 200, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/admin/models/{id}',
        url: () => `/api/admin/models/${app.ctx.scores?.record.id}`,
        expect: { anonymous: 401, adviser: 403, admin: 200, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/monitoring',
        url: () => '/api/monitoring',
        // No report in the fixture: 404 REPORT_NOT_FOUND (the answer: monitoring/monitoring.test.ts).
        expect: { anonymous: 401, adviser: 403, admin: 404, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/monitoring/latest',
        url: () => '/api/monitoring/latest',
        expect: { anonymous: 401, adviser: 403, admin: 200, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}/explanation',
        url: () => `/api/clients/${ids.own1}/explanation`,
        expect: { ...open, anonymous: 401, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}/explanation',
        url: () => `/api/clients/${ids.other}/explanation`,
        expect: { ...open, anonymous: 401, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}/decisions',
        url: () => `/api/clients/${ids.own1}/decisions`,
        expect: { ...open, anonymous: 401, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/clients/{id}/decisions',
        url: () => `/api/clients/${ids.other}/decisions`,
        expect: { ...open, anonymous: 401, customer1: 403, customer2: 403 },
      },
      ...(['letter', 'reviews', 'data'] as const).flatMap((part) => [
        {
          method: 'GET' as const,
          path: `/api/clients/{id}/${part}`,
          url: () => `/api/clients/${ids.own1}/${part}`,
          expect: { ...open, anonymous: 401, customer2: 403 },
        },
        {
          method: 'GET' as const,
          path: `/api/clients/{id}/${part}`,
          url: () => `/api/clients/${ids.other}/${part}`,
          expect: { ...open, anonymous: 401, customer1: 403, customer2: 403 },
        },
      ]),
      {
        method: 'GET',
        path: '/api/reviews',
        url: () => '/api/reviews',
        expect: { anonymous: 401, adviser: 200, admin: 200, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/decisions',
        url: () => '/api/decisions?overridesOnly=true',
        expect: { anonymous: 401, adviser: 200, admin: 200, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/model',
        url: () => '/api/model',
        expect: { anonymous: 401, adviser: 200, admin: 200, customer1: 403, customer2: 403 },
      },
      {
        method: 'GET',
        path: '/api/audit',
        url: () => '/api/audit',
        expect: { anonymous: 401, adviser: 403, admin: 200, customer1: 403, customer2: 403 },
      },
    ];
  }

  it('gives each role exactly its rights on every GET route', async () => {
    for (const row of matrix()) {
      for (const who of WHO) {
        const { status } = await get(row.url(), who === 'anonymous' ? undefined : who);
        expect(status, `${who} ${row.url()}`).toBe(row.expect[who]);
      }
    }
  });

  it('gives each role exactly its rights on POST /api/score (what-if and new application)', async () => {
    const application = {
      NAME_CONTRACT_TYPE: 'Cash loans',
      AMT_INCOME_TOTAL: 100_000,
      AMT_CREDIT: 300_000,
      DAYS_BIRTH: -15_000,
    };
    const rows: { body: () => object; expect: Record<Who, number> }[] = [
      {
        body: () => ({ clientId: ids.own1, changes: { AMT_CREDIT: 250_000 } }),
        expect: { anonymous: 401, adviser: 200, admin: 200, customer1: 200, customer2: 403 },
      },
      {
        body: () => ({ clientId: ids.other, changes: {} }),
        expect: { anonymous: 401, adviser: 200, admin: 200, customer1: 403, customer2: 403 },
      },
      {
        body: () => ({ clientId: 999_999_999, changes: {} }),
        expect: { anonymous: 401, adviser: 404, admin: 404, customer1: 403, customer2: 403 },
      },
      // A new application: staff only, even a customer's own id.
      {
        body: () => ({ application: { ...application, SK_ID_CURR: ids.own1 } }),
        expect: { anonymous: 401, adviser: 200, admin: 200, customer1: 403, customer2: 403 },
      },
    ];
    for (const row of rows) {
      for (const who of WHO) {
        const reply = await app.inject({
          method: 'POST',
          url: '/api/score',
          headers: who === 'anonymous' ? {} : { cookie: cookies[who] ?? '' },
          payload: row.body(),
        });
        expect(reply.statusCode, `${who} ${JSON.stringify(row.body())}`).toBe(row.expect[who]);
      }
    }
  });

  it('lets only an admin record outcomes (POST /api/outcomes)', async () => {
    // No stored application in the fixture: the admin reaches the eligibility check (422).
    const payload = { outcomes: [{ clientId: ids.own1, defaulted: 0, date: '2026-01-31' }] };
    const expected = { anonymous: 401, adviser: 403, admin: 422, customer1: 403, customer2: 403 };
    for (const who of WHO) {
      const reply = await app.inject({
        method: 'POST',
        url: '/api/outcomes',
        headers: who === 'anonymous' ? {} : { cookie: cookies[who] ?? '' },
        payload,
      });
      expect(reply.statusCode, who).toBe(expected[who]);
    }
  });

  it('lets only an admin compute a monitoring report (POST /api/monitoring/reports)', async () => {
    // No stored application in the fixture: the admin is told the window is empty (422).
    const payload = { since: '2020-01-01', until: '2020-02-01' };
    const expected = { anonymous: 401, adviser: 403, admin: 422, customer1: 403, customer2: 403 };
    for (const who of WHO) {
      const reply = await app.inject({
        method: 'POST',
        url: '/api/monitoring/reports',
        headers: who === 'anonymous' ? {} : { cookie: cookies[who] ?? '' },
        payload,
      });
      expect(reply.statusCode, who).toBe(expected[who]);
    }
  });

  it('lets only staff store a new application (POST /api/applications)', async () => {
    const application = {
      NAME_CONTRACT_TYPE: 'Cash loans',
      AMT_INCOME_TOTAL: 100_000,
      AMT_CREDIT: 300_000,
      DAYS_BIRTH: -15_000,
    };
    const expected = { anonymous: 401, adviser: 201, admin: 201, customer1: 403, customer2: 403 };
    for (const who of WHO) {
      const reply = await app.inject({
        method: 'POST',
        url: '/api/applications',
        headers: who === 'anonymous' ? {} : { cookie: cookies[who] ?? '' },
        payload: { application },
      });
      expect(reply.statusCode, who).toBe(expected[who]);
    }
  });

  it('covers every route of the OpenAPI description', async () => {
    const { body } = await get('/api/openapi.json');
    const paths = body.paths as Record<string, Record<string, unknown>>;
    const documented = Object.entries(paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const covered = new Set([
      ...matrix().map((r) => `${r.method} ${r.path}`),
      'POST /api/auth/login', // tested under "sessions"
      'POST /api/auth/logout', // tested under "sessions"
      'POST /api/clients/{id}/decisions', // roles tested in decisions/decisions.test.ts
      'POST /api/score', // the POST matrix above; validation in what-if/what-if.test.ts
      'POST /api/admin/users', // roles tested in admin/admin.test.ts
      'PATCH /api/admin/users/{id}', // roles tested in admin/admin.test.ts
      'POST /api/admin/models/{id}/promote', // roles tested in admin/admin.test.ts
      'POST /api/clients/{id}/reviews', // roles tested in reviews/reviews.test.ts
      'PATCH /api/reviews/{reviewId}', // roles tested in reviews/reviews.test.ts
      'POST /api/outcomes', // the outcomes matrix above; validation in outcomes/outcomes.test.ts
      'POST /api/monitoring/reports', // the matrix above; the report in monitoring/monitoring.test.ts
      'POST /api/applications', // the matrix above; validation in applications/applications.test.ts
    ]);
    expect(documented.filter((r) => !covered.has(r))).toEqual([]);
  });

  it('lists only their own row to a customer, whatever the filters', async () => {
    const own = await get('/api/clients?pageSize=100', 'customer1');
    expect(own.body.total).toBe(1);
    expect((own.body.clients as { id: number }[]).map((c) => c.id)).toEqual([ids.own1]);
    const searched = await get(`/api/clients?search=${ids.other}`, 'customer1');
    expect(searched.body.total).toBe(0);
  });

  it('names who may not do what', async () => {
    const { body } = await get('/api/audit', 'adviser');
    expect(body.error).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    const other = await get(`/api/clients/${ids.other}`, 'customer2');
    expect(other.body.error).toMatchObject({ code: 'FORBIDDEN_CLIENT' });
  });
});

describe('validation errors name the field', () => {
  const cases: [string, string][] = [
    ['/api/clients?pageSize=0', 'query.pageSize'],
    ['/api/clients?pageSize=abc', 'query.pageSize'],
    ['/api/clients?page=-1', 'query.page'],
    ['/api/clients?sort=DROP', 'query.sort'],
    ['/api/clients?gender=Q', 'query.gender'],
    ['/api/clients?ageMin=20&ageMax=10', 'query.ageMin'],
    ['/api/clients?decision=maybe', 'query.decision'],
    ['/api/clients?pointsMin=600&pointsMax=500', 'query.pointsMin'],
    ["/api/clients?search=1'%20OR%201=1", 'query.search'],
    ['/api/clients?color=red', 'query.color'],
    ['/api/clients/abc', 'params.id'],
    ['/api/clients/1e5', 'params.id'],
    ['/api/audit?from=yesterday', 'query.from'],
    ['/api/audit?client=-3', 'query.client'],
    ['/api/population/features/AMT_CREDIT?gender=F', 'query.gender'],
    [
      '/api/population/features/AMT_CREDIT?group=filtered&pointsMin=9&pointsMax=1',
      'query.pointsMin',
    ],
    ['/api/population/scatter?x=AMT_CREDIT', 'query.y'],
    ['/api/population/scatter?x=AMT_CREDIT&y=AMT_ANNUITY&max=99999', 'query.max'],
  ];
  it.each(cases)('%s → 400 naming %s', async (url, field) => {
    const who = url.startsWith('/api/audit') ? 'admin' : 'adviser';
    const { status, body } = await get(url, who);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'BAD_REQUEST', field });
    expect((body.error as { message: string }).message).toContain(field);
  });

  it('names the body field of a bad login', async () => {
    const bodies: [unknown, string][] = [
      [{ username: 'adviser' }, 'body.password'],
      [{ username: 12, password: 'x' }, 'body.username'],
      [{ username: 'adviser', password: 'x', admin: true }, 'body.admin'],
      [{ username: 'a'.repeat(65), password: 'x' }, 'body.username'],
    ];
    for (const [payload, field] of bodies) {
      const reply = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: payload as object,
      });
      expect(reply.statusCode).toBe(400);
      expect(reply.json().error).toMatchObject({ code: 'BAD_REQUEST', field });
    }
  });
});

describe('sessions', () => {
  it('sets an httpOnly, SameSite=Strict cookie of 32 random bytes, and logs out', async () => {
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'adviser', password: 'adviser-demo' },
    });
    expect(reply.statusCode).toBe(200);
    const setCookie = String(reply.headers['set-cookie']);
    expect(setCookie).toMatch(/^creditlens_session=[0-9a-f]{64};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = setCookie.split(';')[0] ?? '';
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user).toMatchObject({ username: 'adviser', role: 'adviser' });
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie },
    });
    expect(again.statusCode).toBe(401);
  });

  it('says who is logged in on /api/auth/session, and null rather than 401 when nobody is', async () => {
    const session = async (cookie?: string) => {
      const reply = await app.inject({
        method: 'GET',
        url: '/api/auth/session',
        headers: cookie === undefined ? {} : { cookie },
      });
      expect(reply.statusCode).toBe(200);
      return reply.json() as { user: unknown };
    };
    // No cookie, a malformed one, and one that opens no session.
    expect(await session()).toEqual({ user: null });
    expect(await session('creditlens_session=nonsense')).toEqual({ user: null });
    expect(await session(`creditlens_session=${'0'.repeat(64)}`)).toEqual({ user: null });

    const cookie = await login(app, 'customer1');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    // The same user as /api/auth/me, field for field (the customer's own client id included).
    expect(await session(cookie)).toEqual({ user: me.json().user });
    expect(me.json().user).toMatchObject({ username: 'customer1', role: 'customer' });
    expect(typeof me.json().user.clientId).toBe('number');

    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(await session(cookie)).toEqual({ user: null });
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    for (const payload of [
      { username: 'adviser', password: 'wrong' },
      { username: 'nobody', password: 'adviser-demo' },
    ]) {
      const reply = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(reply.statusCode).toBe(401);
      expect(reply.json().error.code).toBe('BAD_CREDENTIALS');
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
  });

  it('marks the cookie Secure behind an https proxy in auto mode', async () => {
    const proxied = await testServer(dataDir, { trustProxy: true });
    try {
      const reply = await proxied.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'admin', password: 'admin-demo' },
      });
      expect(String(reply.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });

  // Login throttling (per user name and address, never per name alone): auth/login-throttle.test.ts.
});

describe('client data', () => {
  it('filters by age and gender as the application tables say', async () => {
    const expected = application.filter((r) => r.age >= 30 && r.age <= 40 && r.gender === 'F');
    const { body } = await get('/api/clients?ageMin=30&ageMax=40&gender=F&pageSize=100', 'adviser');
    expect(body.total).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    const listed = body.clients as { id: number; age: number; gender: string }[];
    expect(listed.map((c) => c.id)).toEqual(
      expected
        .map((r) => r.id)
        .sort((a, b) => a - b)
        .slice(0, 100),
    );
  });

  it('sorts and pages', async () => {
    const first = await get('/api/clients?sort=-income&pageSize=5&page=1', 'adviser');
    const second = await get('/api/clients?sort=-income&pageSize=5&page=2', 'adviser');
    const incomes = [
      ...(first.body.clients as { income: number }[]),
      ...(second.body.clients as { income: number }[]),
    ].map((c) => c.income);
    const top = application
      .map((r) => r.income)
      .filter((v): v is number => v !== null)
      .sort((a, b) => b - a)
      .slice(0, 10);
    expect(incomes).toEqual(top);
    // The new applications stored above (POST /api/applications) are listed too.
    expect(first.body.total).toBe(
      application.length + (await app.ctx.store.applications.count({})),
    );
  });

  it('searches by SK_ID_CURR prefix and exact value', async () => {
    const prefix = String(ids.other).slice(0, 4);
    const { body } = await get(`/api/clients?search=${prefix}&pageSize=100`, 'adviser');
    const expected = application.filter((r) => String(r.id).startsWith(prefix)).length;
    expect(body.total).toBe(expected);
    const exact = await get(`/api/clients?search=${ids.other}`, 'adviser');
    expect((exact.body.clients as { id: number }[]).map((c) => c.id)).toEqual([ids.other]);
  });

  it("gives a client's file in sections with labels, values and raw categories", async () => {
    const { status, body } = await get(`/api/clients/${ids.own1}`, 'customer1');
    expect(status).toBe(200);
    const sections = body.sections as {
      key: string;
      values: {
        name: string;
        label_fr: string;
        unit: string | null;
        value: number | null;
        category?: string | null;
        category_fr?: string | null;
        category_en?: string | null;
      }[];
    }[];
    expect(sections.map((s) => s.key)).toEqual([
      'profile',
      'employmentIncome',
      'requestedLoan',
      'housing',
      'creditBureau',
      'previousApplications',
      'paymentBehaviour',
      'externalScores',
      'other',
    ]);
    const values = new Map(sections.flatMap((s) => s.values.map((v) => [v.name, v] as const)));
    const truth = await withDb(
      join(dataDir, 'creditlens.duckdb'),
      (db) =>
        db.all<{ credit: number; gender: string; income: string }>(
          'SELECT AMT_CREDIT AS credit, CODE_GENDER AS gender, NAME_INCOME_TYPE AS income FROM application_test WHERE SK_ID_CURR = $1',
          [ids.own1],
        ),
      { readOnly: true },
    );
    expect(truth).toHaveLength(1);
    expect(values.get('AMT_CREDIT')?.value).toBe(truth[0]?.credit);
    expect(values.get('CODE_GENDER')?.category).toBe(truth[0]?.gender);
    expect(values.get('NAME_INCOME_TYPE')?.category).toBe(truth[0]?.income);
    // The category in words as well (F → Femme / Female).
    const gender = values.get('CODE_GENDER');
    expect(gender?.category_fr).toBe(categoryLabel('CODE_GENDER', truth[0]?.gender ?? '').fr);
    expect(gender?.category_en).toBe(categoryLabel('CODE_GENDER', truth[0]?.gender ?? '').en);
    expect(['Femme', 'Homme']).toContain(gender?.category_fr);
    expect(values.get('AMT_CREDIT')).toMatchObject({
      label_fr: 'Montant du crédit demandé',
      unit: 'currency',
    });
    expect([...values.keys()].some((n) => n.includes('__'))).toBe(false);
    expect(
      sections.find((s) => s.key === 'requestedLoan')?.values.some((v) => v.name === 'AMT_CREDIT'),
    ).toBe(true);
  });

  it('records each file viewed in the audit trail, with the inputs fingerprint', async () => {
    await get(`/api/clients/${ids.own2}`, 'customer2');
    const { body } = await get(`/api/audit?client=${ids.own2}&action=client.view`, 'admin');
    const records = body.records as { username: string; role: string; inputsFingerprint: string }[];
    expect(records.length).toBeGreaterThanOrEqual(1);
    expect(records[0]).toMatchObject({
      username: 'customer2',
      role: 'customer',
      inputsFingerprint: fingerprint({ id: ids.own2 }),
    });
    const none = await get(`/api/audit?client=${ids.own2}&from=2999-01-01T00:00:00Z`, 'admin');
    expect(none.body.total).toBe(0);
  });
});

describe('scores', () => {
  it('serves the score the model and the run record give for the client', async () => {
    const run = await loadActiveRun(join(dataDir, 'models'));
    if (!run) throw new Error('the fixture has no active model');
    const names = run.model.featureNames;
    const rows = await withDb(
      join(dataDir, 'creditlens.duckdb'),
      (db) =>
        db.all(`SELECT ${names.map(quoteIdent).join(', ')} FROM features WHERE SK_ID_CURR = $1`, [
          ids.other,
        ]),
      { readOnly: true },
    );
    const row = names.map((n) => {
      const v = rows[0]?.[n];
      return typeof v === 'number' ? v : Number.NaN;
    });
    const expected = scoreApplicant(run.model.predictRow(row), run.record);
    const { status, body } = await get(`/api/clients/${ids.other}/score`, 'adviser');
    expect(status).toBe(200);
    expect(body.probability).toBeCloseTo(expected.probability, 12);
    expect(body.points).toBeCloseTo(expected.points, 9);
    expect(body).toMatchObject({
      clientId: ids.other,
      band: expected.band,
      decision: expected.decision,
      recommendation: expected.recommendation,
      threshold: run.record.threshold,
      modelVersion: run.record.id,
    });
    const audit = await get(`/api/audit?client=${ids.other}&action=client.score`, 'admin');
    expect((audit.body.records as { modelVersion: string }[])[0]?.modelVersion).toBe(run.record.id);
  });

  it('filters and sorts the list by decision and points as the model scores', async () => {
    const run = await loadActiveRun(join(dataDir, 'models'));
    if (!run) throw new Error('the fixture has no active model');
    const names = run.model.featureNames;
    const rows = await withDb(
      join(dataDir, 'creditlens.duckdb'),
      (db) => db.all(`SELECT SK_ID_CURR AS id, ${names.map(quoteIdent).join(', ')} FROM features`),
      { readOnly: true },
    );
    const scored = rows.map((r) => {
      const values = names.map((n) => (typeof r[n] === 'number' ? (r[n] as number) : Number.NaN));
      return { id: Number(r.id), ...scoreApplicant(run.model.predictRow(values), run.record) };
    });
    // The fabricated run fits no real data: take the commoner decision and its median points.
    const grants = scored.filter((s) => s.decision === 'grant').length;
    const decision = grants * 2 >= scored.length ? 'grant' : 'refuse';
    const points = scored
      .filter((s) => s.decision === decision)
      .map((s) => s.points)
      .sort((a, b) => a - b);
    const pointsMin = Math.floor(points[Math.floor(points.length / 2)] ?? 0);
    const expected = scored
      .filter((s) => s.decision === decision && s.points >= pointsMin)
      .sort((a, b) => b.points - a.points || a.id - b.id);
    expect(expected.length).toBeGreaterThan(0);
    const { status, body } = await get(
      `/api/clients?decision=${decision}&pointsMin=${pointsMin}&sort=-points&pageSize=100`,
      'adviser',
    );
    expect(status).toBe(200);
    expect(body.total).toBe(expected.length);
    const listed = body.clients as { id: number; decision: string; points: number }[];
    expect(listed.map((c) => c.id)).toEqual(expected.slice(0, 100).map((s) => s.id));
    expect(listed.every((c) => c.decision === decision && c.points >= pointsMin)).toBe(true);
  });

  it("serves the active model's card data to staff", async () => {
    const run = await loadActiveRun(join(dataDir, 'models'));
    const { body } = await get('/api/model', 'adviser');
    expect(body).toMatchObject({
      id: run?.record.id,
      threshold: run?.record.threshold,
      featureCount: run?.record.featureNames.length,
      costs: run?.record.costs,
      // The constraints and what each setting costs, as the model card lists them.
      monotone: run?.record.monotone,
      clientExplainableOnly: run?.record.clientExplainableOnly,
      comparisons: run?.record.comparisons,
    });
    expect((body.comparisons as unknown[]).length).toBe(2);
    expect((body.curves as { roc: { x: number[] } }).roc.x.length).toBe(
      run?.record.curves.roc.x.length,
    );
    // Importance in words: each feature with its dictionary labels.
    const features = (body.importance as { features: Record<string, unknown>[] }).features;
    expect(features.length).toBe(run?.record.importance.features.length);
    for (const f of features) {
      const entry = dictionaryEntry(String(f.name));
      expect(f.labelFr).toBe(entry?.label_fr ?? f.name);
      expect(f.labelEn).toBe(entry?.label_en ?? f.name);
    }
    expect(features.some((f) => f.labelFr !== f.name)).toBe(true);
  });

  it('is not ready without an active model, and says so on the score route', async () => {
    const noModels = mkdtempSync(join(tmpdir(), 'creditlens-nomodel-'));
    const bare = await testServer(dataDir, { modelsDir: noModels });
    try {
      const ready = await bare.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ checks: { database: true, model: false } });
      expect(ready.json().problem).toMatch(/no active model/);
      const cookie = await login(bare, 'adviser');
      const score = await bare.inject({
        method: 'GET',
        url: `/api/clients/${ids.other}/score`,
        headers: { cookie },
      });
      expect(score.statusCode).toBe(503);
      expect(score.json().error.code).toBe('NOT_READY');
      const list = await bare.inject({ method: 'GET', url: '/api/clients', headers: { cookie } });
      expect(list.statusCode).toBe(200);
      expect(list.json().clients[0].probability).toBeNull();
      const filtered = await bare.inject({
        method: 'GET',
        url: '/api/clients?decision=grant',
        headers: { cookie },
      });
      expect(filtered.statusCode).toBe(503);
    } finally {
      await bare.close();
      rmSync(noModels, { recursive: true, force: true });
    }
  });
});

describe('documentation, headers and logs', () => {
  it('serves OpenAPI 3 and the interactive docs', async () => {
    const spec = await get('/api/openapi.json');
    expect(String(spec.body.openapi)).toMatch(/^3\./);
    const docs = await app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('sends security headers and no CORS headers, even to a foreign origin', async () => {
    const reply = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { origin: 'https://evil.example', cookie: cookies.adviser ?? '' },
    });
    expect(reply.headers['content-security-policy']).toBeDefined();
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['x-frame-options']).toBeDefined();
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/clients',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBeLessThan(500);
  });

  it('never logs passwords, session ids or cookies', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await testServer(dataDir, { logLevel: 'trace', logStream: stream });
    try {
      const secret = 'adviser-demo';
      const reply = await logged.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.7.7.7',
        payload: { username: 'adviser', password: secret },
      });
      const session = String(reply.headers['set-cookie']).split(';')[0]?.split('=')[1] ?? '';
      expect(session).toMatch(/^[0-9a-f]{64}$/);
      await logged.inject({
        method: 'GET',
        url: `/api/clients/${ids.other}`,
        headers: { cookie: `creditlens_session=${session}`, authorization: 'Bearer top-secret' },
      });
      await logged.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.7.7.8',
        payload: { username: 'adviser', password: 'wrong-secret-guess' },
      });
    } finally {
      await logged.close();
    }
    const text = lines.join('');
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [
      'adviser-demo',
      'wrong-secret-guess',
      'top-secret',
      'creditlens_session=',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });
});

describe('without a client database', () => {
  it('is alive but not ready, and says why', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'creditlens-empty-'));
    const bare = await testServer(empty);
    try {
      expect((await bare.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      const ready = await bare.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().problem).toMatch(/no database/);
      const cookie = await login(bare, 'adviser');
      const list = await bare.inject({ method: 'GET', url: '/api/clients', headers: { cookie } });
      expect(list.statusCode).toBe(503);
      expect(list.json().error.code).toBe('NOT_READY');
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
