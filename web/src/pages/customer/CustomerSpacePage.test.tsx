// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewRecord } from '../../api/generated/api-types.ts';
import { renderPanel } from '../../client/panel-test-support.tsx';
import { CustomerSpacePage } from './CustomerSpacePage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const VIEW = 'Je conteste : mon revenu a doublé depuis la demande.';

describe('CustomerSpacePage', () => {
  it("links the letter in the page's language and the data in both formats", async () => {
    renderPanel(<CustomerSpacePage clientId={100302} />, {}, { role: 'customer' });
    await screen.findByTestId('customer-space');
    const href = (id: string) => screen.getByTestId(id).getAttribute('href');
    expect(href('letter-html')).toBe('/api/clients/100302/letter?lang=fr');
    expect(href('letter-pdf')).toBe('/api/clients/100302/letter?format=pdf&lang=fr');
    expect(href('data-json')).toBe('/api/clients/100302/data?format=json');
    expect(href('data-csv')).toBe('/api/clients/100302/data?format=csv');
    expect(screen.getByTestId('letter-pdf').hasAttribute('download')).toBe(true);
    expect(screen.getByTestId('customer-rights').textContent).toContain(
      'd’obtenir l’intervention d’une personne',
    );
    cleanup();
    renderPanel(<CustomerSpacePage clientId={100302} />, {}, { role: 'customer', language: 'en' });
    await screen.findByTestId('customer-space');
    expect(href('letter-pdf')).toBe('/api/clients/100302/letter?format=pdf&lang=en');
  });

  it('lists a request once sent, as received', async () => {
    const stored: ReviewRecord[] = [];
    const { calls } = renderPanel(
      <CustomerSpacePage clientId={100302} />,
      {
        'GET /api/clients/100302/reviews': () => ({ status: 200, body: { reviews: [...stored] } }),
        'POST /api/clients/100302/reviews': (call) => {
          const review: ReviewRecord = {
            id: 1,
            clientId: 100302,
            username: 'customer1',
            role: 'customer',
            pointOfView: (call.body as { pointOfView: string }).pointOfView,
            corrections: {},
            status: 'received',
            createdAt: '2026-12-05T08:00:00.000Z',
            updatedAt: '2026-12-05T08:00:00.000Z',
            outcome: null,
          };
          stored.unshift(review);
          return { status: 201, body: review };
        },
      },
      { role: 'customer' },
    );
    expect((await screen.findByTestId('review-list')).dataset.count).toBe('0');
    fireEvent.change(screen.getByTestId('review-text'), { target: { value: VIEW } });
    fireEvent.click(screen.getByTestId('review-submit'));
    await waitFor(() => expect(screen.getByTestId('review-list').dataset.count).toBe('1'));
    expect(screen.getByTestId('review-status').textContent).toBe('Reçue');
    expect(screen.getByTestId('review-list').textContent).toContain(VIEW);
    expect(calls.filter((c) => c.url === '/api/clients/100302/reviews')).toHaveLength(3);
  });
});
