// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider, useSession } from '../auth/session.tsx';
import { LanguageProvider } from '../i18n/language.tsx';
import { useRoute } from '../router.tsx';
import { on, stubFetch } from '../test-fetch.ts';
import { AuditPage } from './AuditPage.tsx';
import { auditPath, parseAuditQuery } from './audit-query.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Harness() {
  const { user } = useSession();
  const route = useRoute();
  if (!user) return null;
  return route.page === 'audit' ? <AuditPage search={route.search} /> : null;
}

const record = (id: number, over: Record<string, unknown> = {}) => ({
  id,
  at: '2026-12-04T09:30:00.000Z',
  userId: 2,
  username: 'adviser',
  role: 'adviser',
  action: 'client.view',
  clientId: 100002,
  modelVersion: '20261201-gbt',
  inputsFingerprint: 'ab'.repeat(32),
  outputSummary: '{"sections":6}',
  requestId: 'r1',
  ...over,
});

function start(
  role: 'admin' | 'adviser',
  path = '/audit',
  newer: ReturnType<typeof record>[] = [],
) {
  history.replaceState(null, '', path);
  const calls = stubFetch(
    on('GET', '/api/auth/session', () => ({
      body: { user: { id: 1, username: role, role, clientId: null } },
    })),
    on('GET', '/api/audit', (call) => {
      const action = new URL(call.url, 'http://x').searchParams.get('action');
      const records = [
        ...newer,
        record(2, {
          action: 'client.score',
          outputSummary: '{"probability":0.18700051316529254,"points":529.527,"decision":"refuse"}',
        }),
        record(1, { action: 'auth.login', clientId: null, outputSummary: '{"ok":true}' }),
      ];
      const shown = action ? records.filter((r) => r.action === action) : records;
      return { body: { total: shown.length, page: 1, pageSize: 50, records: shown } };
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

describe('AuditPage', () => {
  it('lists who did what to which client, in words', async () => {
    start('admin');
    await screen.findByTestId('audit-table');
    const rows = screen.getAllByTestId('audit-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('Score consulté');
    expect(rows[0]?.textContent).toContain('adviser (conseiller)');
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe('/clients/100002');
    expect(rows[1]?.textContent).toContain('Connexion');
  });

  it('words the letter, the data export, the review requests and a decision answering one', async () => {
    start('admin', '/audit', [
      record(7, {
        action: 'client.decision',
        outputSummary: JSON.stringify({
          decision: 'grant',
          modelDecision: 'refuse',
          followsModel: false,
          justification: 'Bulletins de salaire vérifiés',
          reasonCategory: 'review-request',
          reviewId: 3,
        }),
      }),
      record(6, {
        action: 'client.review.taken',
        outputSummary: '{"reviewId":3,"status":"in-review"}',
      }),
      record(5, {
        action: 'client.review.request',
        username: 'customer1',
        role: 'customer',
        outputSummary: '{"reviewId":3,"corrected":[]}',
      }),
      record(4, { action: 'client.data', outputSummary: '{"format":"csv"}' }),
      record(3, { action: 'client.letter', outputSummary: '{"format":"pdf","lang":"fr"}' }),
    ]);
    await screen.findByTestId('audit-table');
    const rows = screen.getAllByTestId('audit-row').map((r) => r.textContent ?? '');
    expect(rows[0]).toContain('Décision enregistrée (réexamen décidé)');
    expect(rows[0]).toContain('motif\u00a0: demande de réexamen du client');
    expect(rows[1]).toContain('Demande de réexamen prise en charge');
    expect(rows[1]).toContain('statut\u00a0: en cours d’examen');
    expect(rows[2]).toContain('Réexamen demandé');
    expect(rows[2]).toContain('customer1 (client)');
    expect(rows[3]).toContain('Données du client exportées');
    expect(rows[4]).toContain('Lettre d’explication produite');
    // Each newer action can be chosen in the filter, in words.
    const options = [...(screen.getByTestId('audit-filter-action') as HTMLSelectElement).options];
    expect(options.find((o) => o.value === 'client.review.request')?.textContent).toBe(
      'Réexamen demandé',
    );
  });

  it('says the result in short words, the stored JSON on demand', async () => {
    start('admin');
    await screen.findByTestId('audit-table');
    const [score, login] = screen.getAllByTestId('audit-summary');
    expect(score?.textContent).toBe(
      'probabilité de défaut\u00a0: 18,7\u00a0% · points\u00a0: 530 · décision\u00a0: refusé',
    );
    expect(login?.textContent).toBe('réussi\u00a0: oui');
    const raw = score?.parentElement?.querySelector('details');
    expect(raw?.querySelector('summary')?.textContent).toBe('JSON enregistré');
    expect(raw?.textContent).toContain('"probability":0.18700051316529254');
  });

  it('filters by action through the URL', async () => {
    const calls = start('admin');
    await screen.findByTestId('audit-table');
    fireEvent.change(screen.getByTestId('audit-filter-action'), {
      target: { value: 'auth.login' },
    });
    expect(location.search).toBe('?action=auth.login');
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect(calls.at(-1)?.url).toContain('action=auth.login');
  });

  it('tells an adviser the trail is not theirs, without asking the API', async () => {
    const calls = start('adviser');
    expect(await screen.findByText(/réservé aux administrateurs/)).toBeTruthy();
    expect(calls.some((c) => c.url.startsWith('/api/audit'))).toBe(false);
  });

  it('turns days into the API instants, the last day included', () => {
    const path = auditPath(parseAuditQuery('?from=2026-12-01&to=2026-12-03&user=adviser'));
    const q = new URL(path, 'http://x').searchParams;
    const from = new Date(q.get('from') as string);
    const to = new Date(q.get('to') as string);
    expect([from.getDate(), from.getHours()]).toEqual([1, 0]);
    expect((to.getTime() - from.getTime()) / 86_400_000).toBeCloseTo(3, 1);
    expect(q.get('user')).toBe('adviser');
    expect(parseAuditQuery('?from=2026-02-31&client=x1').from).toBeUndefined();
  });
});
