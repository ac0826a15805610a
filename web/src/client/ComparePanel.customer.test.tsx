// @vitest-environment happy-dom
/**
 * The comparison panel for a customer: the API's fixed groups only (all clients, their similar
 * clients), no group size, no filtered group, no scatter, no neighbour list, and the coarse
 * answer's merged or withheld figures said in words.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeatureDistribution, SimilarClients } from '../api/types.ts';
import { LanguageProvider } from '../i18n/language.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { clientFile, distribution, explanation, similar } from './compare/test-fixtures.ts';

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
});

function renderPanel() {
  return render(
    <LanguageProvider>
      <ComparePanel clientId={100002} customer />
    </LanguageProvider>,
  );
}

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
});
