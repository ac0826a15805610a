// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CategoriesProvider } from '../api/categories.tsx';
import { CATEGORIES } from '../api/test-fixtures.ts';
import type { ClientSummary } from '../api/types.ts';
import { LanguageProvider } from '../i18n/language.tsx';
import { useRoute } from '../router.tsx';
import { type FetchCall, on, stubFetch } from '../test-fetch.ts';
import { ClientsPage } from './ClientsPage.tsx';

/** The search page wherever the router says it is, and the path of any other page. */
function Harness() {
  const route = useRoute();
  if (route.page === 'clients') return <ClientsPage search={route.search} />;
  return <p data-testid="elsewhere">{location.pathname}</p>;
}

function client(id: number, over: Partial<ClientSummary> = {}): ClientSummary {
  return {
    id,
    split: 'test',
    contractType: 'Cash loans',
    gender: 'F',
    incomeType: 'Working',
    age: 40,
    income: 180000,
    credit: 500000,
    annuity: 25000,
    probability: 0.1234,
    points: 610,
    decision: 'grant',
    band: 'good',
    finalDecision: null,
    ...over,
  };
}

const CLIENTS = [
  client(100001),
  client(100002, {
    probability: 0.31,
    points: 540,
    decision: 'refuse',
    band: 'poor',
    age: 23,
    // The adviser granted it against the model's opinion.
    finalDecision: { decision: 'grant', followsModel: false, at: '2026-12-04T10:00:00.000Z' },
  }),
  client(100005, { contractType: 'Revolving loans' }),
];

/** The API as the real one answers the list: filters by decision and id prefix, pages of 20. */
function api(total = 45) {
  return stubFetch(
    on('GET', '/api/categories', () => ({ body: CATEGORIES })),
    on('GET', '/api/clients', (call) => {
      const q = new URL(call.url, 'http://x').searchParams;
      let rows = CLIENTS;
      const decision = q.get('decision');
      if (decision) rows = rows.filter((c) => c.decision === decision);
      const search = q.get('search');
      if (search) rows = rows.filter((c) => String(c.id).startsWith(search));
      const all = decision || search ? rows.length : total;
      return {
        body: {
          total: all,
          page: Number(q.get('page')),
          pageSize: Number(q.get('pageSize')),
          clients: rows,
        },
      };
    }),
  );
}

function listCalls(calls: FetchCall[]): URLSearchParams[] {
  return calls
    .filter((c) => c.url.startsWith('/api/clients?') && !c.url.includes('pageSize=1&'))
    .map((c) => new URL(c.url, 'http://x').searchParams);
}

function start(path = '/clients') {
  history.replaceState(null, '', path);
  render(
    <LanguageProvider>
      <CategoriesProvider>
        <Harness />
      </CategoriesProvider>
    </LanguageProvider>,
  );
}

