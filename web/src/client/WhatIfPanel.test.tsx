// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CategoriesProvider } from '../api/categories.tsx';
import { CATEGORIES } from '../api/test-fixtures.ts';
import type { Recourse, Score, WhatIfAnswer } from '../api/types.ts';
import { LanguageProvider } from '../i18n/language.tsx';
import { clientFile } from './compare/test-fixtures.ts';
import { SCORE_REFUSE } from './fixtures/answers.ts';
import { WhatIfPanel } from './WhatIfPanel.tsx';

const realScore: Score = {
  ...SCORE_REFUSE,
  clientId: 100002,
  probability: 0.123,
  rawProbability: 0.1,
  points: 560,
  band: 'fair',
  decision: 'grant',
  recommendation: null,
  threshold: 0.18,
};

/** A client's view with nothing pooled (the panel shows the adviser's reasons). */
const NO_OTHERS = {
  labelFr: 'Autres éléments du dossier',
  labelEn: 'Other elements of the file',
  count: 0,
  logOdds: 0,
  points: 0,
  probabilityPoints: 0,
};

const FILE_LOAN = { AMT_CREDIT: 406_597.5, AMT_ANNUITY: 24_700.5, AMT_GOODS_PRICE: 351_000 };

/**
 * The what-if as the API answers it: the probability grows with the amount asked; a new amount
 * alone keeps the term and a goods price that follows (the loan rule), unless unlocked.
 */
function whatIf(changes: Record<string, unknown>, loan?: { goodsPrice?: string }): WhatIfAnswer {
  const credit = Number(changes.AMT_CREDIT ?? 406_597.5);
  const ratio = credit / FILE_LOAN.AMT_CREDIT;
  const derived: WhatIfAnswer['changed'] = [];
  if (changes.AMT_CREDIT !== undefined && changes.AMT_ANNUITY === undefined)
    derived.push({
      field: 'AMT_ANNUITY',
      before: FILE_LOAN.AMT_ANNUITY,
      after: Math.round(FILE_LOAN.AMT_ANNUITY * ratio * 100) / 100,
      derived: 'same-term',
    });
  if (changes.AMT_CREDIT !== undefined && loan?.goodsPrice !== 'keep')
    derived.push({
      field: 'AMT_GOODS_PRICE',
      before: FILE_LOAN.AMT_GOODS_PRICE,
      after: Math.round(FILE_LOAN.AMT_GOODS_PRICE * ratio * 100) / 100,
      derived: 'follows-amount',
    });
  const probability = Math.min(0.9, (0.123 * credit) / 406_597.5);
  return {
    clientId: 100002,
    modelVersion: 'm-test',
    history: 'stored',
    view: 'adviser',
    changed: [
      ...Object.entries(changes).map(([field, after]) => ({
        field,
        before: null,
        after: after as number,
        derived: null,
      })),
      ...derived,
    ],
    outOfRange:
      credit > 5_000_000
        ? [
            {
              feature: 'AMT_CREDIT',
              fields: ['AMT_CREDIT'],
              value: credit,
              p1: 50_000,
              p99: 2_000_000,
              textFr: `Montant du crédit demandé : ${credit} € — hors des situations connues du modèle`,
              textEn: `Credit amount: €${credit} — outside the situations the model knows`,
            },
          ]
        : [],
    score: {
      probability,
      rawProbability: probability,
      points: 560 - 100 * (probability - 0.123),
      band: 'fair',
      decision: probability >= 0.18 ? 'refuse' : 'grant',
      recommendation: null,
      threshold: 0.18,
    },
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
          textFr: 'Montant demandé élevé',
          textEn: 'High amount requested',
          labelFr: 'Montant du crédit',
          labelEn: 'Credit amount',
          valueFr: `${Math.round(credit)} €`,
          valueEn: `€${Math.round(credit)}`,
          referenceFr: null,
          referenceEn: null,
          logOdds: 0.2,
          points: -5.8,
          probabilityPoints: 3,
          sensitive: false,
        },
      ],
      favourable: [],
    },
    clientReasons: { adverse: [], favourable: [], others: NO_OTHERS },
  };
}

let posted: Record<string, unknown>[] = [];
let score: Score = realScore;
let recourse: Recourse | null = null;

