// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../api/generated/api-types.ts';
import { LanguageProvider } from '../../i18n/language.tsx';
import { ReviewList } from './ReviewList.tsx';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

function review(id: number, part: Partial<ReviewRecord>): ReviewRecord {
  return {
    id,
    clientId: 100302,
    username: 'customer1',
    role: 'customer',
    pointOfView: 'Mes revenus ont augmenté depuis la demande.',
    corrections: {},
    status: 'received',
    createdAt: '2026-12-04T09:00:00.000Z',
    updatedAt: '2026-12-04T09:00:00.000Z',
    outcome: null,
    ...part,
  };
}

const REVIEWS = [
  review(3, {
    status: 'decided',
    outcome: {
      decisionId: 41,
      decision: 'grant',
      reasonCategory: 'additional-income',
      justification: 'Bulletins de salaire reçus : revenu confirmé à 52 000 €.',
      username: 'adviser',
      at: '2026-12-05T10:30:00.000Z',
    },
  }),
  review(2, { status: 'in-review' }),
  review(1, { corrections: { AMT_INCOME_TOTAL: 52000, NAME_HOUSING_TYPE: 'With parents' } }),
];

function show(reviews: ReviewRecord[], language: 'fr' | 'en' = 'fr') {
  localStorage.setItem('creditlens.language', language);
  render(
    <LanguageProvider>
      <ReviewList reviews={{ data: { reviews }, error: null, loading: false, reload: () => {} }} />
    </LanguageProvider>,
  );
}

describe('ReviewList', () => {
  it('gives each request its status in words, newest first, and the outcome once decided', () => {
    show(REVIEWS);
    const statuses = screen.getAllByTestId('review-status');
    expect(statuses.map((s) => [s.dataset.status, s.textContent])).toEqual([
      ['decided', 'Décidée'],
      ['in-review', 'En cours d’examen'],
      ['received', 'Reçue'],
    ]);
    const outcome = screen.getByTestId('review-outcome');
    expect(outcome.textContent).toContain('crédit accordé');
    expect(outcome.textContent).toContain('Motif : revenus complémentaires justifiés.');
    expect(outcome.textContent).toContain('revenu confirmé à 52 000 €');
    // Only the decided one has an outcome; the others say what happens next.
    expect(screen.getAllByTestId('review-outcome')).toHaveLength(1);
    const [, inReview, received] = screen.getAllByTestId('review');
    expect(inReview?.textContent).toContain('Un conseiller examine votre dossier.');
    expect(within(received as HTMLElement).getByText(/Informations à corriger/).textContent).toBe(
      'Informations à corriger : Revenu annuel, Type de logement',
    );
  });

  it('says so when there is no request, in English too', () => {
    show([], 'en');
    expect(screen.getByTestId('review-list').textContent).toBe(
      'You have not requested a review yet.',
    );
  });
});
