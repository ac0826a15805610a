// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CategoriesProvider } from '../api/categories.tsx';
import { CATEGORIES } from '../api/test-fixtures.ts';
import type { NewApplicationAnswer } from '../api/types.ts';
import { MODEL_BANDS } from '../client/fixtures/answers.ts';
import { LanguageProvider } from '../i18n/language.tsx';
import { type FetchCall, on, stubFetch } from '../test-fetch.ts';
import { NewApplicationPage } from './NewApplicationPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** The API's answer: the probability grows with the amount asked against the income. */
function scored(call: FetchCall): { status?: number; body: unknown } {
  const { application } = call.body as { application: Record<string, number | string> };
  const credit = Number(application.AMT_CREDIT);
  if (credit > 1e8)
    return {
      status: 400,
      body: {
        error: {
          code: 'BAD_REQUEST',
          message: 'body.application.AMT_CREDIT: 200000000 outside [1, 100000000]',
          field: 'body.application.AMT_CREDIT',
        },
      },
    };
  const probability = Math.min(0.9, (0.05 * credit) / Number(application.AMT_INCOME_TOTAL));
  const answer: NewApplicationAnswer = {
    clientId: null,
    modelVersion: 'm-test',
    history: 'none',
    outOfRange: [],
    score: {
      probability,
      rawProbability: probability,
      points: 600 - 200 * probability,
      band: probability < 0.1 ? 'good' : 'poor',
      decision: probability >= 0.18 ? 'refuse' : 'grant',
      recommendation: null,
      threshold: 0.18,
    },
    view: 'adviser',
    reasons: {
      adverse: [
        {
          key: 'AMT_CREDIT',
          features: ['AMT_CREDIT'],
          direction: 'adverse',
          theme: 'requested loan',
          code: 'R-LOAN-AMOUNT',
          family: 'loan',
          clientExplainable: true,
          actionable: true,
          statementFr: 'Le montant du crédit demandé est élevé',
          statementEn: 'The credit amount requested is high',
          noteFr: null,
          noteEn: null,
          textFr: 'Montant du crédit demandé : élevé au regard des revenus',
          textEn: 'Requested credit amount: high against the income',
          labelFr: 'Montant du crédit demandé',
          labelEn: 'Requested credit amount',
          valueFr: `${credit} €`,
          valueEn: `€${credit}`,
          referenceFr: null,
          referenceEn: null,
          logOdds: 0.15,
          points: -4.3,
          probabilityPoints: 2,
          sensitive: false,
        },
      ],
      favourable: [],
    },
    // The client's view is not what this page shows.
    clientReasons: {
      adverse: [],
      favourable: [],
      others: {
        labelFr: 'Autres éléments du dossier',
        labelEn: 'Other elements of the file',
        count: 0,
        logOdds: 0,
        points: 0,
        probabilityPoints: 0,
      },
    },
    // The instalment was not given: information to complete, not a reason.
    toComplete: [
      {
        code: 'R-LOAN-INSTALMENT',
        family: 'loan',
        titleFr: 'Mensualité',
        titleEn: 'Instalment',
        clientExplainable: true,
        noteFr: null,
        noteEn: null,
        fields: ['AMT_ANNUITY'],
        units: [
          { key: 'AMT_ANNUITY', labelFr: 'Mensualité du crédit', labelEn: 'Loan instalment' },
        ],
        logOdds: 0.08,
        points: -2.3,
        probabilityPoints: 1.2,
      },
    ],
  };
  return { body: answer };
}

/** POST /api/applications: the same score, stored under a new client id (201). */
function saved(call: FetchCall): { status?: number; body: unknown } {
  const answer = scored(call);
  if (answer.status) return answer;
  const { clientId: _, ...rest } = answer.body as NewApplicationAnswer;
  return {
    status: 201,
    body: {
      ...rest,
      clientId: 900_000_001,
      createdAt: '2026-12-05T00:00:00.000Z',
      status: 'pending',
    },
  };
}