beforeEach(() => {
  posted = [];
  score = realScore;
  recourse = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
      if (url === '/api/categories') return json(CATEGORIES);
      if (url === '/api/clients/100002') return json(clientFile);
      if (url === '/api/clients/100002/score') return json(score);
      if (url === '/api/clients/100002/recourse' && recourse) return json(recourse);
      if (url === '/api/score' && init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as {
          changes: Record<string, unknown>;
          loan?: { goodsPrice?: string };
        };
        posted.push(body);
        const credit = body.changes.AMT_CREDIT;
        if (typeof credit === 'number' && credit < 1) {
          return json(
            {
              error: {
                code: 'BAD_REQUEST',
                message: `application field AMT_CREDIT: ${credit} is outside its range [1, 100000000]`,
                field: 'body.changes.AMT_CREDIT',
              },
            },
            400,
          );
        }
        return json(whatIf(body.changes, body.loan));
      }
      return json({ error: { code: 'NOT_FOUND', message: 'no route' } }, 404);
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
        <WhatIfPanel clientId={100002} />
      </CategoriesProvider>
    </LanguageProvider>,
  );
}

const credit = () => screen.getByTestId('whatif-field-AMT_CREDIT') as HTMLInputElement;
const annuity = () => screen.getByTestId('whatif-field-AMT_ANNUITY') as HTMLInputElement;
const probability = () => screen.getByTestId('whatif-probability').dataset.probability;

