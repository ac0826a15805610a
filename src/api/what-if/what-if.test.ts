/**
 * POST /api/score through inject(): the what-if of a stored client (no skew with the stored
 * score, edits followed through), a new application, the body's validation naming the field,
 * roles and the audit trail.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoName, type LoggedInServer, loggedInServer } from '../test-support.ts';

let server: LoggedInServer;
let app: FastifyInstance;
let cookies: Readonly<Record<DemoName, string>>;
let own: number;

beforeAll(async () => {
  // The fuzz below sends 150 scorings as one adviser: above the per-user burst (src/api/limits),
  // which has tests of its own.
  server = await loggedInServer('creditlens-what-if-', {
    expensiveLimits: { perMinute: 100_000, burst: 100_000 },
  });
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
    // Both given; a goods loan's price follows the amount (the loan rule).
    expect(body.changed.slice(0, 2)).toMatchObject([
      { field: 'AMT_CREDIT', after: 2_000_000, derived: null },
      { field: 'AMT_ANNUITY', after: 200_000, derived: null },
    ]);
    expect(body.changed.slice(2).map((c: { field: string }) => c.field)).toEqual(
      body.changed.length > 2 ? ['AMT_GOODS_PRICE'] : [],
    );
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
    // The light answer carries both views' reasons; on this ten-feature model the full one is
    // small too (on the demo model it is ≈5× the light one).
    expect(response.body.length).toBeLessThan(JSON.stringify(full).length * 0.6);
    const bad = await whatIf('adviser', { clientId: own, changes, detail: 'everything' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.detail');
  });

  it('applies the loan rule: a new amount keeps the term, the goods price follows unless unlocked', async () => {
    const file = (await get('adviser', `/api/clients/${own}`)).json();
    const stored = Object.fromEntries(
      (file.sections as { values: { name: string; value: unknown }[] }[]).flatMap((section) =>
        section.values.map((v) => [v.name, v.value]),
      ),
    ) as Record<string, number | null>;
    const credit = stored.AMT_CREDIT as number;
    const annuity = stored.AMT_ANNUITY as number;
    const goods = stored.AMT_GOODS_PRICE;
    const amount = Math.round(credit / 2);
    // Exact, not rounded to the cent (src/explain/loan-terms.ts says why).
    const instalment = annuity * (amount / credit);
    const onlyAmount = (
      await whatIf('adviser', { clientId: own, changes: { AMT_CREDIT: amount } })
    ).json();
    expect(onlyAmount.changed).toEqual([
      { field: 'AMT_CREDIT', before: credit, after: amount, derived: null },
      { field: 'AMT_ANNUITY', before: annuity, after: instalment, derived: 'same-term' },
      ...(typeof goods === 'number'
        ? [
            {
              field: 'AMT_GOODS_PRICE',
              before: goods,
              after: goods * (amount / credit),
              derived: 'follows-amount',
            },
          ]
        : []),
    ]);
    // The same as giving every field it derived.
    const explicit = Object.fromEntries(
      (onlyAmount.changed as { field: string; after: number }[]).map((c) => [c.field, c.after]),
    );
    const all = (await whatIf('adviser', { clientId: own, changes: explicit })).json();
    expect(all.score).toEqual(onlyAmount.score);
    expect(all.changed.map((c: { derived: null }) => c.derived)).toEqual(
      onlyAmount.changed.map(() => null),
    );
    // Unlocked, the goods price stays; a new term recomputes the instalment for the same amount.
    const unlocked = (
      await whatIf('adviser', {
        clientId: own,
        changes: { AMT_CREDIT: amount },
        loan: { goodsPrice: 'keep' },
      })
    ).json();
    expect(unlocked.changed.map((c: { field: string }) => c.field)).toEqual([
      'AMT_CREDIT',
      'AMT_ANNUITY',
    ]);
    const term = (
      await whatIf('adviser', { clientId: own, changes: {}, loan: { term: 36 } })
    ).json();
    expect(term.changed).toEqual([
      { field: 'AMT_ANNUITY', before: annuity, after: credit / 36, derived: 'new-term' },
    ]);
    const cases: [object, string][] = [
      [{ changes: { AMT_ANNUITY: 1000 }, loan: { term: 36 } }, 'body.loan.term'],
      [{ changes: {}, loan: { term: 0 } }, 'body.loan.term'],
      [{ changes: {}, loan: { term: 'long' } }, 'body.loan.term'],
      [{ changes: {}, loan: { goodsPrice: 'free' } }, 'body.loan.goodsPrice'],
      [{ changes: {}, loan: { rate: 0.05 } }, 'body.loan.rate'],
    ];
    for (const [payload, field] of cases) {
      const response = await whatIf('adviser', { clientId: own, ...payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
  });

  it('flags the values outside the situations the model knows, among those the changes moved', async () => {
    const unchanged = (await whatIf('adviser', { clientId: own, changes: {} })).json();
    expect(unchanged.outOfRange).toEqual([]);
    const huge = (
      await whatIf('adviser', {
        clientId: own,
        changes: { AMT_CREDIT: 90_000_000 },
        detail: 'reasons',
      })
    ).json();
    const flagged = huge.outOfRange as {
      feature: string;
      value: number;
      p99: number;
      fields: string[];
      textFr: string;
      textEn: string;
    }[];
    const credit = flagged.find((f) => f.feature === 'AMT_CREDIT');
    expect(credit).toMatchObject({ value: 90_000_000, fields: ['AMT_CREDIT'] });
    expect(credit?.p99).toBeLessThan(90_000_000);
    expect(credit?.textFr).toContain('hors des situations connues du modèle');
    expect(credit?.textEn).toContain('outside the situations the model knows');
    // The instalment the rule derived moved too, and is beyond as well.
    expect(flagged.map((f) => f.feature)).toContain('AMT_ANNUITY');
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
    const customer = await whatIf('customer1', { clientId: own, changes: {} });
    expect(customer.statusCode).toBe(200);
    // A customer's simulation is explained in the client view.
    expect(customer.json().view).toBe('client');
    expect(customer.json().reasons.adverse).toEqual(customer.json().clientReasons.adverse);
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
    // The fields not given that the model weighs are to complete, never reasons.
    expect(body.view).toBe('adviser');
    const toComplete = body.toComplete as {
      code: string;
      fields: string[];
      units: { key: string }[];
    }[];
    expect(toComplete.length).toBeGreaterThan(0);
    const given = new Set(Object.keys(application));
    for (const t of toComplete) {
      expect(t.fields.length).toBeGreaterThan(0);
      for (const field of t.fields) expect(given.has(field), field).toBe(false);
    }
    const unknown = new Set(toComplete.flatMap((t) => t.units.map((u) => u.key)));
    const reasons = [
      ...body.reasons.adverse,
      ...body.reasons.favourable,
      ...body.clientReasons.adverse,
      ...body.clientReasons.favourable,
    ] as { key: string; features: string[] }[];
    for (const r of reasons) {
      for (const key of [r.key, ...r.features]) expect(unknown.has(key), key).toBe(false);
    }
    const light = (await whatIf('adviser', { application, detail: 'reasons' })).json();
    expect(light.toComplete).toEqual(body.toComplete);
    expect(body.outOfRange).toEqual([]);
    const huge = await whatIf('adviser', {
      application: { ...application, AMT_CREDIT: 90_000_000 },
    });
    expect(huge.json().outOfRange.map((f: { feature: string }) => f.feature)).toEqual([
      'AMT_CREDIT',
    ]);
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
      [{ application, changes: {} }, 'body.application'],
      [{ application, detail: 'everything' }, 'body.detail'],
      [
        { application: { ...application, AMT_CREDIT: 'x'.repeat(101) } },
        'body.application.AMT_CREDIT',
      ],
      [{}, 'body.clientId'],
      [{ changes: {} }, 'body.clientId'],
      [{ clientId: own }, 'body.changes'],
      [{ clientId: 'x', changes: {} }, 'body.clientId'],
      [{ clientId: own, changes: {}, colour: 'red' }, 'body.colour'],
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