/** The page once the API's category values are in its selects; the calls it makes from then on. */
async function renderPage() {
  const calls = stubFetch(
    on('GET', '/api/categories', () => ({ body: CATEGORIES })),
    on('POST', '/api/score', scored),
    on('POST', '/api/applications', saved),
    on('GET', '/api/model', () => ({ body: MODEL_BANDS })),
  );
  render(
    <LanguageProvider>
      <CategoriesProvider>
        <NewApplicationPage />
      </CategoriesProvider>
    </LanguageProvider>,
  );
  await screen.findByRole('option', { name: 'Prêt personnel' });
  calls.splice(0);
  return calls;
}

/** The Idempotency-Key of each POST the page sent, in order. */
function keysSent(): (string | null)[] {
  return (vi.mocked(fetch).mock.calls as unknown as [string, RequestInit?][])
    .filter(([, init]) => init?.method === 'POST')
    .map(([, init]) => new Headers(init?.headers).get('Idempotency-Key'));
}

const field = (name: string) => screen.getByTestId(`new-field-${name}`) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });

function fillRequired(credit = '450 000') {
  type('NAME_CONTRACT_TYPE', 'Cash loans');
  type('AMT_INCOME_TOTAL', '300 000');
  type('AMT_CREDIT', credit);
  type('DAYS_BIRTH', '35');
}

