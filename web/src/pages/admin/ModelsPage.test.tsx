// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelSummary } from '../../api/generated/api-types.ts';
import { LanguageProvider } from '../../i18n/language.tsx';
import { type FetchCall, on, stubFetch } from '../../test-fetch.ts';
import { ModelsPage } from './ModelsPage.tsx';
import { PromoteDialog, worseOn } from './PromoteDialog.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const OLD = 'm-20261201-100000-aaaa';
const NEW = 'm-20261204-100000-bbbb';
const run = (id: string, more: Partial<ModelSummary>): ModelSummary => ({
  id,
  createdAt: '2026-12-01T10:00:00.000Z',
  chosen: 'gbdt',
  source: 'feature-table',
  holdoutAuc: 0.764,
  holdoutCost: 0.512,
  threshold: 0.091,
  active: false,
  served: false,
  ...more,
});
const MODELS = [
  run(NEW, {
    createdAt: '2026-12-04T10:00:00.000Z',
    chosen: 'gbdt-weighted',
    holdoutAuc: 0.771,
    holdoutCost: null,
    threshold: 0.105,
  }),
  run(OLD, { active: true, served: true }),
];

function start(...handlers: Parameters<typeof stubFetch>) {
  const calls = stubFetch(
    on('GET', '/api/admin/models', () => ({ body: { served: OLD, models: MODELS } })),
    ...handlers,
  );
  render(
    <LanguageProvider>
      <ModelsPage />
    </LanguageProvider>,
  );
  return calls;
}

const promotions = (calls: FetchCall[]) => calls.filter((c) => c.method === 'POST');

describe('ModelsPage', () => {
  it('shows the runs side by side: AUC, relative cost, threshold, which one is served', async () => {
    start();
    const rows = await screen.findAllByTestId('model-row');
    expect(rows.map((r) => r.getAttribute('data-model'))).toEqual([NEW, OLD]);
    expect(screen.getByTestId('models-served').textContent).toBe(`Modèle servi : ${OLD}.`);
    const [fresh, served] = rows as [HTMLElement, HTMLElement];
    expect(fresh.textContent).toContain('0,771');
    expect(fresh.textContent).toContain('10,5\u00a0%');
    expect(fresh.textContent).toContain('—'); // no cost
    expect(served.textContent).toContain('0,512');
    expect(within(served).getByTestId('model-state').textContent).toBe('servi');
    expect(within(fresh).getByTestId('model-state').textContent).toBe('—');
    // Each run's card; only a run not served can be promoted.
    expect(within(fresh).getByTestId('model-card-link').getAttribute('href')).toBe(
      `/models/${NEW}`,
    );
    expect(within(served).queryByTestId('model-promote')).toBeNull();
  });

  it('asks for a confirmation that says what changes, and promotes nothing on cancel', async () => {
    const calls = start();
    const rows = await screen.findAllByTestId('model-row');
    fireEvent.click(within(rows[0] as HTMLElement).getByTestId('model-promote'));
    const dialog = screen.getByTestId('promote-dialog') as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain(`Servir le modèle ${NEW} ?`);
    expect(dialog.textContent).toContain(
      `Modèle servi aujourd'hui : ${OLD} (AUC 0,764, coût relatif 0,512, seuil de refus 9,1\u00a0%).`,
    );
    expect(dialog.textContent).toContain(
      `Modèle servi ensuite : ${NEW} (AUC 0,771, coût relatif —, seuil de refus 10,5\u00a0%).`,
    );
    expect(dialog.textContent).toContain('Tous les clients sont notés de nouveau');
    expect(dialog.textContent).toContain('Les décisions déjà prises par les conseillers restent');
    // Better AUC, cost unknown: nothing to warn about.
    expect(screen.queryByTestId('promote-worse')).toBeNull();
    fireEvent.click(screen.getByTestId('promote-cancel'));
    expect(screen.queryByTestId('promote-dialog')).toBeNull();
    expect(promotions(calls)).toEqual([]);
  });

  it('promotes on confirmation and shows the new model served, with the API answer', async () => {
    const calls = start(
      on('POST', `/api/admin/models/${NEW}/promote`, () => ({
        body: { served: NEW, previous: OLD, clients: 2200 },
      })),
    );
    const rows = await screen.findAllByTestId('model-row');
    fireEvent.click(within(rows[0] as HTMLElement).getByTestId('model-promote'));
    fireEvent.click(screen.getByTestId('promote-confirm'));
    await waitFor(() => expect(screen.queryByTestId('promote-dialog')).toBeNull());
    expect(promotions(calls).map((c) => c.url)).toEqual([`/api/admin/models/${NEW}/promote`]);
    expect(screen.getByTestId('models-promoted').textContent).toBe(
      `Le modèle ${NEW} est servi à la place de ${OLD} : 2\u202f200 clients notés de nouveau.`,
    );
    expect(screen.getByTestId('models-served').textContent).toBe(`Modèle servi : ${NEW}.`);
    const [fresh, old] = screen.getAllByTestId('model-row') as [HTMLElement, HTMLElement];
    expect(within(fresh).getByTestId('model-state').textContent).toBe('servi');
    expect(within(old).getByTestId('model-state').textContent).toBe('—');
    expect(within(old).getByTestId('model-promote')).toBeTruthy();
  });

  it("keeps the dialog open with the API's refusal when the run cannot be served", async () => {
    start(
      on('POST', `/api/admin/models/${NEW}/promote`, () => ({
        status: 409,
        body: {
          error: {
            code: 'MODEL_UNUSABLE',
            message: `model ${NEW} cannot be served: corrupt`,
            requestId: 't',
          },
        },
      })),
    );
    const rows = await screen.findAllByTestId('model-row');
    fireEvent.click(within(rows[0] as HTMLElement).getByTestId('model-promote'));
    fireEvent.click(screen.getByTestId('promote-confirm'));
    const dialog = screen.getByTestId('promote-dialog');
    expect((await within(dialog).findByTestId('error-message')).textContent).toContain(
      'cannot be served',
    );
    expect(screen.getByTestId('models-served').textContent).toBe(`Modèle servi : ${OLD}.`);
  });

  it('speaks English when asked', async () => {
    localStorage.setItem('creditlens.language', 'en');
    start();
    await screen.findAllByTestId('model-row');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Model registry');
    expect(screen.getByTestId('models-served').textContent).toBe(`Served model: ${OLD}.`);
  });

  it('warns when the model to serve does worse than the served one on its test files', () => {
    const served = run(OLD, { active: true, served: true });
    const worseBoth = run(NEW, { holdoutAuc: 0.7, holdoutCost: 0.6 });
    expect(worseOn(worseBoth, served)).toEqual(['auc', 'cost']);
    expect(worseOn(run(NEW, { holdoutAuc: 0.8, holdoutCost: 0.6 }), served)).toEqual(['cost']);
    expect(worseOn(run(NEW, { holdoutAuc: 0.7, holdoutCost: null }), served)).toEqual(['auc']);
    expect(worseOn(worseBoth, null)).toEqual([]);
    render(
      <LanguageProvider>
        <PromoteDialog target={worseBoth} served={served} onDone={() => {}} onCancel={() => {}} />
      </LanguageProvider>,
    );
    expect(screen.getByTestId('promote-worse').textContent).toBe(
      "Attention : sur les dossiers de test, ce modèle fait moins bien que celui servi aujourd'hui (AUC plus basse, coût relatif plus élevé).",
    );
  });
});
