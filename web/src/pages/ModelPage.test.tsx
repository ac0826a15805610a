// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LanguageProvider } from '../i18n/language.tsx';
import { ModelPage } from './ModelPage.tsx';
import { modelCard } from './model/test-fixtures.ts';

let status = 200;

beforeEach(() => {
  status = 200;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url !== '/api/model') return new Response('{}', { status: 404 });
      return status === 200
        ? new Response(JSON.stringify(modelCard), { status })
        : new Response(
            JSON.stringify({ error: { code: 'NOT_READY', message: 'no active model' } }),
            { status },
          );
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderPage = () =>
  render(
    <LanguageProvider>
      <ModelPage />
    </LanguageProvider>,
  );

describe('ModelPage', () => {
  it('says first in plain words what the model gets right and wrong', async () => {
    renderPage();
    const page = await screen.findByTestId('model-page');
    const text = page.textContent ?? '';
    expect(text).toContain('il classe correctement 66\u00a0%');
    expect(text).toContain('Sur 100 clients accordés, environ 2 ne remboursent pas leur crédit.');
    expect(text).toContain('Sur 100 clients refusés, environ 83 auraient en fait remboursé.');
    expect(text).toContain('coûte 10 fois plus');
    expect(text).toContain('9,1\u00a0%');
  });

  it('renders the measures of the answer, and each chart with its numbers', async () => {
    renderPage();
    const metrics = await screen.findByTestId('model-metrics');
    const row = (name: string) => metrics.querySelector(`[data-metric="${name}"]`) as HTMLElement;
    expect(within(row('rocAuc')).getByText(/0,764/)).toBeTruthy();
    expect(row('rocAuc').textContent).toContain('validation croisée : 0,758 ± 0,012');
    expect(row('costRatio').textContent).toContain('10 : 1');
    expect(row('threshold').textContent).toContain('9,1');
    for (const id of ['cost-curve', 'calibration-chart', 'importance-chart'])
      expect(screen.getByTestId(id)).toBeTruthy();
    // The calibration axes end on a round value above the largest point (30 % → 35 %).
    // (ECharts is loaded on the first chart, then draws on its next frame: wait for it.)
    const calibration = screen.getByTestId('calibration-chart');
    await waitFor(
      () =>
        expect([...calibration.querySelectorAll('svg text')].map((n) => n.textContent)).toContain(
          '35\u00a0%',
        ),
      { timeout: 10_000 },
    );
    // The importance table uses the labels the server gives.
    const importance = screen.getByText(/Importance globale/).closest('table') as HTMLElement;
    expect(importance.textContent).toContain('Score externe 2');
    expect(importance.textContent).toContain('Montant du crédit');
    expect(screen.getByTestId('importance-themes').textContent).toBe(
      'Par thème, ce qui pèse le plus : Scores externes (50\u00a0%), Profil (25\u00a0%), Bureau de crédit (20\u00a0%).',
    );
    const cost = screen.getByText(/Coût relatif \(1 =/).closest('table') as HTMLElement;
    expect(cost.textContent).toContain('seuil retenu');
  });

  it('shows an actionable message when no model is served', async () => {
    status = 503;
    renderPage();
    expect((await screen.findByTestId('error-message')).textContent).toContain(
      "Le service n'est pas prêt",
    );
  });
});
