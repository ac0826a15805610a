// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DecisionBody, DecisionRecord, ReviewRecord } from '../api/types.ts';
import { DecisionPanel } from './DecisionPanel.tsx';
import { SCORE_REFUSE } from './fixtures/answers.ts';
import { renderPanel, type StubCall } from './panel-test-support.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const URL = '/api/clients/100302/decisions';

const OLDER: DecisionRecord = {
  id: 41,
  clientId: 100302,
  at: '2026-12-03T09:15:00.000Z',
  username: 'adviser',
  decision: 'refuse',
  modelDecision: 'refuse',
  followsModel: true,
  justification: null,
  reasonCategory: null,
  reviewId: null,
  modelVersion: SCORE_REFUSE.modelVersion,
};

/** A decisions route that records what is posted, as the API does (newest first). */
function decisionsRoute(initial: DecisionRecord[]) {
  const stored = [...initial];
  return {
    [`GET ${URL}`]: () => ({ status: 200, body: { decisions: [...stored] } }),
    [`POST ${URL}`]: (call: StubCall) => {
      const body = call.body as DecisionBody;
      const recorded: DecisionRecord = {
        id: 42,
        clientId: 100302,
        at: '2026-12-04T10:00:00.000Z',
        username: 'adviser',
        decision: body.decision,
        modelDecision: 'refuse',
        followsModel: body.followsModel,
        justification: body.justification,
        reasonCategory: body.reasonCategory,
        reviewId: body.reviewId ?? null,
        modelVersion: SCORE_REFUSE.modelVersion,
      };
      stored.unshift(recorded);
      return { status: 201, body: recorded };
    },
  };
}

const NO_REVIEWS = {
  'GET /api/clients/100302/reviews': { status: 200, body: { reviews: [] } },
};

function render(initial: DecisionRecord[] = [OLDER]) {
  return renderPanel(<DecisionPanel clientId={100302} />, {
    'GET /api/clients/100302/score': { status: 200, body: SCORE_REFUSE },
    ...NO_REVIEWS,
    ...decisionsRoute(initial),
  });
}

const pick = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

/** A review request of client 100302, as GET /api/clients/100302/reviews answers it. */
function review(id: number, over: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    id,
    clientId: 100302,
    username: 'customer1',
    role: 'customer',
    pointOfView: 'Mon salaire a augmenté depuis ma demande, voici mes bulletins.',
    corrections: { AMT_INCOME_TOTAL: 210000 },
    status: 'received',
    createdAt: '2026-12-03T08:00:00.000Z',
    updatedAt: '2026-12-03T08:00:00.000Z',
    outcome: null,
    ...over,
  };
}

