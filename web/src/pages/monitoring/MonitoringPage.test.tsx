// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageProvider } from '../../i18n/language.tsx';
import { apiError, on, stubFetch } from '../../test-fetch.ts';
import { MonitoringPage } from './MonitoringPage.tsx';
import { PERFORMANCE, report, variable } from './test-fixtures.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

function start(...handlers: Parameters<typeof stubFetch>) {
  const calls = stubFetch(...handlers);
  render(
    <LanguageProvider>
      <MonitoringPage />
    </LanguageProvider>,
  );
  return calls;
}

/** Text with the narrow and non-breaking spaces of French numbers as plain spaces. */
/** What GET /api/monitoring/latest says of a report. */
const latestOf = (r: ReturnType<typeof report>) => ({
  latest: { createdAt: r.createdAt, modelId: r.model.id, status: r.summary.status },
});

const plain = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ');

const lights = (element: HTMLElement) =>
  [...element.querySelectorAll('[data-light]')].map((e) => e.getAttribute('data-light'));

describe('MonitoringPage', () => {
  it('shows the last report: overall light, score and band mix lights, features, missing shares, what the probabilities imply', async () => {
    start(
      on('GET', '/api/monitoring/latest', () => ({ body: latestOf(report()) })),
      on('GET', '/api/monitoring', () => ({ body: report() })),
    );
    const summary = await screen.findByTestId('monitoring-summary');
    expect(summary.textContent).toContain('Modèle m-20261128-031500-ab12');
    // The stored window in the page's words, not the report's English label.
    expect(plain(summary.textContent)).toContain(
      'demandes enregistrées du 1 nov. 2026 au 1 déc. 2026 (exclu)',
    );
    expect(summary.textContent).not.toContain('stored applications');
    expect(plain(summary.textContent)).toContain('2 verts, 2 oranges, 1 rouge');
    expect(lights(summary)).toEqual(['red']);
    expect(lights(screen.getByTestId('monitoring-lights'))).toEqual(['amber', 'green']);
    const psiRows = within(screen.getByTestId('psi-table')).getAllByRole('row').slice(1);
    expect(psiRows.map((r) => (r as HTMLTableRowElement).cells[0]?.textContent)).toEqual([
      'EXT_SOURCE_2',
      'AMT_CREDIT',
      'DAYS_BIRTH',
    ]);
    expect(psiRows.map((r) => r.querySelector('[data-light]')?.textContent)).toEqual([
      '■ rouge',
      '▲ orange',
      '● vert',
    ]);
    const missing = within(screen.getByTestId('missing-table')).getAllByRole('row').slice(1);
    expect(missing.map((r) => plain(r.textContent))).toEqual(['EXT_SOURCE_20,2 %80,0 %■ rouge']);
    expect(plain(screen.getByTestId('monitoring-expected').textContent)).toContain(
      '8,0 % au développement → 11,2 % dans la fenêtre',
    );
    expect(screen.getByTestId('monitoring-no-outcomes')).toBeTruthy();
    // No feature is missing for every application here.
    expect(screen.queryByTestId('monitoring-gone')).toBeNull();
  });

  it('computes a report over a period when none exists yet, and shows its back-test', async () => {
    const calls = start(
      on('GET', '/api/monitoring/latest', () => ({ body: { latest: null } })),
      on('POST', '/api/monitoring/reports', () => ({
        status: 201,
        body: report({
          source: {
            applications: 'stored applications 2026-11-01 → 2026-12-01',
            outcomes: 'stored outcomes',
            period: { since: '2026-11-01', until: '2026-12-01' },
          },
          performance: PERFORMANCE,
        }),
      })),
    );
    await screen.findByTestId('monitoring-none');
    fireEvent.change(screen.getByTestId('monitoring-since'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByTestId('monitoring-until'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Calculer' }));
    const auc = await screen.findByTestId('performance-auc');
    // No report yet: the full report is never asked for (no failed request in the console).
    expect(calls.some((c) => c.method === 'GET' && c.url === '/api/monitoring')).toBe(false);
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { since: '2026-11-01', until: '2026-12-01' },
    ]);
    expect(plain(auc.textContent)).toContain('0,515 (intervalle à 95 % de DeLong : 0,485 – 0,545)');
    expect(auc.textContent).toContain('baisse significative');
    const bands = within(screen.getByTestId('jeffreys-table')).getAllByRole('row').slice(1);
    expect(bands.map((r) => r.getAttribute('data-band'))).toEqual(['excellent', 'good', 'high']);
    expect(lights(bands[0] as HTMLElement)).toEqual(['red']);
    // A band without loans has no rate and no light.
    expect(lights(bands[2] as HTMLElement)).toEqual([]);
    expect(within(screen.getByTestId('reliability-table')).getAllByRole('row')).toHaveLength(4);
    expect(plain(screen.getByTestId('performance-outcomes').textContent)).toBe(
      "1 710 prêts accordés dont l'issue est connue, 495 défauts : 28,9 % observés pour 4,6 % annoncés.",
    );
  });

  it('says why a report cannot be computed, and keeps the form', async () => {
    start(
      on('GET', '/api/monitoring/latest', () => ({ body: { latest: null } })),
      on('POST', '/api/monitoring/reports', () =>
        apiError(
          422,
          'NO_APPLICATIONS_IN_WINDOW',
          'no stored application in stored applications 2020-01-01 → 2020-02-01',
        ),
      ),
    );
    await screen.findByTestId('monitoring-none');
    fireEvent.click(screen.getByRole('button', { name: 'Calculer' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('no stored application'),
    );
    expect(screen.getByRole('button', { name: 'Calculer' })).toBeTruthy();
  });

  it('sets apart the variables missing for every application, so the chart and table show what moved among the others', async () => {
    const gone = ['GONE_A', 'GONE_B', 'GONE_C', 'GONE_D'].map((name) =>
      variable(name, 18.4, 'red', [0, 1]),
    );
    const base = report();
    start(
      on('GET', '/api/monitoring/latest', () => ({ body: latestOf(base) })),
      on('GET', '/api/monitoring', () => ({
        body: { ...base, features: [...gone, ...base.features] },
      })),
    );
    const summary = await screen.findByTestId('monitoring-gone');
    expect(plain(summary.textContent)).toContain('4 variables manquent pour toutes les demandes');
    expect(plain(summary.textContent)).toContain('Elles sont écartées du graphique et du tableau');
    expect(screen.getByTestId('monitoring-gone-list').textContent).toContain('GONE_D');
    const psiRows = within(screen.getByTestId('psi-table')).getAllByRole('row').slice(1);
    expect(psiRows.map((r) => (r as HTMLTableRowElement).cells[0]?.textContent)).toEqual([
      'EXT_SOURCE_2',
      'AMT_CREDIT',
      'DAYS_BIRTH',
    ]);
    const missing = within(screen.getByTestId('missing-table')).getAllByRole('row').slice(1);
    expect(missing.map((r) => (r as HTMLTableRowElement).cells[0]?.textContent)).toEqual([
      'EXT_SOURCE_2',
    ]);
  });
});
