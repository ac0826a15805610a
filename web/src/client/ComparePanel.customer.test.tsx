// @vitest-environment happy-dom
/**
 * The comparison panel for a customer: the API's fixed groups only (all clients, their similar
 * clients), no group size, no filtered group, no scatter, no neighbour list, the coarse
 * answer's merged or withheld figures said in words, and every text naming the client spoken to
 * them ("vous", "your file") in French and English while the adviser's stays third-person.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeatureDistribution, SimilarClients } from '../api/types.ts';
import { type Language, LanguageProvider } from '../i18n/language.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { clientFile, distribution, explanation, similar } from './compare/test-fixtures.ts';
import { SCORE_REFUSE } from './fixtures/answers.ts';

/** What the API answers a customer: coarse, merged bins, an outcome of too few clients withheld. */
function coarse(group: FeatureDistribution['group']): FeatureDistribution {
  return distribution({
    group,
    feature: 'EXT_SOURCE_2',
    size: group === 'similar' ? 200 : 25_000,
    missing: null,
    edges: [0, 0.5, 0.75],
    counts: { repaid: [60, 130], defaulted: null, unknown: [0, 0] },
    quantiles: {
      all: { p5: null, p25: 0.3, p50: 0.5, p75: 0.6, p95: null },
      repaid: { p5: null, p25: 0.35, p50: 0.52, p75: 0.62, p95: null },
      defaulted: null,
    },
    client: { value: 0.263, percentile: group === 'similar' ? 41 : 73 },
    disclosure: { minCell: 10, merged: true, suppressed: ['defaulted'] },
  });
}

const fixedSimilar: SimilarClients = {
  ...similar,
  size: 200,
  neighbours: null,
  defaultRate: 0.06,
  comparison: similar.comparison.map((c) => ({ ...c, groupCount: null })),
};

let asked: string[] = [];

beforeEach(() => {
  asked = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(url);
      const { pathname, searchParams } = new URL(url, 'http://localhost');
      const answer =
        pathname === '/api/clients/100002'
          ? clientFile
          : pathname === '/api/clients/100002/explanation'
            ? explanation
            : pathname === '/api/clients/100002/similar'
              ? fixedSimilar
              : pathname === '/api/clients/100002/score'
                ? { ...SCORE_REFUSE, clientId: 100002, probability: 0.02 }
                : pathname.startsWith('/api/population/features/')
                  ? coarse(searchParams.get('group') === 'similar' ? 'similar' : 'all')
                  : null;
      return answer === null
        ? new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no route' } }), {
            status: 404,
          })
        : new Response(JSON.stringify(answer), { status: 200 });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

function renderPanel({ customer = true, language = 'fr' as Language } = {}) {
  localStorage.setItem('creditlens.language', language);
  return render(
    <LanguageProvider>
      <ComparePanel clientId={100002} customer={customer} />
    </LanguageProvider>,
  );
}

/** Every text a reader or a screen reader meets: the page's text and the labels. */
function everyText(): string {
  const labels = [...document.querySelectorAll('[aria-label]')].map((e) =>
    e.getAttribute('aria-label'),
  );
  return [document.body.textContent, ...labels].join('\n');
}

/** The customer's texts, as the panel must say them in each language. */
const spoken = {
  fr: {
    title: 'Votre dossier comparé aux autres clients',
    similarGroup: 'Les clients dont le dossier ressemble au vôtre',
    percentile: 'Vous vous situez au-dessus de 73\u00a0% des clients du groupe.',
    chart: /, avec votre valeur$/,
    marker: 'Votre valeur : ',
    similarTitle: 'Votre dossier et les dossiers similaires',
    probability:
      'Probabilité de défaut estimée par le modèle pour votre dossier : 2,0\u00a0% ; en moyenne pour ces dossiers : 17,5\u00a0%.',
    caption: 'Votre dossier comparé aux 200 dossiers les plus proches',
    columns: [
      'Caractéristique',
      'Vous',
      'Moyenne des 200 dossiers les plus proches',
      'Médiane de ces dossiers',
    ],
    thirdPerson: /ce client|du client\b|au client\b|ses clients/i,
  },
  en: {
    title: 'Your file compared with other clients',
    similarGroup: 'Clients whose file resembles yours',
    percentile: 'You are above 73% of the clients in the group.',
    chart: /, with your value$/,
    marker: 'Your value: ',
    similarTitle: 'Your file and the similar files',
    probability:
      'Probability of default the model estimates for your file: 2.0%; on average for these files: 17.5%.',
    caption: 'Your file against the 200 closest files',
    columns: ['Characteristic', 'You', 'Mean of the 200 closest files', 'Median of these files'],
    thirdPerson: /this client|the client's|their similar/i,
  },
};

