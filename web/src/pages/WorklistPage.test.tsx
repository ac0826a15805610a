// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DecisionRecord, ReviewRecord } from '../api/types.ts';
import { SessionProvider, useSession } from '../auth/session.tsx';
import { LanguageProvider } from '../i18n/language.tsx';
import { useRoute } from '../router.tsx';
import { on, stubFetch } from '../test-fetch.ts';
import { WorklistPage } from './WorklistPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Harness() {
  const { user } = useSession();
  const route = useRoute();
  if (!user) return null;
  if (route.page === 'worklist') return <WorklistPage search={route.search} />;
  return <p data-testid="elsewhere">{location.pathname}</p>;
}

function review(id: number, over: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    id,
    clientId: 100000 + id,
    username: 'customer1',
    role: 'customer',
    pointOfView: `Point de vue n° ${id} : mes revenus ont changé depuis la demande.`,
    corrections: {},
    status: 'received',
    createdAt: `2026-12-0${id}T09:00:00.000Z`,
    updatedAt: `2026-12-0${id}T09:00:00.000Z`,
    outcome: null,
    ...over,
  };
}

function decision(id: number, over: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    id,
    clientId: 100002,
    at: '2026-12-04T10:00:00.000Z',
    username: 'adviser',
    decision: 'refuse',
    modelDecision: 'refuse',
    followsModel: true,
    justification: 'Dossier complet, avis du modèle suivi',
    reasonCategory: 'other',
    reviewId: null,
    modelVersion: 'm-1',
    ...over,
  };
}

/** The API as the real one answers: the newest request first, statuses and filters applied. */
function start(path = '/worklist') {
  history.replaceState(null, '', path);
  const reviews = [
    review(3, { status: 'in-review' }),
    review(2),
    review(1, {
      status: 'decided',
      outcome: {
        decisionId: 40,
        decision: 'grant',
        reasonCategory: 'review-request',
        justification: 'Bulletins vérifiés, revenus suffisants',
        username: 'adviser',
        at: '2026-12-04T11:00:00.000Z',
      },
    }),
  ];
  const decisions = [
    decision(41, {
      decision: 'grant',
      followsModel: false,
      reasonCategory: 'guarantee',
      justification: 'Caution solidaire des parents',
      clientId: 100007,
    }),
    decision(40),
  ];
  const calls = stubFetch(
    on('GET', '/api/auth/session', () => ({
      body: { user: { id: 1, username: 'adviser', role: 'adviser', clientId: null } },
    })),
    on('GET', '/api/reviews', (call) => {
      const q = new URL(call.url, 'http://x').searchParams;
      const status = q.get('status');
      const open = q.get('open') === 'true';
      const shown = reviews.filter(
        (r) => (!status || r.status === status) && (!open || r.status !== 'decided'),
      );
      return { body: { reviews: q.get('order') === 'oldest' ? [...shown].reverse() : shown } };
    }),
    on('PATCH', /^\/api\/reviews\/\d+$/, (call) => {
      const id = Number(call.url.split('/').at(-1));
      const at = reviews.findIndex((r) => r.id === id);
      reviews[at] = { ...(reviews[at] as ReviewRecord), status: 'in-review' };
      return { body: reviews[at] };
    }),
    on('GET', '/api/decisions', (call) => {
      const q = new URL(call.url, 'http://x').searchParams;
      const shown = decisions.filter(
        (d) =>
          (q.get('overridesOnly') !== 'true' || !d.followsModel) &&
          (!q.get('reasonCategory') || d.reasonCategory === q.get('reasonCategory')),
      );
      return { body: { total: shown.length, page: 1, pageSize: 20, decisions: shown } };
    }),
  );
  render(
    <LanguageProvider>
      <SessionProvider>
        <Harness />
      </SessionProvider>
    </LanguageProvider>,
  );
  return calls;
}

const reviewIds = () =>
  screen.getAllByTestId('worklist-review').map((r) => Number(r.getAttribute('data-review-id')));

describe('WorklistPage', () => {
  it('lists the review requests to handle, oldest first, and takes one in review', async () => {
    const calls = start();
    await screen.findByTestId('worklist-reviews');
    // Received and in review, not decided; the longest waiting first.
    expect(reviewIds()).toEqual([2, 3]);
    const [received, inReview] = screen.getAllByTestId('worklist-review') as HTMLElement[];
    expect(received?.textContent).toContain('reçue');
    expect(inReview?.textContent).toContain('en cours d’examen');
    expect(within(inReview as HTMLElement).queryByTestId('worklist-take')).toBeNull();
    expect(
      within(received as HTMLElement)
        .getByTestId('worklist-open-client')
        .getAttribute('href'),
    ).toBe('/clients/100002/decision');
    fireEvent.click(within(received as HTMLElement).getByTestId('worklist-take'));
    await waitFor(() =>
      expect(screen.getAllByTestId('worklist-review')[0]?.getAttribute('data-status')).toBe(
        'in-review',
      ),
    );
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      url: '/api/reviews/2',
      body: { status: 'in-review' },
    });
  });

  it('filters the requests by status through the URL, the decided ones with their outcome', async () => {
    const calls = start();
    await screen.findByTestId('worklist-reviews');
    fireEvent.change(screen.getByTestId('worklist-review-filter'), {
      target: { value: 'decided' },
    });
    expect(location.search).toBe('?reviews=decided');
    await waitFor(() => expect(reviewIds()).toEqual([1]));
    expect(calls.some((c) => c.url === '/api/reviews?status=decided&order=oldest')).toBe(true);
    expect(screen.getByTestId('worklist-review-outcome').textContent).toContain(
      'Accordé par adviser',
    );
  });

  it('shows the recent decisions with the model opinion beside the final one, filtered', async () => {
    const calls = start();
    const table = await screen.findByTestId('worklist-decisions');
    const rows = within(table).getAllByTestId('worklist-decision');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.getAttribute('data-follows')).toBe('no');
    expect(rows[0]?.textContent).toContain('Refusé');
    expect(rows[0]?.textContent).toContain('Accordé (contraire au modèle)');
    expect(rows[0]?.textContent).toContain('Garantie');
    expect(rows[0]?.textContent).toContain('Caution solidaire des parents');
    fireEvent.click(screen.getByTestId('worklist-overrides'));
    expect(location.search).toBe('?overrides=1');
    await waitFor(() => expect(screen.getAllByTestId('worklist-decision')).toHaveLength(1));
    fireEvent.change(screen.getByTestId('worklist-category'), { target: { value: 'other' } });
    await screen.findByTestId('worklist-decisions-empty');
    const last = calls.filter((c) => c.url.startsWith('/api/decisions')).at(-1);
    expect(last?.url).toContain('overridesOnly=true');
    expect(last?.url).toContain('reasonCategory=other');
    // The adviser and days apply on submit, the last day included.
    fireEvent.change(screen.getByTestId('worklist-adviser'), { target: { value: ' adviser ' } });
    fireEvent.change(screen.getByTestId('worklist-from'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByTestId('worklist-apply'));
    expect(new URLSearchParams(location.search).get('adviser')).toBe('adviser');
    expect(new URLSearchParams(location.search).get('from')).toBe('2026-12-01');
  });
});
