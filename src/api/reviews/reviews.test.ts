/**
 * Review requests through inject(): who may file and read them, the point of view's and the
 * corrections' validation, the Idempotency-Key, the audit, the staff worklist, taking one in
 * review, and the decision that answers one and closes it with its outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoName, type LoggedInServer, loggedInServer } from '../test-support.ts';

let s: LoggedInServer;
/** Another client than customer1's. */
let other: number;

beforeAll(async () => {
  s = await loggedInServer('creditlens-reviews-');
  const list = await s.get('adviser', '/api/clients?pageSize=5');
  other = (list.json().clients as { id: number }[]).find((c) => c.id !== s.own)?.id as number;
});

afterAll(async () => {
  await s?.close();
});

const VIEW =
  "Mes revenus ont augmenté depuis ma demande : j'ai un nouveau contrat à durée indéterminée.";

function post(who: DemoName | null, id: number, payload: object, key?: string) {
  return s.app.inject({
    method: 'POST',
    url: `/api/clients/${id}/reviews`,
    headers: {
      ...(who ? { cookie: s.cookies[who] } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    payload,
  });
}

describe('POST /api/clients/:id/reviews', () => {
  it('lets the customer file on their own file and staff on behalf of any', async () => {
    expect((await post(null, s.own, { pointOfView: VIEW })).statusCode).toBe(401);
    expect((await post('customer2', s.own, { pointOfView: VIEW })).statusCode).toBe(403);
    expect((await post('customer1', other, { pointOfView: VIEW })).statusCode).toBe(403);
    expect((await post('adviser', 999_999_999, { pointOfView: VIEW })).statusCode).toBe(404);
    const own = await post('customer1', s.own, {
      pointOfView: `  ${VIEW}  `,
      corrections: { AMT_INCOME_TOTAL: 180_000, NAME_INCOME_TYPE: 'Working' },
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({
      clientId: s.own,
      username: 'customer1',
      role: 'customer',
      pointOfView: VIEW,
      corrections: { AMT_INCOME_TOTAL: 180_000, NAME_INCOME_TYPE: 'Working' },
      status: 'received',
      outcome: null,
    });
    const onBehalf = await post('adviser', other, { pointOfView: VIEW });
    expect(onBehalf.statusCode).toBe(201);
    expect(onBehalf.json()).toMatchObject({
      username: 'adviser',
      role: 'adviser',
      corrections: {},
    });
  });

  it('validates the point of view and the corrected fields, naming the field', async () => {
    const cases: [object, string][] = [
      [{}, 'body.pointOfView'],
      [{ pointOfView: 'trop court' }, 'body.pointOfView'],
      [{ pointOfView: `   ${'x'.repeat(10)}            ` }, 'body.pointOfView'],
      [{ pointOfView: 'x'.repeat(2001) }, 'body.pointOfView'],
      [{ pointOfView: 42 }, 'body.pointOfView'],
      [{ pointOfView: VIEW, extra: 1 }, 'body.extra'],
      [{ pointOfView: VIEW, corrections: { NOT_A_FIELD: 1 } }, 'body.corrections.NOT_A_FIELD'],
      [
        { pointOfView: VIEW, corrections: { AMT_INCOME_TOTAL: -5 } },
        'body.corrections.AMT_INCOME_TOTAL',
      ],
      [
        { pointOfView: VIEW, corrections: { AMT_INCOME_TOTAL: '1000' } },
        'body.corrections.AMT_INCOME_TOTAL',
      ],
      [{ pointOfView: VIEW, corrections: { CODE_GENDER: 'Q' } }, 'body.corrections.CODE_GENDER'],
      [{ pointOfView: VIEW, corrections: { SK_ID_CURR: 1 } }, 'body.corrections.SK_ID_CURR'],
      [
        { pointOfView: VIEW, corrections: { AMT_INCOME_TOTAL: null } },
        'body.corrections.AMT_INCOME_TOTAL',
      ],
    ];
    for (const [payload, field] of cases) {
      const reply = await post('customer1', s.own, payload);
      expect(reply.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(reply.json().error.field, JSON.stringify(payload).slice(0, 80)).toBe(field);
    }
  });

  it('records a request once per Idempotency-Key, and audits it without the words', async () => {
    const key = 'review-0001-aaaa';
    const first = await post('customer1', s.own, { pointOfView: VIEW }, key);
    const again = await post('customer1', s.own, { pointOfView: VIEW }, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const reused = await post('customer1', s.own, { pointOfView: `${VIEW} (bis)` }, key);
    expect(reused.statusCode).toBe(422);
    const audit = (
      await s.get('admin', `/api/audit?action=client.review.request&client=${s.own}&pageSize=100`)
    ).json();
    const records = audit.records as { username: string; outputSummary: string }[];
    const mine = records.filter((r) => JSON.parse(r.outputSummary).reviewId === first.json().id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.username).toBe('customer1');
    expect(mine[0]?.outputSummary).not.toContain('revenus');
  });
});

describe('reading review requests', () => {
  it("shows the customer their own requests only, and staff any client's", async () => {
    const own = await s.get('customer1', `/api/clients/${s.own}/reviews`);
    expect(own.statusCode).toBe(200);
    const reviews = own.json().reviews as { clientId: number; id: number }[];
    expect(reviews.length).toBeGreaterThan(0);
    expect(reviews.every((r) => r.clientId === s.own)).toBe(true);
    // Newest first.
    expect(reviews.map((r) => r.id)).toEqual([...reviews.map((r) => r.id)].sort((a, b) => b - a));
    expect((await s.get('customer2', `/api/clients/${s.own}/reviews`)).statusCode).toBe(403);
    expect((await s.get(null, `/api/clients/${s.own}/reviews`)).statusCode).toBe(401);
    expect((await s.get('adviser', `/api/clients/${other}/reviews`)).statusCode).toBe(200);
  });

  it('gives staff the worklist by status; customers may not see it', async () => {
    const all = await s.get('adviser', '/api/reviews');
    expect(all.statusCode).toBe(200);
    const clients = new Set((all.json().reviews as { clientId: number }[]).map((r) => r.clientId));
    expect(clients).toEqual(new Set([s.own, other]));
    const received = await s.get('admin', '/api/reviews?status=received');
    expect(
      (received.json().reviews as { status: string }[]).every((r) => r.status === 'received'),
    ).toBe(true);
    expect((await s.get('customer1', '/api/reviews')).statusCode).toBe(403);
    const bad = await s.get('adviser', '/api/reviews?status=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('query.status');
  });

  it('lists the requests still to handle, the longest waiting first', async () => {
    const ids = async (url: string) =>
      ((await s.get('adviser', url)).json().reviews as { id: number; status: string }[]).map(
        (r) => [r.id, r.status] as const,
      );
    const newest = await ids('/api/reviews');
    const oldest = await ids('/api/reviews?order=oldest');
    expect(oldest).toEqual([...newest].reverse());
    const open = await ids('/api/reviews?open=true&order=oldest');
    expect(open).toEqual(oldest.filter(([, status]) => status !== 'decided'));
    const contradiction = await s.get('adviser', '/api/reviews?open=true&status=decided');
    expect(contradiction.statusCode).toBe(400);
    expect(contradiction.json().error.field).toBe('query.open');
    expect((await s.get('adviser', '/api/reviews?order=sideways')).statusCode).toBe(400);
  });
});

describe('handling a review request', () => {
  it('is taken in review, then answered and closed by a decision the client sees', async () => {
    const filed = (await post('customer1', s.own, { pointOfView: VIEW })).json();
    const patch = (who: DemoName, id: number) =>
      s.app.inject({
        method: 'PATCH',
        url: `/api/reviews/${id}`,
        headers: { cookie: s.cookies[who] },
        payload: { status: 'in-review' },
      });
    expect((await patch('customer1', filed.id)).statusCode).toBe(403);
    expect((await patch('adviser', 999_999)).statusCode).toBe(404);
    const taken = await patch('adviser', filed.id);
    expect(taken.statusCode).toBe(200);
    expect(taken.json().status).toBe('in-review');

    const score = (await s.get('adviser', `/api/clients/${s.own}/score`)).json();
    const decide = (reviewId: number, id = s.own) =>
      s.app.inject({
        method: 'POST',
        url: `/api/clients/${id}/decisions`,
        headers: { cookie: s.cookies.adviser },
        payload: {
          decision: score.decision,
          followsModel: true,
          reasonCategory: 'review-request',
          justification: 'Reviewed with the new contract: the risk stays above the threshold.',
          reviewId,
        },
      });
    // A review of another client, or none at all: not found.
    expect((await decide(999_999)).json().error.code).toBe('REVIEW_NOT_FOUND');
    const decided = await decide(filed.id);
    expect(decided.statusCode).toBe(201);
    expect(decided.json().reviewId).toBe(filed.id);
    expect((await decide(filed.id)).json().error.code).toBe('REVIEW_DECIDED');
    expect((await patch('adviser', filed.id)).json().error.code).toBe('REVIEW_DECIDED');

    const seen = (await s.get('customer1', `/api/clients/${s.own}/reviews`)).json();
    const mine = (seen.reviews as { id: number }[]).find((r) => r.id === filed.id);
    expect(mine).toMatchObject({
      status: 'decided',
      outcome: {
        decisionId: decided.json().id,
        decision: score.decision,
        reasonCategory: 'review-request',
        username: 'adviser',
      },
    });
  });
});
