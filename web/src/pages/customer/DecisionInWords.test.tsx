// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DecisionRecord } from '../../api/types.ts';
import { SCORE_REFUSE } from '../../client/fixtures/answers.ts';
import { renderPanel } from '../../client/panel-test-support.tsx';
import { DecisionInWords } from './DecisionInWords.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const OVERRIDE: DecisionRecord = {
  id: 12,
  clientId: 100302,
  decision: 'grant',
  modelDecision: 'refuse',
  followsModel: false,
  justification: 'Garantie apportée par un tiers, revenus stables.',
  reasonCategory: 'guarantee',
  reviewId: null,
  modelVersion: SCORE_REFUSE.modelVersion,
  username: 'adviser',
  at: '2026-12-04T14:05:00.000Z',
};

function show(decisions: DecisionRecord[], language: 'fr' | 'en' = 'fr') {
  return renderPanel(
    <DecisionInWords clientId={100302} />,
    {
      'GET /api/clients/100302/score': { status: 200, body: SCORE_REFUSE },
      'GET /api/clients/100302/decisions': { status: 200, body: { decisions } },
    },
    { role: 'customer', language },
  );
}

describe('DecisionInWords', () => {
  it("says the model's opinion and the adviser's final decision, its date, ground and words", async () => {
    show([OVERRIDE]);
    const model = await screen.findByTestId('customer-model-decision');
    expect(model.textContent).toBe(
      'L’avis du modèle de score sur votre demande : ✕ crédit refusé. Il estime votre probabilité de défaut à 38,9\u00a0%.',
    );
    const final = screen.getByTestId('customer-final-decision');
    expect(final.dataset.decision).toBe('grant');
    expect(final.textContent).toContain('Décision de votre conseiller, le 4 déc. 2026');
    expect(final.textContent).toContain('✓ crédit accordé.');
    expect(final.textContent).toContain('Le conseiller a décidé autrement que le modèle.');
    expect(final.textContent).toContain('Motif : garantie.');
    expect(final.textContent).toContain('Garantie apportée par un tiers, revenus stables.');
  });

  it('says when no adviser has decided yet, in English too', async () => {
    show([], 'en');
    const final = await screen.findByTestId('customer-final-decision');
    expect(final.dataset.decision).toBe('none');
    expect(final.textContent).toMatch(/^No adviser has made a final decision yet/);
    expect(screen.getByTestId('customer-model-decision').textContent).toContain('credit refused');
  });
});