describe('NewApplicationPage', () => {
  it('labels every input and says the score rests on the application alone', async () => {
    await renderPage();
    for (const input of document.querySelectorAll('input, select'))
      expect(document.querySelector(`label[for="${input.id}"]`)).toBeTruthy();
    expect(screen.getByLabelText(/Âge \(années\)/)).toBe(field('DAYS_BIRTH'));
    expect(screen.getByRole('note').textContent).toContain('aucun historique de crédit');
    expect(screen.getByRole('note').textContent).toContain('simule sans rien enregistrer');
    expect(screen.getByRole('note').textContent).toContain('crée le dossier du client');
    // Family status and gender are protected: not offered.
    expect(screen.queryByTestId('new-field-NAME_FAMILY_STATUS')).toBeNull();
    expect(screen.queryByTestId('new-field-CODE_GENDER')).toBeNull();
  });

  it('refuses an application without its required fields before any request', async () => {
    const calls = await renderPage();
    type('AMT_CREDIT', 'beaucoup');
    fireEvent.click(screen.getByTestId('new-submit'));
    expect(calls).toHaveLength(0);
    expect(screen.getByTestId('new-error-NAME_CONTRACT_TYPE').textContent).toBe(
      'Champ obligatoire.',
    );
    expect(screen.getByTestId('new-error-DAYS_BIRTH').textContent).toBe('Champ obligatoire.');
    expect(screen.getByTestId('new-error-AMT_CREDIT').textContent).toContain('Saisissez un nombre');
    expect(field('NAME_CONTRACT_TYPE').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('NAME_CONTRACT_TYPE'));
    expect(screen.queryByTestId('new-probability')).toBeNull();
  });

  it('sends the filled fields only, the age as days, on "Évaluer" and not while typing', async () => {
    const calls = await renderPage();
    fillRequired();
    type('DAYS_EMPLOYED', '4');
    type('FLAG_OWN_REALTY', 'Y');
    expect(calls).toHaveLength(0);
    fireEvent.click(screen.getByTestId('new-submit'));
    await screen.findByTestId('new-probability');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({
      application: {
        NAME_CONTRACT_TYPE: 'Cash loans',
        AMT_INCOME_TOTAL: 300000,
        AMT_CREDIT: 450000,
        DAYS_BIRTH: -12784,
        DAYS_EMPLOYED: -1461,
        FLAG_OWN_REALTY: 'Y',
      },
      detail: 'reasons',
    });
  });

  it('shows the probability, the decision in words, points, band, sentence and reasons', async () => {
    await renderPage();
    fillRequired('1 200 000');
    fireEvent.click(screen.getByTestId('new-submit'));
    const probability = await screen.findByTestId('new-probability');
    expect(probability.getAttribute('data-probability')).toBe('0.2');
    expect(probability.textContent).toBe('20,0\u00a0%');
    const decision = screen.getByTestId('new-decision');
    expect(decision.getAttribute('data-decision')).toBe('refuse');
    expect(decision.textContent).toBe('Refusé');
    expect(screen.getByTestId('new-points').textContent).toBe('560 points');
    expect(screen.getByTestId('new-band').textContent).toContain('Fragile');
    expect(screen.getByTestId('new-sentence').textContent).toBe(
      'Sur 100 clients au même niveau de risque, environ 20 ne remboursent pas leur crédit.',
    );
    expect(screen.getByTestId('new-reasons').textContent).toContain(
      'Montant du crédit demandé : élevé au regard des revenus',
    );
    // Fields not given that the model weighs: listed to complete, never as reasons.
    expect(screen.getByTestId('new-to-complete').textContent).toContain(
      'Mensualité : Mensualité du crédit (+1,2 pp)',
    );
    expect(screen.getByTestId('new-reasons').textContent).not.toContain('Mensualité');
    // The gauge, with the numbers behind it.
    expect(screen.getByTestId('new-gauge')).toBeTruthy();
    expect(screen.getByText('Cette demande').closest('tr')?.textContent).toContain('20,0');
    // An edit after the result says the result no longer matches the form.
    type('AMT_CREDIT', '100 000');
    expect(screen.getByText(/a été modifiée depuis/)).toBeTruthy();
  });

  it('computes the instalment from a term typed in months', async () => {
    const calls = await renderPage();
    type('AMT_CREDIT', '360 000');
    fireEvent.change(screen.getByTestId('new-term'), { target: { value: '24' } });
    expect(field('AMT_ANNUITY').value).toBe('15000');
    expect(calls).toHaveLength(0);
  });

  it('shows a field the API refuses beside that field', async () => {
    await renderPage();
    fillRequired('200 000 000');
    fireEvent.click(screen.getByTestId('new-submit'));
    const error = await screen.findByTestId('new-error-AMT_CREDIT');
    expect(error.textContent).toContain('Valeur refusée');
    expect(error.textContent).toContain('outside [1, 100000000]');
    expect(field('AMT_CREDIT').getAttribute('aria-describedby')).toBe(error.id);
    expect(screen.queryByTestId('new-probability')).toBeNull();
    // Correcting the field clears its error.
    type('AMT_CREDIT', '200 000');
    expect(screen.queryByTestId('new-error-AMT_CREDIT')).toBeNull();
  });

  it("saves the application with an Idempotency-Key, then opens the new client's file", async () => {
    const calls = await renderPage();
    history.replaceState(null, '', '/new');
    fireEvent.click(screen.getByTestId('new-save'));
    // Nothing is sent while a required field is missing.
    expect(calls).toHaveLength(0);
    expect(screen.getByTestId('new-error-AMT_CREDIT').textContent).toBe('Champ obligatoire.');
    fillRequired();
    fireEvent.click(screen.getByTestId('new-save'));
    await vi.waitFor(() => expect(location.pathname).toBe('/clients/900000001'));
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.url)).toEqual(['/api/applications']);
    expect(posts[0]?.body).toEqual({
      application: {
        NAME_CONTRACT_TYPE: 'Cash loans',
        AMT_INCOME_TOTAL: 300000,
        AMT_CREDIT: 450000,
        DAYS_BIRTH: -12784,
      },
      detail: 'reasons',
    });
    expect(keysSent()).toHaveLength(1);
    expect(keysSent()[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the key for a retry of the same application and shows a refused field', async () => {
    const calls = await renderPage();
    fillRequired('200 000 000');
    fireEvent.click(screen.getByTestId('new-save'));
    const error = await screen.findByTestId('new-error-AMT_CREDIT');
    expect(error.textContent).toContain('outside [1, 100000000]');
    fireEvent.click(screen.getByTestId('new-save'));
    await vi.waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    const [first, second] = keysSent();
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
  });
});
