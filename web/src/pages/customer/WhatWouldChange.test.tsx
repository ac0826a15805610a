// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Recourse } from '../../api/types.ts';
import { renderPanel } from '../../client/panel-test-support.tsx';
import { WhatWouldChange } from './WhatWouldChange.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const RECOURSE: Recourse = {
  clientId: 100302,
  modelVersion: 'm-1',
  decision: 'refuse',
  probability: 0.12,
  threshold: 0.09,
  ppFromThreshold: 3,
  complete: true,
  evaluations: 12,
  proposals: [
    {
      kind: 'lower-amount',
      changes: { AMT_CREDIT: 300000, AMT_ANNUITY: 15000 },
      changed: [
        { field: 'AMT_CREDIT', before: 450000, after: 300000, derived: null },
        { field: 'AMT_ANNUITY', before: 22500, after: 15000, derived: 'same-term' },
      ],
      probability: 0.085,
      points: 556,
      ppFromThreshold: -0.5,
      textFr: 'Un montant de 300 000 € au lieu de 450 000 € sur la même durée.',
      textEn: 'An amount of 300,000 € instead of 450,000 € over the same term.',
    },
  ],
};

function show(answer: Recourse) {
  return renderPanel(
    <WhatWouldChange clientId={100302} />,
    { 'GET /api/clients/100302/recourse': { status: 200, body: answer } },
    { role: 'customer' },
  );
}

describe('WhatWouldChange', () => {
  it("gives each proposal's sentence and names every field it changes, before and after", async () => {
    show(RECOURSE);
    const proposal = await screen.findByTestId('customer-proposal');
    expect(proposal.textContent).toContain(
      'Un montant de 300 000 € au lieu de 450 000 € sur la même durée.',
    );
    const lines = [...proposal.querySelectorAll('li[data-field]')].map((li) =>
      li.textContent?.replace(/[\u00a0\u202f]/g, ' '),
    );
    expect(lines).toEqual([
      'Montant du crédit demandé : 450 000 € → 300 000 €',
      'Mensualité du crédit : 22 500 € → 15 000 €',
    ]);
    // Told, not simulated: nothing to click.
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says nothing needs to change when the model is in favour', async () => {
    show({ ...RECOURSE, decision: 'grant', proposals: [] });
    expect(await screen.findByText(/aucun changement n’est nécessaire/)).toBeTruthy();
    expect(screen.queryByTestId('customer-proposal')).toBeNull();
  });
});
