/** The explanation route through inject(): exact contributions, reasons, roles, validation, audit. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoName, type LoggedInServer, loggedInServer } from '../test-support.ts';

let server: LoggedInServer;
let app: FastifyInstance;
let cookies: Readonly<Record<DemoName, string>>;
let own: number;

beforeAll(async () => {
  server = await loggedInServer('creditlens-explanation-');
  ({ app, cookies, own } = server);
});

afterAll(() => server?.close());

function get(who: DemoName | null, url: string) {
  return server.get(who, url);
}

interface Unit {
  logOdds: number;
  points: number;
  probabilityPoints: number;
}

describe('GET /api/clients/:id/explanation', () => {
  it('adds up exactly to the score the score route serves', async () => {
    const response = await get('adviser', `/api/clients/${own}/explanation?top=5&all=true`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const score = (await get('adviser', `/api/clients/${own}/score`)).json();
    const { contributions } = body;
    const all = contributions.all as Unit[];
    const sum = all.reduce((s, c) => s + c.logOdds, 0);
    expect(contributions.expectedLogOdds + sum).toBeCloseTo(contributions.logOdds, 9);
    expect(1 / (1 + Math.exp(-contributions.logOdds))).toBeCloseTo(score.rawProbability, 9);
    expect(contributions.probability).toBeCloseTo(score.probability, 9);
    // Top N plus the rest cover every unit.
    expect(contributions.top.length).toBeLessThanOrEqual(5);
    const topSum = (contributions.top as Unit[]).reduce((s, c) => s + c.logOdds, 0);
    expect(topSum + contributions.rest.logOdds).toBeCloseTo(sum, 9);
    // Themes regroup the same total.
    const themeSum = (body.themes as { logOdds: number }[]).reduce((s, t) => s + t.logOdds, 0);
    expect(themeSum).toBeCloseTo(sum, 9);
    expect(body.modelVersion).toBe(score.modelVersion);
  });

  it('gives at most four reasons each way, as French and English sentences', async () => {
    const body = (await get('adviser', `/api/clients/${own}/explanation`)).json();
    const { adverse, favourable } = body.reasons as Record<
      string,
      { textFr: string; textEn: string }[]
    >;
    expect((adverse?.length ?? 0) + (favourable?.length ?? 0)).toBeGreaterThan(0);
    for (const list of [adverse ?? [], favourable ?? []]) {
      expect(list.length).toBeLessThanOrEqual(4);
      for (const reason of list) {
        expect(reason.textFr.length).toBeGreaterThan(5);
        expect(reason.textEn.length).toBeGreaterThan(5);
      }
    }
  });

  it('lets a customer see their own explanation only', async () => {
    expect((await get(null, `/api/clients/${own}/explanation`)).statusCode).toBe(401);
    expect((await get('customer1', `/api/clients/${own}/explanation`)).statusCode).toBe(200);
    expect((await get('customer2', `/api/clients/${own}/explanation`)).statusCode).toBe(403);
    expect((await get('adviser', '/api/clients/999999999/explanation')).statusCode).toBe(404);
  });

  it('names a bad query parameter', async () => {
    for (const query of ['top=0', 'top=51', 'top=abc', 'colour=red']) {
      const response = await get('adviser', `/api/clients/${own}/explanation?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toMatch(/top|colour/);
    }
  });

  it('records every explanation viewed in the audit trail', async () => {
    await get('customer1', `/api/clients/${own}/explanation`);
    const audit = await get('admin', `/api/audit?client=${own}&action=client.explanation`);
    expect(audit.statusCode).toBe(200);
    const records = audit.json().records as { action: string; username: string }[];
    expect(records.some((r) => r.username === 'customer1')).toBe(true);
  });

  it('answers a repeated request from its cache with the same JSON, still audited each time', async () => {
    const url = `/api/clients/${own}/explanation?top=7`;
    const count = async () =>
      (await get('admin', `/api/audit?client=${own}&action=client.explanation`)).json().records
        .length as number;
    const before = await count();
    const first = await get('adviser', url);
    const second = await get('adviser', url);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(second.body).toBe(first.body);
    expect(first.json().contributions.top).toHaveLength(7);
    expect(await count()).toBe(before + 2);
    // Another top is another answer; all=true is computed each time and lists every unit.
    expect(
      (await get('adviser', `/api/clients/${own}/explanation?top=3`)).json().contributions.top,
    ).toHaveLength(3);
    expect(
      (await get('adviser', `${url}&all=true`)).json().contributions.all.length,
    ).toBeGreaterThan(7);
  });
});

function whatIf(who: DemoName | null, payload: object) {
  return app.inject({
    method: 'POST',
    url: '/api/score',
    headers: who ? { cookie: cookies[who] ?? '' } : {},
    payload,
  });
}

describe('POST /api/score (what-if)', () => {
  it('gives the stored score back when nothing changes: one feature definition, no skew', async () => {
    const score = (await get('adviser', `/api/clients/${own}/score`)).json();
    const response = await whatIf('adviser', { clientId: own, changes: {} });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.score.rawProbability).toBeCloseTo(score.rawProbability, 12);
    expect(body.score.decision).toBe(score.decision);
    expect(body.changed).toEqual([]);
  });

  it('follows an edited application through score and explanation', async () => {
    const file = (await get('adviser', `/api/clients/${own}/score`)).json();
    const response = await whatIf('adviser', {
      clientId: own,
      changes: { AMT_CREDIT: 2_000_000, AMT_ANNUITY: 200_000 },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.changed.map((c: { field: string }) => c.field).sort()).toEqual([
      'AMT_ANNUITY',
      'AMT_CREDIT',
    ]);
    // The edited values reach the model's features (the fixture's tiny model may not react).
    const credit = (body.contributions.top as { key: string; value: number | null }[]).find(
      (c) => c.key === 'AMT_CREDIT',
    );
    expect(credit?.value).toBe(2_000_000);
    expect(file.modelVersion).toBe(body.modelVersion);
    expect(body.contributions.all).toBeUndefined();
    const top = body.contributions.top as Unit[];
    const sum = top.reduce((s, c) => s + c.logOdds, 0) + body.contributions.rest.logOdds;
    expect(1 / (1 + Math.exp(-(body.contributions.expectedLogOdds + sum)))).toBeCloseTo(
      body.score.rawProbability,
      9,
    );
  });

  it("answers the score and reasons only with detail: 'reasons', the same as the full answer's", async () => {
    const changes = { AMT_CREDIT: 2_000_000, AMT_ANNUITY: 200_000 };
    const full = (await whatIf('adviser', { clientId: own, changes })).json();
    const response = await whatIf('adviser', { clientId: own, changes, detail: 'reasons' });
    expect(response.statusCode).toBe(200);
    const light = response.json();
    expect(light.score).toEqual(full.score);
    expect(light.reasons).toEqual(full.reasons);
    expect(light.changed).toEqual(full.changed);
    expect(light.contributions).toBeUndefined();
    expect(light.themes).toBeUndefined();
    expect(response.body.length).toBeLessThan(JSON.stringify(full).length / 2);
    const bad = await whatIf('adviser', { clientId: own, changes, detail: 'everything' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.detail');
  });

  it('names the field of a bad change and checks who asks', async () => {
    const cases: [object, string][] = [
      [{ AMT_CREDIT: 'a lot' }, 'body.changes.AMT_CREDIT'],
      [{ NAME_EDUCATION_TYPE: 'Hogwarts' }, 'body.changes.NAME_EDUCATION_TYPE'],
      [{ NOT_A_FIELD: 1 }, 'body.changes.NOT_A_FIELD'],
      [{ AMT_CREDIT: -5 }, 'body.changes.AMT_CREDIT'],
    ];
    for (const [changes, field] of cases) {
      const response = await whatIf('adviser', { clientId: own, changes });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    expect((await whatIf('adviser', { clientId: own })).statusCode).toBe(400);
    expect((await whatIf(null, { clientId: own, changes: {} })).statusCode).toBe(401);
    expect((await whatIf('customer1', { clientId: own, changes: {} })).statusCode).toBe(200);
    expect((await whatIf('customer2', { clientId: own, changes: {} })).statusCode).toBe(403);
    expect((await whatIf('adviser', { clientId: 999_999_999, changes: {} })).statusCode).toBe(404);
    const audit = await get('admin', `/api/audit?client=${own}&action=client.whatif`);
    expect(audit.json().records.length).toBeGreaterThan(0);
  });
});

describe('POST /api/score (new application)', () => {
  const application = {
    NAME_CONTRACT_TYPE: 'Cash loans',
    AMT_INCOME_TOTAL: 180_000,
    AMT_CREDIT: 500_000,
    AMT_ANNUITY: 25_000,
    DAYS_BIRTH: -12_000,
    DAYS_EMPLOYED: 365243,
    EXT_SOURCE_2: 0.6,
    NAME_EDUCATION_TYPE: 'Higher education',
  };

  it('scores and explains a whole new application, with no history, and audits it', async () => {
    const response = await whatIf('adviser', { application });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.clientId).toBeNull();
    expect(body.history).toBe('none');
    expect(body.changed).toBeUndefined();
    const top = body.contributions.top as (Unit & { key: string; value: number | null })[];
    const sum = top.reduce((s, c) => s + c.logOdds, 0) + body.contributions.rest.logOdds;
    expect(1 / (1 + Math.exp(-(body.contributions.expectedLogOdds + sum)))).toBeCloseTo(
      body.score.rawProbability,
      9,
    );
    const withId = await whatIf('admin', { application: { ...application, SK_ID_CURR: 990_001 } });
    expect(withId.json().clientId).toBe(990_001);
    expect(withId.json().score.rawProbability).toBe(body.score.rawProbability);
    const audit = await get('admin', '/api/audit?client=990001&action=client.whatif');
    expect(audit.json().records.length).toBe(1);
  });

  it('names the missing or bad field, and refuses customers and mixed bodies', async () => {
    const { AMT_CREDIT: _, ...noCredit } = application;
    const cases: [object, string][] = [
      [{ application: noCredit }, 'body.application.AMT_CREDIT'],
      [
        { application: { ...application, NAME_CONTRACT_TYPE: 'Loan' } },
        'body.application.NAME_CONTRACT_TYPE',
      ],
      [{ application: { ...application, AMT_CREDIT: -1 } }, 'body.application.AMT_CREDIT'],
      [
        { application: { ...application, DAYS_EMPLOYED_ANOM: 1 } },
        'body.application.DAYS_EMPLOYED_ANOM',
      ],
      [{ application: { ...application, SK_ID_CURR: 0.5 } }, 'body.application.SK_ID_CURR'],
      [{ application: { ...application, SK_ID_CURR: 'x' } }, 'body.application.SK_ID_CURR'],
      [{ application, clientId: own, changes: {} }, 'body.application'],
      [{}, 'body.clientId'],
      [{ changes: {} }, 'body.clientId'],
    ];
    for (const [payload, field] of cases) {
      const response = await whatIf('adviser', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    expect((await whatIf(null, { application })).statusCode).toBe(401);
    const customer = await whatIf('customer1', {
      application: { ...application, SK_ID_CURR: own },
    });
    expect(customer.statusCode).toBe(403);
    expect(customer.json().error.code).toBe('FORBIDDEN_ROLE');
  });

  it('never answers a 5xx to random applications', async () => {
    const values = [null, 0, -0, 1, -1, 0.5, 365243, 1e308, -1e308, 5e-324, 'x', '', 'Cash loans'];
    const fields = [
      'AMT_CREDIT',
      'AMT_ANNUITY',
      'AMT_GOODS_PRICE',
      'CNT_FAM_MEMBERS',
      'CNT_CHILDREN',
      'EXT_SOURCE_1',
      'EXT_SOURCE_2',
      'EXT_SOURCE_3',
      'DAYS_EMPLOYED',
      'OWN_CAR_AGE',
      'OBS_30_CNT_SOCIAL_CIRCLE',
      'DEF_30_CNT_SOCIAL_CIRCLE',
      'AMT_REQ_CREDIT_BUREAU_DAY',
      'ORGANIZATION_TYPE',
      'CODE_GENDER',
    ];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) {
      const random: Record<string, unknown> = { ...application };
      for (let k = next(6); k > 0; k--) {
        random[fields[next(fields.length)] as string] = values[next(values.length)];
      }
      const response = await whatIf('adviser', { application: random });
      statuses.add(response.statusCode);
      expect(response.statusCode, JSON.stringify(random)).toBeLessThan(500);
    }
    expect([...statuses].sort()).toEqual([200, 400]);
  });
});
