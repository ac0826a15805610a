// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MODEL_BANDS, SCORE_REFUSE } from './fixtures/answers.ts';
import { renderPanel } from './panel-test-support.tsx';
import { ScorePanel } from './ScorePanel.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const GRANT = {
  ...SCORE_REFUSE,
  probability: 0.0412,
  rawProbability: 0.05,
  points: 578.4,
  band: 'good',
  decision: 'grant',
  recommendation: 'accept',
} as const;

describe('ScorePanel', () => {
  it('says a refusal in words, with the probability and the sentence for a non-expert', async () => {
    renderPanel(<ScorePanel clientId={100302} />, {
      'GET /api/clients/100302/score': { status: 200, body: SCORE_REFUSE },
      'GET /api/model': { status: 200, body: MODEL_BANDS },
    });
    const decision = await screen.findByTestId('score-decision');
    expect(decision.textContent).toContain('Crédit refusé');
    expect(decision.getAttribute('data-decision')).toBe('refuse');
    const probability = screen.getByTestId('score-probability');
    expect(probability.textContent).toMatch(/38,9\s%/);
    expect(Number(probability.getAttribute('data-probability'))).toBe(SCORE_REFUSE.probability);
    expect(screen.getByTestId('score-sentence').textContent).toBe(
      'Sur 100 clients au même niveau de risque, environ 39 ne remboursent pas leur crédit.',
    );
    expect(screen.getByTestId('score-points').textContent).toBe('500');
    expect(screen.getByTestId('score-band').textContent).toContain('risque élevé');
    expect(screen.getByText(/refusé à partir de 9,1\s%/)).toBeTruthy();
    // The threshold is named on the dial itself, not only in the facts beside it; the dial shows
    // the probability and its scale, and says all that to a screen reader.
    const gauge = screen.getByTestId('score-gauge');
    const dialText = [...gauge.querySelectorAll('svg text')].map((n) => n.textContent ?? '');
    expect(dialText.some((t) => /^seuil\s*9,1\s%$/.test(t))).toBe(true);
    expect(dialText).toContainEqual(expect.stringMatching(/^38,9\s%$/));
    // 38,9 % widens the dial to 60 %; the 10 % label would sit under the threshold's.
    for (const tick of ['0', '20', '30', '40', '50', '60']) {
      expect(dialText).toContainEqual(expect.stringMatching(new RegExp(`^${tick}\\s%$`)));
    }
    expect(dialText.some((t) => /^10\s%$/.test(t))).toBe(false);
    expect(gauge.getAttribute('role')).toBe('img');
    expect(gauge.getAttribute('aria-label')).toMatch(/38,9\s%.*seuil de refus 9,1\s%/);
  });

  it('says a grant in English when English is chosen', async () => {
    renderPanel(
      <ScorePanel clientId={100302} />,
      {
        'GET /api/clients/100302/score': { status: 200, body: GRANT },
        'GET /api/model': { status: 200, body: MODEL_BANDS },
      },
      { language: 'en' },
    );
    const decision = await screen.findByTestId('score-decision');
    expect(decision.textContent).toContain('Credit granted');
    expect(decision.getAttribute('data-decision')).toBe('grant');
    expect(screen.getByTestId('score-sentence').textContent).toBe(
      'Out of 100 clients at the same level of risk, about 4 do not repay their loan.',
    );
  });

  it('addresses a customer about their file and does not ask for the model card', async () => {
    const { calls } = renderPanel(
      <ScorePanel clientId={100302} />,
      { 'GET /api/clients/100302/score': { status: 200, body: GRANT } },
      { role: 'customer' },
    );
    expect((await screen.findByTestId('score-sentence')).textContent).toContain(
      'au même niveau de risque que vous',
    );
    expect(screen.getByText('Avis du modèle sur votre dossier')).toBeTruthy();
    expect(calls.some((c) => c.url === '/api/model')).toBe(false);
  });

  it('shows an actionable message when the model is not ready', async () => {
    renderPanel(<ScorePanel clientId={100302} />, {
      'GET /api/clients/100302/score': {
        status: 503,
        body: { error: { code: 'NOT_READY', message: 'no active model' } },
      },
      'GET /api/model': { status: 503, body: { error: { code: 'NOT_READY', message: 'x' } } },
    });
    expect((await screen.findByTestId('error-message')).textContent).toContain(
      "Le service n'est pas prêt",
    );
  });
});
