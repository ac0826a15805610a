/**
 * POST /api/outcomes: only stored applications whose final decision is grant take an outcome; a
 * batch is checked whole (each item named by its index) and recorded all or nothing; the same
 * outcome again is unchanged, a different one a 409 that records nothing; audited; admin only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECISION_ACTION } from '../decisions/stored-decision.ts';
import type { StoredApplication } from '../store/types.ts';
import { login, testServer } from '../test-support.ts';

let dataDir: string;
let app: FastifyInstance;
let admin: string;
const ids: Record<'granted' | 'refused' | 'overruledRefuse' | 'overruledGrant', number> = {
  granted: 0,
  refused: 0,
  overruledRefuse: 0,
  overruledGrant: 0,
};
const DAY = 86_400_000;
const applied = Date.UTC(2026, 5, 1, 14, 30);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'creditlens-outcomes-'));
  app = await testServer(dataDir);
  admin = await login(app, 'admin');
  const base: Omit<StoredApplication, 'clientId'> = {
    createdAt: applied,
    createdBy: null,
    source: 'batch',
    application: { AMT_INCOME_TOTAL: 100_000 },
    modelVersion: 'm-test',
    features: [1, null],
    probability: 0.05,
    decision: 'grant',
  };
  const [granted, refused, overruledRefuse, overruledGrant] =
    await app.ctx.store.applications.createMany([
      base,
      { ...base, decision: 'refuse', probability: 0.4 },
      base,
      { ...base, decision: 'refuse', probability: 0.4 },
    ]);
  ids.granted = granted?.clientId ?? 0;
  ids.refused = refused?.clientId ?? 0;
  ids.overruledRefuse = overruledRefuse?.clientId ?? 0;
  ids.overruledGrant = overruledGrant?.clientId ?? 0;
  // The adviser's final decisions: one grant refused, one refusal granted.
  for (const [clientId, decision] of [
    [ids.overruledRefuse, 'refuse'],
    [ids.overruledGrant, 'grant'],
  ] as const) {
    await app.ctx.store.audit.append({
      at: applied + DAY,
      userId: 1,
      username: 'adviser',
      role: 'adviser',
      action: DECISION_ACTION,
      clientId,
      modelVersion: 'm-test',
      inputsFingerprint: '0'.repeat(64),
      outputSummary: JSON.stringify({ decision, followsModel: false }),
      requestId: 'test',
    });
  }
}, 60_000);

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function post(outcomes: unknown[], cookie = admin) {
  return app.inject({
    method: 'POST',
    url: '/api/outcomes',
    headers: { cookie },
    payload: { outcomes },
  });
}

describe('POST /api/outcomes', () => {
  it('records granted loans, then counts the same batch again as unchanged', async () => {
    const batch = [
      { clientId: ids.granted, defaulted: 1, date: '2026-09-30' },
      { clientId: ids.overruledGrant, defaulted: 0, date: '2026-06-01' },
    ];
    const first = await post(batch);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ recorded: 2, unchanged: 0, stored: 2 });
    const again = await post(batch);
    expect(again.json()).toEqual({ recorded: 0, unchanged: 2, stored: 2 });
    expect(await app.ctx.store.outcomes.get(ids.granted)).toMatchObject({
      defaulted: 1,
      observedAt: Date.UTC(2026, 8, 30),
      recordedBy: 'admin',
    });
    const { records } = await app.ctx.store.audit.query({
      action: 'admin.outcomes.record',
      page: 1,
      pageSize: 10,
    });
    expect(records.map((r) => JSON.parse(r.outputSummary))).toEqual([
      { items: 2, recorded: 0, unchanged: 2 },
      { items: 2, recorded: 2, unchanged: 0 },
    ]);
  });

  it.each([
    [{ defaulted: 2 }, 'body.outcomes.1.defaulted', 'BAD_REQUEST'],
    [{ date: '2026-02-30' }, 'body.outcomes.1.date', 'BAD_REQUEST'],
    [{ date: '2999-01-01' }, 'body.outcomes.1.date', 'BAD_REQUEST'],
    [{ clientId: 123 }, 'body.outcomes.1.clientId', 'OUTCOME_UNKNOWN_CLIENT'],
    [{ clientId: 'refused' }, 'body.outcomes.1.clientId', 'OUTCOME_LOAN_REFUSED'],
    [{ clientId: 'overruledRefuse' }, 'body.outcomes.1.clientId', 'OUTCOME_LOAN_REFUSED'],
    [{ date: '2026-05-31' }, 'body.outcomes.1.clientId', 'OUTCOME_BEFORE_APPLICATION'],
    [{ clientId: 'granted', defaulted: 0 }, 'body.outcomes.1', 'OUTCOME_CONFLICT'],
  ])('refuses %j naming %s (%s) and records nothing of the batch', async (change, field, code) => {
    const before = await app.ctx.store.outcomes.count();
    const { clientId, ...rest } = change as { clientId?: number | keyof typeof ids };
    const fresh = (
      await app.ctx.store.applications.create({
        createdAt: applied,
        createdBy: null,
        source: 'api',
        application: {},
        modelVersion: 'm-test',
        features: [],
        probability: 0.05,
        decision: 'grant',
      })
    ).clientId;
    const bad = {
      clientId: typeof clientId === 'string' ? ids[clientId] : (clientId ?? fresh),
      defaulted: 1,
      date: '2026-09-30',
      ...rest,
    };
    const reply = await post([{ clientId: fresh, defaulted: 0, date: '2026-07-01' }, bad]);
    expect(reply.json().error).toMatchObject({ code, field });
    expect(reply.statusCode).toBe(
      code === 'BAD_REQUEST' ? 400 : code === 'OUTCOME_CONFLICT' ? 409 : 422,
    );
    if (code !== 'BAD_REQUEST') expect(reply.json().error.message).toMatch(/^outcomes\[1\]: /);
    expect(await app.ctx.store.outcomes.count()).toBe(before);
    expect(await app.ctx.store.outcomes.get(fresh)).toBeUndefined();
  });

  it('says how many more items were refused', async () => {
    const reply = await post([
      { clientId: 7, defaulted: 0, date: '2026-07-01' },
      { clientId: 8, defaulted: 0, date: '2026-07-01' },
    ]);
    expect(reply.statusCode).toBe(422);
    expect(reply.json().error.message).toMatch(/client 7.*\(and 1 more items refused\)$/);
  });

  it('is for admins only', async () => {
    const adviser = await login(app, 'adviser');
    const reply = await post(
      [{ clientId: ids.granted, defaulted: 1, date: '2026-09-30' }],
      adviser,
    );
    expect(reply.statusCode).toBe(403);
  });
});