describe('WhatIfPanel', () => {
  it('prefills the file, sends only the changed field, and shows the new score against the real one', async () => {
    renderPanel();
    await waitFor(() => expect(credit().value).toBe('406597.5'));
    await waitFor(() => expect(probability()).toBe('0.123'));
    fireEvent.change(credit(), { target: { value: '813 195' } });
    await waitFor(() => expect(probability()).toBe(String(0.246)));
    expect(posted).toEqual([
      { clientId: 100002, changes: { AMT_CREDIT: 813_195 }, detail: 'reasons' },
    ]);
    expect(screen.getByTestId('whatif-decision').dataset.decision).toBe('refuse');
    expect(screen.getByTestId('whatif-delta').textContent).toContain(
      '+12,3 point(s) de pourcentage',
    );
    expect(screen.getByTestId('whatif-reasons').textContent).toContain('Montant demandé élevé');
    expect(screen.getByRole('note').textContent).toContain("rien n'est enregistré");
  });

  it("shows the API's refusal beside the field it names", async () => {
    renderPanel();
    await waitFor(() => expect(credit().value).toBe('406597.5'));
    fireEvent.change(credit(), { target: { value: '0' } });
    const message = await screen.findByTestId('whatif-error-AMT_CREDIT');
    expect(message.textContent).toContain('outside its range');
    expect(credit().getAttribute('aria-invalid')).toBe('true');
    expect(credit().getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
  });

  it('does not send a field that is not a number, and says so beside it', async () => {
    renderPanel();
    await waitFor(() => expect(credit().value).toBe('406597.5'));
    fireEvent.change(credit(), { target: { value: '40 mille' } });
    expect((await screen.findByTestId('whatif-error-AMT_CREDIT')).textContent).toContain(
      'Saisissez un nombre',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(posted).toEqual([]);
  });

  it('says a small change with one decimal and true minus signs, and keeps its gist on top', async () => {
    renderPanel();
    await waitFor(() => expect(probability()).toBe('0.123'));
    fireEvent.change(credit(), { target: { value: '400000' } });
    await waitFor(() => expect(screen.getByTestId('whatif-delta')).toBeTruthy());
    const delta = screen.getByTestId('whatif-delta').textContent ?? '';
    expect(delta).toContain('\u22120,2 point(s) de pourcentage');
    expect(delta).toContain('+0,2 points de score');
    expect(delta).not.toMatch(/[+-]0 points/);
    // The compact summary (shown on narrow screens) follows the simulated result.
    expect(screen.getByTestId('whatif-summary').textContent).toMatch(/12,1\s%.*Accordé/);
  });

  it('shows the term in whole months, and as typed while the person types it', async () => {
    renderPanel();
    const term = () => screen.getByTestId('whatif-term') as HTMLInputElement;
    await waitFor(() => expect(term().value).toBe('16'));
    fireEvent.change(term(), { target: { value: '16,5' } });
    fireEvent.blur(term());
    expect(term().value).toBe('16,5');
    // The loan rule: a new amount keeps the term typed, and its annuity follows the amount.
    fireEvent.change(credit(), { target: { value: '500000' } });
    expect(term().value).toBe('16,5');
    expect(annuity().value).toBe('30303.03');
  });

  it("keeps the file's term when the amount changes, and shows what the rule derived under each field", async () => {
    renderPanel();
    const term = () => screen.getByTestId('whatif-term') as HTMLInputElement;
    await waitFor(() => expect(term().value).toBe('16'));
    expect(screen.getByTestId('whatif-note-AMT_CREDIT').textContent).toContain(
      'Changer le montant garde la durée',
    );
    fireEvent.change(credit(), { target: { value: '203298.75' } });
    // Only the amount is sent: the API recomputes the annuity for the same term.
    await waitFor(() =>
      expect(posted.at(-1)).toEqual({
        clientId: 100002,
        changes: { AMT_CREDIT: 203_298.75 },
        detail: 'reasons',
      }),
    );
    expect(term().value).toBe('16');
    await waitFor(() =>
      expect(screen.getByTestId('whatif-note-AMT_ANNUITY').textContent).toBe(
        'Recalculée pour la même durée : 12\u202f350 (au lieu de 24\u202f701)',
      ),
    );
    expect(annuity().getAttribute('aria-describedby')).toBe('whatif-AMT_ANNUITY-note');
    expect(screen.getByTestId('whatif-note-AMT_GOODS_PRICE').textContent).toContain(
      'Suit le montant : 175\u202f500 (au lieu de 351\u202f000)',
    );
    // Unlocked, the goods price stays: the API is told so.
    fireEvent.click(screen.getByTestId('whatif-goods-follow'));
    await waitFor(() =>
      expect(posted.at(-1)).toEqual({
        clientId: 100002,
        changes: { AMT_CREDIT: 203_298.75 },
        loan: { goodsPrice: 'keep' },
        detail: 'reasons',
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('whatif-note-AMT_GOODS_PRICE').textContent).not.toContain(
        'Suit le montant',
      ),
    );
  });

  it('says when a value is outside the situations the model knows', async () => {
    renderPanel();
    await waitFor(() => expect(credit().value).toBe('406597.5'));
    fireEvent.change(credit(), { target: { value: '9000000' } });
    const flagged = await screen.findByTestId('whatif-out-of-range');
    expect(flagged.textContent).toContain('hors des situations connues du modèle');
    fireEvent.change(credit(), { target: { value: '400000' } });
    await waitFor(() => expect(screen.queryByTestId('whatif-out-of-range')).toBeNull());
  });

  it('turns a new term into the annuity for the same amount', async () => {
    renderPanel();
    await waitFor(() => expect(credit().value).toBe('406597.5'));
    fireEvent.change(screen.getByTestId('whatif-term'), { target: { value: '36' } });
    const annuity = screen.getByTestId('whatif-field-AMT_ANNUITY') as HTMLInputElement;
    expect(annuity.value).toBe('11294.38');
    await waitFor(() =>
      expect(posted).toEqual([
        { clientId: 100002, changes: { AMT_ANNUITY: 11_294.38 }, detail: 'reasons' },
      ]),
    );
  });

  it('resets to the real file', async () => {
    renderPanel();
    await waitFor(() => expect(credit().value).toBe('406597.5'));
    fireEvent.change(credit(), { target: { value: '813195' } });
    await waitFor(() => expect(probability()).toBe(String(0.246)));
    fireEvent.click(screen.getByTestId('whatif-reset'));
    expect(credit().value).toBe('406597.5');
    await waitFor(() => expect(probability()).toBe('0.123'));
    expect(screen.queryByTestId('whatif-delta')).toBeNull();
  });

  it('applies a recourse suggestion of a refused file to the form in one click', async () => {
    score = { ...realScore, probability: 0.25, decision: 'refuse' };
    recourse = {
      clientId: 100002,
      modelVersion: 'm-test',
      evaluations: 40,
      decision: 'refuse',
      probability: 0.25,
      threshold: 0.18,
      ppFromThreshold: 7,
      complete: true,
      proposals: [
        {
          kind: 'lower-amount',
          changes: { AMT_CREDIT: 300_000, AMT_ANNUITY: 18_000, AMT_GOODS_PRICE: 260_000 },
          changed: [
            { field: 'AMT_CREDIT', before: 406_597.5, after: 300_000, derived: null },
            { field: 'AMT_ANNUITY', before: 24_700.5, after: 18_000, derived: 'same-term' },
            {
              field: 'AMT_GOODS_PRICE',
              before: 351_000,
              after: 260_000,
              derived: 'follows-amount',
            },
          ],
          probability: 0.09,
          ppFromThreshold: -9,
          points: 580,
          textFr: 'Avec un montant de 300 000, le crédit serait accordé.',
          textEn: 'With an amount of 300,000 the loan would be accepted.',
        },
      ],
    };
    renderPanel();
    // How far from the threshold, before and with the proposal, in percentage points.
    expect((await screen.findByTestId('recourse-gap')).textContent).toBe(
      "La demande est aujourd'hui à 7,0 points de pourcentage au-dessus du seuil.",
    );
    expect(screen.getByTestId('whatif-recourse').textContent).toContain(
      '9,0 points de pourcentage sous le seuil',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Essayer dans la simulation' }));
    expect(credit().value).toBe('300000');
    await waitFor(() =>
      expect(posted.at(-1)?.changes).toEqual({
        AMT_CREDIT: 300_000,
        AMT_ANNUITY: 18_000,
        AMT_GOODS_PRICE: 260_000,
      }),
    );
  });
});