describe('DecisionPanel', () => {
  it('refuses a decision without a reason category, then without justification, before any request', async () => {
    const { calls } = render();
    fireEvent.click(await screen.findByTestId('decision-override'));
    fireEvent.click(screen.getByTestId('decision-submit'));
    expect(screen.getByTestId('decision-problem').textContent).toBe(
      'Choisissez le motif de la décision dans la liste.',
    );
    // The five categories of the API, in words, after the prompt.
    const options = [...(screen.getByTestId('decision-category') as HTMLSelectElement).options];
    expect(options.map((o) => o.value)).toEqual([
      '',
      'additional-income',
      'guarantee',
      'data-error',
      'review-request',
      'other',
    ]);
    expect(options[1]?.textContent).toBe('Revenus supplémentaires justifiés');
    pick('decision-category', 'guarantee');
    fireEvent.click(screen.getByTestId('decision-submit'));
    expect(screen.getByTestId('decision-problem').textContent).toBe(
      'La justification doit compter au moins 20 caractères (il en manque 20).',
    );
    fireEvent.change(screen.getByTestId('decision-justification'), {
      target: { value: '   trop court  ' },
    });
    // Typing clears the earlier refusal: the counter says how the text stands now.
    expect(screen.queryByTestId('decision-problem')).toBeNull();
    fireEvent.click(screen.getByTestId('decision-submit'));
    expect(screen.getByTestId('decision-problem').textContent).toContain('il en manque 10');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('records an override with its justification and lists it first in the history', async () => {
    const { calls } = render();
    expect((await screen.findAllByTestId('decision-row')).length).toBe(1);
    fireEvent.click(screen.getByTestId('decision-override'));
    pick('decision-category', 'guarantee');
    fireEvent.change(screen.getByTestId('decision-justification'), {
      target: { value: 'Garant solide, CDI depuis 8 ans' },
    });
    fireEvent.click(screen.getByTestId('decision-submit'));
    expect((await screen.findByTestId('decision-saved')).textContent).toBe(
      "Décision enregistrée : crédit accordé (décision contraire à l'avis du modèle).",
    );
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      decision: 'grant',
      followsModel: false,
      reasonCategory: 'guarantee',
      justification: 'Garant solide, CDI depuis 8 ans',
    });
    await waitFor(() => expect(screen.getAllByTestId('decision-row')).toHaveLength(2));
    const [newest, older] = screen.getAllByTestId('decision-row');
    expect(within(newest as HTMLElement).getByText('Garant solide, CDI depuis 8 ans')).toBeTruthy();
    expect(newest?.textContent).toContain('décision contraire');
    expect(newest?.textContent).toContain('Garantie');
    expect(older?.textContent).toContain('suivi');
  });

  it('sends an Idempotency-Key per decision, the same one when the same decision is sent again', async () => {
    let failures = 1;
    const routes = decisionsRoute([]);
    const { calls } = renderPanel(<DecisionPanel clientId={100302} />, {
      'GET /api/clients/100302/score': { status: 200, body: SCORE_REFUSE },
      ...NO_REVIEWS,
      ...routes,
      // The first attempt gets no answer the browser can read (a proxy's 502), the retry does.
      [`POST ${URL}`]: (call: StubCall) =>
        failures-- > 0
          ? { status: 502, body: { error: { code: 'BAD_GATEWAY', message: 'no answer' } } }
          : routes[`POST ${URL}`](call),
    });
    fireEvent.click(await screen.findByTestId('decision-follow'));
    pick('decision-category', 'other');
    fireEvent.change(screen.getByTestId('decision-justification'), {
      target: { value: 'Revenus stables, dossier complet' },
    });
    fireEvent.click(screen.getByTestId('decision-submit'));
    await screen.findByTestId('error-message');
    fireEvent.click(screen.getByTestId('decision-submit'));
    await screen.findByTestId('decision-saved');
    // Another decision afterwards: a new key.
    fireEvent.click(screen.getByTestId('decision-override'));
    pick('decision-category', 'guarantee');
    fireEvent.change(screen.getByTestId('decision-justification'), {
      target: { value: 'Garant solide, CDI depuis 8 ans' },
    });
    fireEvent.click(screen.getByTestId('decision-submit'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(3));
    const keys = calls.filter((c) => c.method === 'POST').map((c) => c.headers['idempotency-key']);
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("shows the API's message beside the justification when it refuses it", async () => {
    renderPanel(<DecisionPanel clientId={100302} />, {
      'GET /api/clients/100302/score': { status: 200, body: SCORE_REFUSE },
      [`GET ${URL}`]: { status: 200, body: { decisions: [] } },
      ...NO_REVIEWS,
      [`POST ${URL}`]: {
        status: 400,
        body: {
          error: {
            code: 'BAD_REQUEST',
            field: 'body.justification',
            message:
              'invalid body.justification: a decision needs a justification of at least 20 characters',
          },
        },
      },
    });
    expect((await screen.findByTestId('decision-history')).textContent).toBe(
      'Aucune décision enregistrée pour ce client.',
    );
    fireEvent.click(screen.getByTestId('decision-override'));
    pick('decision-category', 'data-error');
    fireEvent.change(screen.getByTestId('decision-justification'), {
      target: { value: 'twenty characters, yes' },
    });
    fireEvent.click(screen.getByTestId('decision-submit'));
    expect((await screen.findByTestId('decision-problem')).textContent).toContain(
      'invalid body.justification',
    );
  });

  it("answers the client's open review request, which then shows decided with its outcome", async () => {
    const reviews = [review(9)];
    const routes = decisionsRoute([]);
    const { calls } = renderPanel(<DecisionPanel clientId={100302} />, {
      'GET /api/clients/100302/score': { status: 200, body: SCORE_REFUSE },
      'GET /api/clients/100302/reviews': () => ({ status: 200, body: { reviews } }),
      ...routes,
      [`POST ${URL}`]: (call: StubCall) => {
        const answer = routes[`POST ${URL}`](call);
        const body = call.body as DecisionBody;
        reviews[0] = review(9, {
          status: 'decided',
          outcome: {
            decisionId: 42,
            decision: body.decision,
            reasonCategory: body.reasonCategory,
            justification: body.justification,
            username: 'adviser',
            at: '2026-12-04T10:00:00.000Z',
          },
        });
        return answer;
      },
    });
    const row = await screen.findByTestId('review-row');
    expect(row.textContent).toContain('Mon salaire a augmenté');
    expect(row.textContent).toContain('AMT_INCOME_TOTAL = 210000');
    expect(screen.getByTestId('review-row-status').textContent).toBe('reçue');
    // The open request is answered by default, and the category says so.
    await waitFor(() =>
      expect((screen.getByTestId('decision-category') as HTMLSelectElement).value).toBe(
        'review-request',
      ),
    );
    expect((screen.getByTestId('decision-review') as HTMLSelectElement).value).toBe('9');
    fireEvent.click(screen.getByTestId('decision-override'));
    fireEvent.change(screen.getByTestId('decision-justification'), {
      target: { value: 'Bulletins de salaire reçus et vérifiés' },
    });
    fireEvent.click(screen.getByTestId('decision-submit'));
    expect((await screen.findByTestId('decision-saved')).textContent).toContain(
      'La demande de réexamen n° 9 est décidée.',
    );
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      decision: 'grant',
      reasonCategory: 'review-request',
      reviewId: 9,
    });
    await waitFor(() =>
      expect(screen.getByTestId('review-row').getAttribute('data-status')).toBe('decided'),
    );
    expect(screen.getByTestId('review-row-outcome').textContent).toContain('crédit accordé');
    // Nothing left to answer: the choice of request is gone.
    expect(screen.queryByTestId('decision-review')).toBeNull();
  });

  it('sends no reviewId when the adviser says the decision answers no request', async () => {
    const { calls } = renderPanel(<DecisionPanel clientId={100302} />, {
      'GET /api/clients/100302/score': { status: 200, body: SCORE_REFUSE },
      'GET /api/clients/100302/reviews': { status: 200, body: { reviews: [review(9)] } },
      ...decisionsRoute([]),
    });
    await screen.findByTestId('decision-review');
    pick('decision-review', 'none');
    fireEvent.click(screen.getByTestId('decision-follow'));
    pick('decision-category', 'other');
    fireEvent.change(screen.getByTestId('decision-justification'), {
      target: { value: 'Dossier revu, rien de nouveau' },
    });
    fireEvent.click(screen.getByTestId('decision-submit'));
    await screen.findByTestId('decision-saved');
    const body = calls.find((c) => c.method === 'POST')?.body as DecisionBody;
    expect(body.reviewId).toBeUndefined();
    expect(body.reasonCategory).toBe('other');
  });

  it('shows a customer the history only, no form', async () => {
    renderPanel(
      <DecisionPanel clientId={100302} />,
      {
        'GET /api/clients/100302/score': { status: 200, body: SCORE_REFUSE },
        [`GET ${URL}`]: { status: 200, body: { decisions: [OLDER] } },
      },
      { role: 'customer' },
    );
    expect(await screen.findAllByTestId('decision-row')).toHaveLength(1);
    expect(screen.queryByTestId('decision-submit')).toBeNull();
  });
});