const rowIds = () =>
  screen.getAllByTestId('client-row').map((r) => Number(r.getAttribute('data-client-id')));

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('ClientsPage', () => {
  it('shows the rows the API gives, in words and numbers a person reads', async () => {
    api();
    start();
    await screen.findByTestId('clients-table');
    expect(rowIds()).toEqual([100001, 100002, 100005]);
    const refused = screen.getAllByTestId('client-row')[1] as HTMLElement;
    // The band as the API names it, in words; the contract type as GET /api/categories words it.
    await waitFor(() => expect(refused.textContent).toContain('Très élevé'));
    await waitFor(() => expect(refused.textContent).toContain('Prêt personnel'));
    const text = refused.textContent ?? '';
    expect(text).toMatch(/31,0\s%/);
    expect(text).toContain('Refusé');
    expect(text).toContain('Prêt personnel');
    expect(screen.getByTestId('page-info').textContent).toBe('Page 1 sur 3 · 45 clients');
    expect((screen.getByTestId('page-prev') as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows the model's opinion and the final decision side by side, an override visible", async () => {
    api();
    start();
    await screen.findByTestId('clients-table');
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(-2)).toEqual(['Avis du modèle', 'Décision finale']);
    const [undecided, overridden] = screen.getAllByTestId('client-final');
    expect(undecided?.textContent).toBe('à décider');
    expect(overridden?.getAttribute('data-final')).toBe('grant');
    expect(overridden?.textContent).toBe("Accordé (contraire à l'avis du modèle)");
    const refusedRow = screen.getAllByTestId('client-row')[1] as HTMLElement;
    expect(within(refusedRow).getByText('Refusé')).toBeTruthy();
  });

  it('marks a new application (saved, not yet in the data) in the list', async () => {
    stubFetch(
      on('GET', '/api/categories', () => ({ body: CATEGORIES })),
      on('GET', '/api/clients', () => ({
        body: {
          total: 2,
          page: 1,
          pageSize: 20,
          clients: [client(100001), client(900000000, { split: 'new' })],
        },
      })),
    );
    start();
    await screen.findByTestId('clients-table');
    const marks = screen.getAllByTestId('client-new');
    expect(marks).toHaveLength(1);
    expect(marks[0]?.closest('tr')?.getAttribute('data-client-id')).toBe('900000000');
    expect(marks[0]?.textContent).toBe('nouvelle demande');
  });

  it('puts a filter in the URL and asks the API for it, from the first page', async () => {
    const calls = api();
    start('/clients?page=2');
    await screen.findByTestId('clients-table');
    fireEvent.change(screen.getByTestId('filter-decision'), { target: { value: 'refuse' } });
    expect(location.search).toBe('?decision=refuse');
    await waitFor(() => expect(rowIds()).toEqual([100002]));
    const last = listCalls(calls).at(-1);
    expect(last?.get('decision')).toBe('refuse');
    expect(last?.get('page')).toBe('1');
    expect((screen.getByTestId('filter-decision') as HTMLSelectElement).value).toBe('refuse');
  });

  it('reads its filters back from the URL (reload, back and forward)', async () => {
    const calls = api();
    start('/clients?contractType=Revolving+loans&ageMin=30&sort=-probability&page=2');
    await screen.findByTestId('clients-table');
    const q = listCalls(calls)[0];
    expect(q?.get('contractType')).toBe('Revolving loans');
    expect(q?.get('ageMin')).toBe('30');
    expect(q?.get('sort')).toBe('-probability');
    expect(q?.get('page')).toBe('2');
    expect((screen.getByTestId('filter-contract') as HTMLSelectElement).value).toBe(
      'Revolving loans',
    );
    expect((screen.getByTestId('filter-age-min') as HTMLInputElement).value).toBe('30');
    expect(screen.getByTestId('page-info').textContent).toContain('Page 2 sur 3');
  });

  it('pages forward and sorts by a column, ascending then descending', async () => {
    api();
    start();
    await screen.findByTestId('clients-table');
    fireEvent.click(screen.getByTestId('page-next'));
    expect(location.search).toBe('?page=2');
    await waitFor(() => expect(screen.getByTestId('page-info').textContent).toContain('Page 2'));
    fireEvent.click(screen.getByTestId('sort-probability'));
    expect(location.search).toBe('?sort=probability');
    await waitFor(() =>
      expect(screen.getByTestId('sort-probability').closest('th')?.getAttribute('aria-sort')).toBe(
        'ascending',
      ),
    );
    fireEvent.click(screen.getByTestId('sort-probability'));
    expect(location.search).toBe('?sort=-probability');
  });

  it('applies a typed age once typing pauses, and refuses a crossed range', async () => {
    const calls = api();
    start('/clients?ageMax=30');
    await screen.findByTestId('clients-table');
    vi.useFakeTimers();
    fireEvent.change(screen.getByTestId('filter-age-min'), { target: { value: '45' } });
    act(() => vi.advanceTimersByTime(1000));
    expect(location.search).toBe('?ageMax=30');
    expect(screen.getByText('Le minimum dépasse le maximum.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('filter-age-min'), { target: { value: '25' } });
    act(() => vi.advanceTimersByTime(1000));
    expect(location.search).toBe('?ageMin=25&ageMax=30');
    vi.useRealTimers();
    await waitFor(() => expect(listCalls(calls).at(-1)?.get('ageMin')).toBe('25'));
  });

  it('opens a row on click, and through its link by keyboard', async () => {
    api();
    start();
    await screen.findByTestId('clients-table');
    const row = screen.getAllByTestId('client-row')[1] as HTMLElement;
    fireEvent.click(within(row).getByText('Refusé'));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/clients/100002');
    const link = within(row).getByRole('link');
    expect(link.getAttribute('href')).toBe('/clients/100002');
  });

  it('opens the file of an identifier typed then Enter', async () => {
    api();
    start();
    await screen.findByTestId('clients-table');
    const field = screen.getByTestId('client-id-search');
    fireEvent.change(field, { target: { value: '100005' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/clients/100005');
  });

  it('says plainly that an identifier is unknown', async () => {
    api();
    start();
    await screen.findByTestId('clients-table');
    const field = screen.getByTestId('client-id-search');
    // 10000 is a prefix of existing identifiers but not one itself.
    fireEvent.change(field, { target: { value: '10000' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(
      await screen.findByText("Aucun client n'a l'identifiant 10000. Vérifiez le numéro."),
    ).toBeTruthy();
    expect(location.pathname).toBe('/clients');
  });

  it('answers an empty result with a sentence, not an empty table', async () => {
    api();
    start('/clients?search=999');
    expect(await screen.findByText(/Aucun client ne correspond à ces critères/)).toBeTruthy();
    expect(screen.queryByTestId('clients-table')).toBeNull();
  });

  it('shows an API refusal as a message with a retry', async () => {
    stubFetch(
      on('GET', '/api/categories', () => ({ body: CATEGORIES })),
      on('GET', '/api/model', () => ({ status: 503, body: {} })),
      on('GET', '/api/clients', () => ({
        status: 503,
        body: { error: { code: 'NOT_READY', message: 'no active model to filter by' } },
      })),
    );
    start('/clients?decision=grant');
    const error = await screen.findByTestId('error-message');
    expect(error.textContent).toContain("Le service n'est pas prêt");
    expect(within(error).getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });
});