describe('ComparePanel for a customer', () => {
  it('offers the fixed groups only, without a size, and asks for no scatter', async () => {
    renderPanel();
    await screen.findByTestId('distribution-chart');
    const group = screen.getByTestId('compare-group') as HTMLSelectElement;
    expect([...group.options].map((o) => o.value)).toEqual(['all', 'similar']);
    fireEvent.change(group, { target: { value: 'similar' } });
    await waitFor(() =>
      expect(asked.some((u) => u.includes('group=similar&client=100002'))).toBe(true),
    );
    expect(document.getElementById('compare-k')).toBeNull();
    expect(screen.queryByTestId('scatter-x')).toBeNull();
    // No request a customer would be refused: no k, no filters, no scatter.
    expect(asked.filter((u) => /[?&]k=|scatter|group=filtered/.test(u))).toEqual([]);
  });

  it('says in words which bins were merged and which figures are withheld', async () => {
    renderPanel();
    const note = await screen.findByTestId('distribution-disclosure');
    expect(note.textContent).toContain('moins de 10 clients ont la même issue sont regroupées');
    expect(note.textContent).toContain("Moins de 10 clients du groupe n'ont pas remboursé");
    expect(note.textContent).toContain('« — » : moins de 10 clients');
    const quantiles = screen.getByTestId('distribution-quantiles');
    expect(quantiles.textContent).toContain('—');
  });

  it("gives the similar group's figures without a neighbour list", async () => {
    renderPanel();
    const table = await screen.findByTestId('similar-table');
    expect(table.querySelectorAll('tbody tr').length).toBeGreaterThan(0);
    expect(screen.getByTestId('similar-rate').textContent).toMatch(
      /^Parmi les 200 clients dont le dossier ressemble le plus au vôtre/,
    );
    expect(
      screen.queryByText('Les clients similaires, un par un', { selector: 'summary' }),
    ).toBeNull();
    expect(asked).toContain('/api/clients/100002/similar');
  });

  it.each(['fr', 'en'] as const)(
    'speaks to the customer about their own file (%s)',
    async (language) => {
      const want = spoken[language];
      renderPanel({ language });
      expect((await screen.findByTestId('client-percentile')).textContent).toBe(want.percentile);
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(want.title);
      const group = screen.getByTestId('compare-group') as HTMLSelectElement;
      expect(group.options[1]?.textContent).toBe(want.similarGroup);
      const chart = screen.getByTestId('distribution-chart').querySelector('[role="img"]');
      expect(chart?.getAttribute('aria-label')).toMatch(want.chart);
      // The marker on the chart, drawn once ECharts has loaded.
      await waitFor(() => expect(document.body.textContent).toContain(want.marker), {
        timeout: 5000,
      });

      const table = await screen.findByTestId('similar-table');
      expect(screen.getByRole('heading', { level: 3, name: want.similarTitle })).toBeTruthy();
      await waitFor(() =>
        expect(screen.getByTestId('similar-probability').textContent).toBe(want.probability),
      );
      expect(table.querySelector('caption')?.textContent).toBe(want.caption);
      expect([...table.querySelectorAll('thead th')].map((c) => c.textContent)).toEqual(
        want.columns,
      );
      // Nothing left that speaks about the client in the third person.
      expect(everyText()).not.toMatch(want.thirdPerson);
    },
  );

  it("keeps the adviser's wording in the third person", async () => {
    renderPanel({ customer: false });
    expect((await screen.findByTestId('client-percentile')).textContent).toBe(
      'Ce client se situe au-dessus de 73\u00a0% des clients du groupe.',
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Comparer ce client');
    await waitFor(() => expect(document.body.textContent).toContain('Ce client : '), {
      timeout: 5000,
    });
    const table = await screen.findByTestId('similar-table');
    expect(table.querySelector('caption')?.textContent).toBe(
      'Ce client comparé à ses 200 clients similaires',
    );
    expect(table.querySelector('thead th:nth-child(2)')?.textContent).toBe('Ce client');
    await waitFor(() =>
      expect(screen.getByTestId('similar-probability').textContent).toMatch(
        /^Probabilité de défaut estimée par le modèle pour ce client : 2,0/,
      ),
    );
  });
});
