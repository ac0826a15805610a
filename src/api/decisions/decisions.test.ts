/** The adviser's decisions through inject(): roles, the override rule, the record in the audit trail. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeShared, type DemoName, login, makeDataDir, testServer } from '../test-support.ts';

let app: FastifyInstance;
let cleanup: () => void;
const cookies: Partial<Record<DemoName, string>> = {};
/** customer1's own client and the model's decision on it. */
let own: number;
let modelDecision: 'grant' | 'refuse';

beforeAll(async () => {
  const made = await makeDataDir('creditlens-decisions-');
  cleanup = made.cleanup;
  app = await testServer(made.dataDir);
  for (const name of ['adviser', 'admin', 'customer1', 'customer2'] as const) {
    cookies[name] = await login(app, name);
  }
  const me = await app.inject({
    method: 'GET',
    url: '/api/auth/me',
    headers: { cookie: cookies.customer1 ?? '' },
  });
  own = me.json().user.clientId as number;
  const score = await app.inject({
    method: 'GET',
    url: `/api/clients/${own}/score`,
    headers: { cookie: cookies.adviser ?? '' },
  });
  modelDecision = score.json().decision;
});

afterAll(async () => {
  await app?.close();
  await closeShared();
  cleanup?.();
});

function post(who: DemoName | null, payload: object, id = own) {
  return app.inject({
    method: 'POST',
    url: `/api/clients/${id}/decisions`,
    headers: who ? { cookie: cookies[who] ?? '' } : {},
    payload,
  });
}

const opposite = (d: 'grant' | 'refuse') => (d === 'grant' ? 'refuse' : 'grant');

/** A reason category and a justification of at least 20 characters: every decision needs both. */
const WHY = {
  reasonCategory: 'other',
  justification: 'Checked the file with the client in person.',
} as const;

describe('POST /api/clients/:id/decisions', () => {
  it('lets only staff record a decision', async () => {
    const body = { decision: modelDecision, followsModel: true, ...WHY };
    expect((await post(null, body)).statusCode).toBe(401);
    expect((await post('customer1', body)).statusCode).toBe(403);
    expect((await post('customer2', body)).statusCode).toBe(403);
    expect((await post('adviser', body, 999_999_999)).statusCode).toBe(404);
  });

  it('records a decision that follows the model, with its category and justification', async () => {
    const reply = await post('adviser', { decision: modelDecision, followsModel: true, ...WHY });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({
      clientId: own,
      decision: modelDecision,
      modelDecision,
      followsModel: true,
      justification: WHY.justification,
      reasonCategory: 'other',
      reviewId: null,
      username: 'adviser',
    });
  });

  it('refuses a decision without a justification of twenty characters, naming the field', async () => {
    for (const [decision, followsModel] of [
      [opposite(modelDecision), false],
      [modelDecision, true],
    ] as const) {
      for (const justification of [
        undefined,
        '',
        'trop court',
        'nineteen characters',
        '         x         ',
      ]) {
        const reply = await post('adviser', {
          decision,
          followsModel,
          reasonCategory: 'other',
          ...(justification === undefined ? {} : { justification }),
        });
        expect(reply.statusCode, String(justification)).toBe(400);
        expect(reply.json().error).toMatchObject({
          code: 'BAD_REQUEST',
          field: 'body.justification',
        });
      }
    }
  });

  it('refuses a decision without a reason category of the list', async () => {
    for (const reasonCategory of [undefined, 'because', '']) {
      const reply = await post('adviser', {
        decision: modelDecision,
        followsModel: true,
        justification: WHY.justification,
        ...(reasonCategory === undefined ? {} : { reasonCategory }),
      });
      expect(reply.statusCode, String(reasonCategory)).toBe(400);
      expect(reply.json().error).toMatchObject({
        code: 'BAD_REQUEST',
        field: 'body.reasonCategory',
      });
    }
  });

  it('refuses a followsModel flag that contradicts the model', async () => {
    const reply = await post('adviser', {
      decision: opposite(modelDecision),
      followsModel: true,
      ...WHY,
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatchObject({ field: 'body.followsModel' });
  });

  it('names a bad or unknown body field', async () => {
    const cases: [object, string][] = [
      [{ decision: 'maybe', followsModel: true, ...WHY }, 'body.decision'],
      [{ decision: 'grant', ...WHY }, 'body.followsModel'],
      [{ decision: 'grant', followsModel: 'yes', ...WHY }, 'body.followsModel'],
      [{ decision: 'grant', followsModel: true, extra: 1, ...WHY }, 'body.extra'],
      [{ decision: 'grant', followsModel: true, ...WHY, reviewId: 0 }, 'body.reviewId'],
      [
        { decision: 'grant', followsModel: false, ...WHY, justification: 'x'.repeat(2001) },
        'body.justification',
      ],
    ];
    for (const [payload, field] of cases) {
      const reply = await post('adviser', payload);
      expect(reply.statusCode, JSON.stringify(payload)).toBe(400);
      expect(reply.json().error).toMatchObject({ code: 'BAD_REQUEST', field });
    }
  });

  it('keeps an override with its justification in the audit trail and the client list', async () => {
    const justification = '  Stable income proven by three recent payslips.  ';
    const reply = await post('admin', {
      decision: opposite(modelDecision),
      followsModel: false,
      reasonCategory: 'guarantee',
      justification,
    });
    expect(reply.statusCode).toBe(201);
    const recorded = reply.json();
    expect(recorded.justification).toBe(justification.trim());

    const audit = await app.inject({
      method: 'GET',
      url: `/api/audit?client=${own}&action=client.decision`,
      headers: { cookie: cookies.admin ?? '' },
    });
    const records = audit.json().records as { id: number; action: string; username: string }[];
    expect(records.map((r) => r.id)).toContain(recorded.id);

    const list = await app.inject({
      method: 'GET',
      url: `/api/clients/${own}/decisions`,
      headers: { cookie: cookies.customer1 ?? '' },
    });
    expect(list.statusCode).toBe(200);
    const decisions = list.json().decisions as Record<string, unknown>[];
    // Newest first: the override, then the decision that followed the model.
    expect(decisions[0]).toMatchObject({
      id: recorded.id,
      decision: opposite(modelDecision),
      followsModel: false,
      justification: justification.trim(),
      reasonCategory: 'guarantee',
      username: 'admin',
    });
    expect(decisions.some((d) => d.followsModel === true)).toBe(true);
    const other = await app.inject({
      method: 'GET',
      url: `/api/clients/${own}/decisions`,
      headers: { cookie: cookies.customer2 ?? '' },
    });
    expect(other.statusCode).toBe(403);
  });
});
