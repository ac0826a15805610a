/**
 * Every refused access (401, 403) to a client's data lands in the audit trail as access.refused,
 * whichever route refused it, with the client asked for and the route; other refusals do not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedInServer, loggedInServer } from '../test-support.ts';
import { REFUSED_ACTION } from './refusals.ts';

let server: LoggedInServer;
let own: number;
let other: number;

beforeAll(async () => {
  server = await loggedInServer('creditlens-refusals-');
  ({ own } = server);
  other = (await server.get('customer2', '/api/auth/me')).json().user.clientId as number;
});

afterAll(() => server?.close());

interface AuditRecord {
  username: string | null;
  role: string | null;
  clientId: number | null;
  outputSummary: string;
  requestId: string;
}

async function refusals(query = ''): Promise<{ total: number; records: AuditRecord[] }> {
  const reply = await server.get(
    'admin',
    `/api/audit?action=${REFUSED_ACTION}&pageSize=500${query}`,
  );
  expect(reply.statusCode).toBe(200);
  return reply.json();
}

describe('refused accesses in the audit trail', () => {
  it("records a customer refused another client's file, score, explanation, similar clients, recourse, decisions and what-if", async () => {
    const before = (await refusals()).total;
    const urls = [
      `/api/clients/${other}`,
      `/api/clients/${other}/score`,
      `/api/clients/${other}/explanation`,
      `/api/clients/${other}/similar`,
      `/api/clients/${other}/recourse`,
      `/api/clients/${other}/decisions`,
    ];
    const requestIds: string[] = [];
    for (const url of urls) {
      const reply = await server.get('customer1', url);
      expect(reply.statusCode, url).toBe(403);
      requestIds.push(reply.json().error.requestId);
    }
    const whatIf = await server.app.inject({
      method: 'POST',
      url: '/api/score',
      headers: { cookie: server.cookies.customer1 },
      payload: { clientId: other, changes: {} },
    });
    expect(whatIf.statusCode).toBe(403);
    requestIds.push(whatIf.json().error.requestId);

    const { total, records } = await refusals(`&client=${other}`);
    expect(total).toBe(urls.length + 1);
    expect((await refusals()).total).toBe(before + urls.length + 1);
    // Each refusal is its request's record, durable before the answer (as any audited request).
    expect(records.map((r) => r.requestId).sort()).toEqual([...requestIds].sort());
    const routes = records.map((r) => JSON.parse(r.outputSummary).route as string);
    expect(routes.sort()).toEqual(
      [
        'GET /api/clients/:id',
        'GET /api/clients/:id/score',
        'GET /api/clients/:id/explanation',
        'GET /api/clients/:id/similar',
        'GET /api/clients/:id/recourse',
        'GET /api/clients/:id/decisions',
        'POST /api/score',
      ].sort(),
    );
    for (const r of records) {
      expect(r).toMatchObject({ username: 'customer1', role: 'customer', clientId: other });
      expect(JSON.parse(r.outputSummary)).toMatchObject({ status: 403, code: 'FORBIDDEN_CLIENT' });
    }
  });

  it('records a request without a session (401), and a role refused a route on client data', async () => {
    expect((await server.get(null, `/api/clients/${own}/score`)).statusCode).toBe(401);
    const [anonymous] = (await refusals(`&client=${own}`)).records;
    expect(anonymous).toMatchObject({ username: null, role: null, clientId: own });
    expect(JSON.parse(anonymous?.outputSummary ?? '{}')).toMatchObject({
      status: 401,
      code: 'NOT_LOGGED_IN',
      route: 'GET /api/clients/:id/score',
    });
    // A customer scoring a new application for their own id: the role may not.
    const reply = await server.app.inject({
      method: 'POST',
      url: '/api/score',
      headers: { cookie: server.cookies.customer1 },
      payload: {
        application: {
          SK_ID_CURR: own,
          NAME_CONTRACT_TYPE: 'Cash loans',
          AMT_INCOME_TOTAL: 120_000,
          AMT_CREDIT: 300_000,
          DAYS_BIRTH: -12_000,
        },
      },
    });
    expect(reply.statusCode).toBe(403);
    const [role] = (await refusals('&user=customer1')).records;
    expect(role?.clientId).toBe(own);
    expect(JSON.parse(role?.outputSummary ?? '{}')).toMatchObject({
      code: 'FORBIDDEN_ROLE',
      route: 'POST /api/score',
    });
  });

  it('leaves out refusals elsewhere and answers that are not refusals', async () => {
    const before = (await refusals()).total;
    expect((await server.get('customer1', '/api/model')).statusCode).toBe(403);
    expect((await server.get('customer1', '/api/admin/users')).statusCode).toBe(403);
    expect((await server.get('customer1', `/api/clients/${own}`)).statusCode).toBe(200);
    expect((await server.get('adviser', '/api/clients/999999999')).statusCode).toBe(404);
    expect((await server.get('adviser', '/api/clients/abc')).statusCode).toBe(400);
    expect((await refusals()).total).toBe(before);
  });
});
