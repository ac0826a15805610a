// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXPLANATION, EXPLANATION_ALL, SCORE_REFUSE } from './fixtures/answers.ts';
import { renderPanel } from './panel-test-support.tsx';
import { WaterfallPanel } from './WaterfallPanel.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const BASE = '/api/clients/100302/explanation';
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u202f\u00a0]/g, ' ');

/** The answer as served when a theme has more units than it lists. */
const TRUNCATED = {
  ...EXPLANATION,
  themes: EXPLANATION.themes.map((t) =>
    t.theme === 'external scores' ? { ...t, contributions: t.contributions.slice(0, 1) } : t,
  ),
};

function rowsOfTable(): string[][] {
  const table = screen.getByRole('table', { name: /Contributions par thème/ });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tr) => Array.from(tr.querySelectorAll('td'), (td) => plain(td.textContent)));
}

describe('WaterfallPanel', () => {
  it('goes from the average client to the client in pp, then in points with the calibration', async () => {
    renderPanel(<WaterfallPanel clientId={100302} />, {
      [`GET ${BASE}`]: { status: 200, body: EXPLANATION },
      'GET /api/clients/100302/score': { status: 200, body: SCORE_REFUSE },
    });
    expect(await screen.findByTestId('waterfall-chart')).toBeTruthy();
    let rows = rowsOfTable();
    expect(rows[0]).toEqual(['Point de départ', '', '33,2 %']);
    expect(rows[1]).toEqual(['Scores externes', '+7,6 pp', '40,8 %']);
    expect(rows.at(-1)).toEqual(['Ce client', '', '38,9 %']);

    const toggle = screen.getByTestId('units-switch');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    rows = rowsOfTable();
    expect(rows[0]).toEqual(['Point de départ', '', '507 pts']);
    expect(rows.find((r) => r[0]?.startsWith('Ajustement'))?.[1]).toBe('+4,2 pts');
    expect(rows.at(-1)).toEqual(['Ce client', '', '500 pts']);
  });

  it('opens a theme to its features, fetching every unit when the answer lists only some', async () => {
    const { calls } = renderPanel(<WaterfallPanel clientId={100302} />, {
      [`GET ${BASE}`]: { status: 200, body: TRUNCATED },
      [`GET ${BASE}?all=true`]: { status: 200, body: EXPLANATION_ALL },
      'GET /api/clients/100302/score': { status: 200, body: SCORE_REFUSE },
    });
    const rows = await screen.findAllByTestId('theme-row');
    const external = rows.find((r) => r.getAttribute('data-theme') === 'external scores');
    const loan = rows.find((r) => r.getAttribute('data-theme') === 'requested loan');
    if (!external || !loan) throw new Error('theme rows missing');

    fireEvent.click(loan);
    expect(loan.getAttribute('aria-expanded')).toBe('true');
    expect(calls.some((c) => c.url.endsWith('all=true'))).toBe(false);

    fireEvent.click(external);
    await waitFor(() => {
      const detail = document.getElementById(external.getAttribute('aria-controls') ?? '');
      expect(detail?.querySelectorAll('[data-testid="theme-feature"]').length).toBe(3);
    });
    const detail = document.getElementById(external.getAttribute('aria-controls') ?? '');
    expect(plain(detail?.textContent)).toContain('Score externe n°1non renseigné');
    expect(calls.filter((c) => c.url === `${BASE}?all=true`)).toHaveLength(1);

    fireEvent.click(external);
    expect(external.getAttribute('aria-expanded')).toBe('false');
    // What the external scores are, said by their theme, and by no other.
    const notes = screen.getAllByTestId('theme-note');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.previousElementSibling).toBe(external);
    expect(notes[0]?.textContent).toMatch(/^Scores calculés par des organismes externes/);
  });

  it('draws the waterfall as rows, each label above its bar, in a card as narrow as a phone', async () => {
    // A phone's card: happy-dom lays nothing out, so the width is given.
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(320);
    try {
      renderPanel(<WaterfallPanel clientId={100302} />, {
        [`GET ${BASE}`]: { status: 200, body: EXPLANATION },
        'GET /api/clients/100302/score': { status: 200, body: SCORE_REFUSE },
      });
      const bars = await screen.findByTestId('waterfall-bars');
      expect(screen.queryByTestId('waterfall-chart')).toBeNull();
      const rows = within(bars).getAllByRole('listitem');
      const text = (i: number) =>
        [...(rows[i]?.querySelectorAll('span') ?? [])].slice(0, 2).map((e) => plain(e.textContent));
      expect(text(0)).toEqual(['Point de départ', '33,2 %']);
      expect(text(1)).toEqual(['Scores externes', '+7,6 pp']);
      expect(text(rows.length - 1)).toEqual(['Ce client', '38,9 %']);
      // The numbers behind it stay one click away.
      expect(rowsOfTable()[0]).toEqual(['Point de départ', '', '33,2 %']);
    } finally {
      width.mockRestore();
    }
  });
});
