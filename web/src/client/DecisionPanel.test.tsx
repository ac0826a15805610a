// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DecisionBody, DecisionRecord } from '../api/types.ts';
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

function render(initial: DecisionRecord[] = [OLDER]) {
  return renderPanel(<DecisionPanel clientId={100302} />, {
    'GET /api/clients/100302/score': { status: 200, body: SCORE_REFUSE },
    ...decisionsRoute(initial),
  });
}

describe('DecisionPanel', () => {
  it('refuses an override without justification before any request', async () => {
    const { calls } = render();
    fireEvent.click(await screen.findByTestId('decision-override'));
    fireEvent.click(screen.getByTestId('decision-submit'));
    expect(screen.getByTestId('decision-problem').textContent).toBe(
      'La justification doit compter au moins 20 caractères (il en manque 20).',
    );
    fireEvent.change(screen.getByTestId('decision-justification'), {
      target: { value: '   court  ' },
    });
    fireEvent.click(screen.getByTestId('decision-submit'));
    expect(screen.getByTestId('decision-problem').textContent).toContain('il en manque 15');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('records an override with its justification and lists it first in the history', async () => {
    const { calls } = render();
    expect((await screen.findAllByTestId('decision-row')).length).toBe(1);
    fireEvent.click(screen.getByTestId('decision-override'));
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
      reasonCategory: 'other',
      justification: 'Garant solide, CDI depuis 8 ans',
    });
    await waitFor(() => expect(screen.getAllByTestId('decision-row')).toHaveLength(2));
    const [newest, older] = screen.getAllByTestId('decision-row');
    expect(within(newest as HTMLElement).getByText('Garant solide, CDI depuis 8 ans')).toBeTruthy();
    expect(newest?.textContent).toContain('décision contraire');
    expect(older?.textContent).toContain('suivi');
  });

  it('sends an Idempotency-Key per decision, the same one when the same decision is sent again', async () => {
    let failures = 1;
    const routes = decisionsRoute([]);
    const { calls } = renderPanel(<DecisionPanel clientId={100302} />, {
      'GET /api/clients/100302/score': { status: 200, body: SCORE_REFUSE },
      ...routes,
      // The first attempt gets no answer the browser can read (a proxy's 502), the retry does.
      [`POST ${URL}`]: (call: StubCall) =>
        failures-- > 0
          ? { status: 502, body: { error: { code: 'BAD_GATEWAY', message: 'no answer' } } }
          : routes[`POST ${URL}`](call),
    });
    fireEvent.click(await screen.findByTestId('decision-follow'));
    fireEvent.change(screen.getByTestId('decision-justification'), {
      target: { value: 'Revenus stables, dossier complet' },
    });
    fireEvent.click(screen.getByTestId('decision-submit'));
    await screen.findByTestId('error-message');
    fireEvent.click(screen.getByTestId('decision-submit'));
    await screen.findByTestId('decision-saved');
    // Another decision afterwards: a new key.
    fireEvent.click(screen.getByTestId('decision-override'));
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
    fireEvent.change(screen.getByTestId('decision-justification'), {
      target: { value: 'twenty characters, yes' },
    });
    fireEvent.click(screen.getByTestId('decision-submit'));
    expect((await screen.findByTestId('decision-problem')).textContent).toContain(
      'invalid body.justification',
    );
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
