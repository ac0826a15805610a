/**
 * POST /api/applications through inject(): a new application stored, scored like POST /api/score's
 * new application (one feature definition), audited, replayed under its Idempotency-Key, refused
 * for customers and bad fields (nothing stored); then its file: the list, the file, the score, the
 * explanation, a decision, the data export and the letter all answer for the new client id.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_NEW_CLIENT_ID } from '../store/types.ts';
import { type DemoName, type LoggedInServer, loggedInServer } from '../test-support.ts';

let server: LoggedInServer;
let app: FastifyInstance;

beforeAll(async () => {
  server = await loggedInServer('creditlens-applications-');
  app = server.app;
});

afterAll(() => server?.close());

const application = {
  NAME_CONTRACT_TYPE: 'Cash loans',
  CODE_GENDER: 'F',
  NAME_INCOME_TYPE: 'Working',
  AMT_INCOME_TOTAL: 180_000,
  AMT_CREDIT: 500_000,
  AMT_ANNUITY: 25_000,
  DAYS_BIRTH: -12_000,
  EXT_SOURCE_2: 0.6,
};

function post(who: DemoName, url: string, payload: object, key?: string) {
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: server.cookies[who], ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });
}

const stored = () => app.ctx.store.applications.count({});

describe('POST /api/applications', () => {
  let clientId = 0;

  it('stores, scores and explains a new application, pending, as POST /api/score scores it', async () => {
    const before = await stored();
    const response = await post('adviser', '/api/applications', { application });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    clientId = body.clientId;
    expect(clientId).toBeGreaterThanOrEqual(FIRST_NEW_CLIENT_ID);
    expect(body.status).toBe('pending');
    expect(body.history).toBe('none');
    expect(body.toComplete.length).toBeGreaterThan(0);
    const simulated = (await post('adviser', '/api/score', { application })).json();
    expect(body.score).toEqual(simulated.score);
    expect(body.reasons).toEqual(simulated.reasons);
    expect(await stored()).toBe(before + 1);
    const kept = await app.ctx.store.applications.get(clientId);
    expect(kept).toMatchObject({
      source: 'api',
      application,
      modelVersion: body.modelVersion,
      probability: body.score.probability,
      decision: body.score.decision,
    });
    expect(kept?.features.length).toBeGreaterThan(0);
    const audit = await server.get(
      'admin',
      `/api/audit?client=${clientId}&action=client.application`,
    );
    expect(audit.json().records).toHaveLength(1);
  });

  it('stores once under one Idempotency-Key, replaying the first answer', async () => {
    const before = await stored();
    const first = await post('adviser', '/api/applications', { application }, 'new-app-0001');
    const again = await post('adviser', '/api/applications', { application }, 'new-app-0001');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await stored()).toBe(before + 1);
  });

  it('names the bad field, refuses customers and a given id, and stores nothing then', async () => {
    const before = await stored();
    const { AMT_CREDIT: _, ...noCredit } = application;
    const cases: [object, string][] = [
      [{ application: noCredit }, 'body.application.AMT_CREDIT'],
      [{ application: { ...application, AMT_CREDIT: -1 } }, 'body.application.AMT_CREDIT'],
      [
        { application: { ...application, NAME_CONTRACT_TYPE: 'Loan' } },
        'body.application.NAME_CONTRACT_TYPE',
      ],
      [{ application: { ...application, SK_ID_CURR: 100_002 } }, 'body.application.SK_ID_CURR'],
      [{ application: { ...application, NOT_A_FIELD: 1 } }, 'body.application.NOT_A_FIELD'],
    ];
    for (const [payload, field] of cases) {
      const response = await post('adviser', '/api/applications', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    expect((await post('customer1', '/api/applications', { application })).statusCode).toBe(403);
    expect(await stored()).toBe(before);
  });

  it("opens the new client's file: list, file, score, explanation, decision, data, letter", async () => {
    // Ids from 900 000 000: the newest first by -id.
    const list = (await server.get('adviser', '/api/clients?pageSize=5&sort=-id')).json();
    expect(list.clients[0]).toMatchObject({ split: 'new', contractType: 'Cash loans', age: 32 });
    const ids = list.clients.map((c: { id: number }) => c.id);
    expect(ids).toContain(clientId);
    const searched = (await server.get('adviser', `/api/clients?search=${clientId}`)).json();
    expect(searched.total).toBe(1);
    const filtered = (
      await server.get('adviser', '/api/clients?contractType=Revolving%20loans&pageSize=100')
    ).json();
    expect(filtered.clients.some((c: { split: string }) => c.split === 'new')).toBe(false);
    // Merged in the sort's order: pages of 3 read one after another are the page of 12.
    for (const sort of ['-credit', 'age', 'id', '-points']) {
      const whole = (await server.get('adviser', `/api/clients?pageSize=12&sort=${sort}`)).json();
      const pages = [];
      for (const page of [1, 2, 3, 4]) {
        const url = `/api/clients?pageSize=3&page=${page}&sort=${sort}`;
        pages.push(...(await server.get('adviser', url)).json().clients);
      }
      expect(pages.map((c) => c.id)).toEqual(whole.clients.map((c: { id: number }) => c.id));
      expect(whole.total).toBe(list.total);
    }
    // The credit asked, 500 000, places the new applicants among the stored clients.
    const byCredit = (await server.get('adviser', '/api/clients?pageSize=100&sort=-credit')).json();
    const credits = byCredit.clients.map((c: { credit: number | null }) => c.credit);
    expect(credits).toEqual([...credits].sort((x, y) => (y ?? -1) - (x ?? -1)));

    const file = await server.get('adviser', `/api/clients/${clientId}`);
    expect(file.statusCode).toBe(200);
    expect(file.json().split).toBe('new');
    const credit = file
      .json()
      .sections.flatMap((s: { values: { name: string; value: number | null }[] }) => s.values)
      .find((v: { name: string }) => v.name === 'AMT_CREDIT');
    expect(credit?.value).toBe(500_000);

    const saved = await app.ctx.store.applications.get(clientId);
    const score = (await server.get('adviser', `/api/clients/${clientId}/score`)).json();
    expect(score.probability).toBeCloseTo(saved?.probability ?? -1, 12);
    const explanation = await server.get('adviser', `/api/clients/${clientId}/explanation`);
    expect(explanation.statusCode).toBe(200);
    expect(explanation.json().contributions.probability).toBeCloseTo(score.probability, 9);
    // The file's reasons are those the save answered: the unknown fields are never reasons.
    const answered = (
      await post('adviser', '/api/applications', { application }, 'same-reasons-01')
    ).json();
    const again = (
      await server.get('adviser', `/api/clients/${answered.clientId}/explanation`)
    ).json();
    expect(again.reasons).toEqual(answered.reasons);
    expect(again.clientReasons).toEqual(answered.clientReasons);
    // The list reads the applications stored since its last answer.
    const listed = (await server.get('adviser', `/api/clients?search=${answered.clientId}`)).json();
    expect(listed.clients.map((c: { id: number }) => c.id)).toEqual([answered.clientId]);
    const total = (await server.get('adviser', '/api/clients?pageSize=1')).json().total;
    expect(total).toBe(list.total + 1);

    const decision = await post('adviser', `/api/clients/${clientId}/decisions`, {
      decision: score.decision,
      followsModel: true,
      reasonCategory: 'other',
      justification: 'Income and loan checked against the payslips.',
    });
    expect(decision.statusCode, decision.body).toBe(201);
    const history = (await server.get('adviser', `/api/clients/${clientId}/decisions`)).json();
    expect(history.decisions).toHaveLength(1);
    const data = await server.get('admin', `/api/clients/${clientId}/data`);
    expect(data.statusCode).toBe(200);
    expect(data.json().score.probability).toBeCloseTo(score.probability, 12);
    expect((await server.get('adviser', `/api/clients/${clientId}/letter`)).statusCode).toBe(200);
    expect((await server.get('adviser', `/api/clients/${clientId}/recourse`)).statusCode).toBe(200);
    const whatIf = await post('adviser', '/api/score', {
      clientId,
      changes: { AMT_CREDIT: 400_000 },
    });
    expect(whatIf.statusCode, whatIf.body).toBe(200);
    expect(whatIf.json().changed[0]).toMatchObject({ field: 'AMT_CREDIT', before: 500_000 });
    const unchanged = (await post('adviser', '/api/score', { clientId, changes: {} })).json();
    expect(unchanged.score.rawProbability).toBeCloseTo(score.rawProbability, 12);
    // Compared with the clients of the data on their application's values (no history).
    const similar = await server.get('adviser', `/api/clients/${clientId}/similar?k=5`);
    expect(similar.statusCode, similar.body).toBe(200);
    expect(similar.json().neighbours).toHaveLength(5);
    const { comparison, space } = similar.json();
    expect(comparison.map((c: { feature: string }) => c.feature)).toEqual(
      space.map((f: { name: string }) => f.name),
    );
    const distribution = await server.get(
      'adviser',
      `/api/population/features/AMT_CREDIT?group=similar&client=${clientId}`,
    );
    expect(distribution.statusCode, distribution.body).toBe(200);
    expect(distribution.json().client.value).toBe(500_000);
    const scatter = await server.get(
      'adviser',
      `/api/population/scatter?x=AMT_CREDIT&y=AMT_ANNUITY&client=${clientId}`,
    );
    expect(scatter.json().client).toEqual({ x: 500_000, y: 25_000 });
    const unknown = '/api/population/features/AMT_CREDIT?group=similar&client=999999998';
    expect((await server.get('adviser', unknown)).statusCode).toBe(404);
    // Privacy: a customer reaches only their own file.
    expect((await server.get('customer1', `/api/clients/${clientId}`)).statusCode).toBe(403);
    // An id of the new range that was never allocated is unknown.
    expect((await server.get('adviser', '/api/clients/999999998')).statusCode).toBe(404);
    expect((await server.get('adviser', '/api/clients/999999998/score')).statusCode).toBe(404);
  });

  it('lets an admin open an account for a new applicant, who then sees their own file', async () => {
    const saved = await post('adviser', '/api/applications', { application }, 'account-for-01');
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().clientId as number;
    const account = { username: 'new.applicant', password: 'Quiet-Harbour-42', role: 'customer' };
    const created = await post('admin', '/api/admin/users', { ...account, clientId: id });
    expect(created.statusCode, created.body).toBe(201);
    const never = await post('admin', '/api/admin/users', {
      ...account,
      username: 'never.applied',
      clientId: 999_999_997,
    });
    expect(never.statusCode).toBe(404);
    expect(never.json().error.code).toBe('CLIENT_NOT_FOUND');
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password: account.password },
    });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    const own = await app.inject({ method: 'GET', url: `/api/clients/${id}`, headers: { cookie } });
    expect(own.statusCode, own.body).toBe(200);
  });
});
