// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CategoriesProvider } from '../api/categories.tsx';
import { CATEGORIES } from '../api/test-fixtures.ts';
import type { Scatter, Score } from '../api/types.ts';
import { LanguageProvider } from '../i18n/language.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { clientFile, distribution, explanation, similar } from './compare/test-fixtures.ts';
import { SCORE_REFUSE } from './fixtures/answers.ts';

const scatter: Scatter = {
  group: 'all',
  x: 'EXT_SOURCE_2',
  y: 'AMT_CREDIT',
  xUnit: 'score',
  yUnit: 'currency',
  size: 3,
  available: 3,
  points: {
    x: [0.1, 0.5, 0.7],
    y: [100_000, 200_000, 300_000],
    outcome: ['defaulted', 'repaid', 'unknown'],
  },
  client: { x: 0.263, y: 406_597.5 },
};

const score: Score = {
  ...SCORE_REFUSE,
  clientId: 100002,
  probability: 0.123,
  rawProbability: 0.1,
  points: 560,
  band: 'fair',
  decision: 'grant',
  recommendation: null,
  threshold: 0.3,
};

/** The API as the panel sees it: answers by path; every URL asked is kept. */
function answer(url: string): unknown {
  const { pathname, searchParams } = new URL(url, 'http://localhost');
  if (pathname === '/api/categories') return CATEGORIES;
  if (pathname === '/api/clients/100002') return clientFile;
  if (pathname === '/api/clients/100002/explanation') return explanation;
  if (pathname === '/api/clients/100002/similar') return similar;
  if (pathname === '/api/clients/100002/score') return score;
  if (pathname === '/api/population/scatter') return scatter;
  const feature = /^\/api\/population\/features\/(\w+)$/.exec(pathname)?.[1];
  if (feature) {
    const inSimilar = searchParams.get('group') === 'similar';
    return distribution({
      feature,
      group: inSimilar ? 'similar' : 'all',
      edges: [0, 0.25, 0.5, 0.75],
      client: { value: 0.263, percentile: inSimilar ? 41.2 : 73.4 },
    });
  }
  return null;
}

let asked: string[] = [];

beforeEach(() => {
  asked = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(url);
      const body = answer(url);
      return body === null
        ? new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no route' } }), {
            status: 404,
          })
        : new Response(JSON.stringify(body), { status: 200 });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPanel() {
  return render(
    <LanguageProvider>
      <CategoriesProvider>
        <ComparePanel clientId={100002} />
      </CategoriesProvider>
    </LanguageProvider>,
  );
}

describe('ComparePanel', () => {
  it("defaults to the top reason's feature and says where the client stands", async () => {
    renderPanel();
    const sentence = await screen.findByTestId('client-percentile');
    expect(sentence.textContent).toBe(
      'Ce client se situe au-dessus de 73\u00a0% des clients du groupe.',
    );
    const chart = screen.getByTestId('distribution-chart');
    expect(chart.dataset.clientValue).toBe('0.263');
    expect(chart.dataset.feature).toBe('EXT_SOURCE_2');
    expect((screen.getByTestId('compare-feature') as HTMLSelectElement).value).toBe('EXT_SOURCE_2');
  });

  it('asks for the similar group when chosen, and shows the client among their neighbours', async () => {
    renderPanel();
    await screen.findByTestId('distribution-chart');
    fireEvent.change(screen.getByTestId('compare-group'), { target: { value: 'similar' } });
    await waitFor(() =>
      expect(screen.getByTestId('client-percentile').textContent).toBe(
        'Ce client se situe au-dessus de 41\u00a0% des clients du groupe.',
      ),
    );
    expect(
      asked.some((u) =>
        u.includes('/api/population/features/EXT_SOURCE_2?group=similar&client=100002&k=200'),
      ),
    ).toBe(true);
    const table = await screen.findByTestId('similar-table');
    // One row per feature of the space: the client, the neighbours' mean and median.
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(3);
    const cells = (i: number) =>
      [...(rows[i]?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent);
    expect(cells(1)).toEqual([
      'Montant du crédit',
      '450\u202f000 €',
      '300\u202f000 €',
      '300\u202f000 €',
    ]);
    // Days before the application in words, as the profile says them, never "-321,2".
    expect(cells(2)).toEqual([
      'Dernier changement de téléphone',
      'il y a 20 jours',
      'il y a 10 mois',
      'il y a 10 mois',
    ]);
    expect(table.textContent).toContain('Score externe 2');
    expect(screen.getByTestId('similar-rate').textContent).toMatch(
      /^Parmi les 2 clients similaires dont l'issue est connue, 1 n'a pas remboursé son crédit \(50,0\s%\)\.$/,
    );
  });

  it('sends the filters of a chosen group with the distribution request', async () => {
    renderPanel();
    await screen.findByTestId('distribution-chart');
    fireEvent.change(screen.getByTestId('compare-group'), { target: { value: 'filtered' } });
    // The choices are the API's values, in its words.
    await screen.findByRole('option', { name: 'Prêt personnel' });
    fireEvent.change(screen.getByTestId('compare-filter-contractType'), {
      target: { value: 'Cash loans' },
    });
    fireEvent.change(screen.getByTestId('compare-filter-ageMin'), { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('compare-filter-apply'));
    await waitFor(() =>
      expect(
        asked.some(
          (u) =>
            u.startsWith('/api/population/features/EXT_SOURCE_2?group=filtered') &&
            u.includes('contractType=Cash+loans&ageMin=30'),
        ),
      ).toBe(true),
    );
  });

  it('draws the scatter of two features with the client', async () => {
    renderPanel();
    const chart = await screen.findByTestId('scatter-chart');
    expect(chart.dataset.points).toBe('3');
    expect(
      asked.some((u) =>
        u.startsWith('/api/population/scatter?x=EXT_SOURCE_2&y=AMT_CREDIT&group=all'),
      ),
    ).toBe(true);
  });
});
