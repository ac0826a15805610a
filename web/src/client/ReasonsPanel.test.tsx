// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reason } from '../api/types.ts';
import { EXPLANATION } from './fixtures/answers.ts';
import { renderPanel } from './panel-test-support.tsx';
import { ReasonsPanel } from './ReasonsPanel.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const URL = '/api/clients/100302/explanation';

describe('ReasonsPanel', () => {
  it('lists the adverse reasons first, then the favourable ones, as the API words them', async () => {
    renderPanel(<ReasonsPanel clientId={100302} />, {
      [`GET ${URL}`]: { status: 200, body: EXPLANATION },
    });
    const adverse = await screen.findByTestId('reasons-adverse');
    const favourable = screen.getByTestId('reasons-favourable');
    const adverseItems = within(adverse).getAllByTestId('reason');
    const favourableItems = within(favourable).getAllByTestId('reason');
    expect(adverseItems.map((li) => li.getAttribute('data-key'))).toEqual(['EXT_SOURCE_2']);
    expect(favourableItems.map((li) => li.getAttribute('data-key'))).toEqual([
      'AMT_CREDIT',
      'INST_LOANS_COUNT',
      'EXT_SOURCE_1',
    ]);
    expect(adverseItems[0]?.textContent).toContain('Score externe n°2 : 0,65');
    expect(adverseItems[0]?.textContent).toContain('+7,9 pp');
    expect(favourableItems[0]?.textContent).toContain('−1,3 pp');
    // Adverse comes first in reading order.
    const all = screen.getAllByTestId('reason');
    expect(all[0]?.getAttribute('data-key')).toBe('EXT_SOURCE_2');
  });

  it('says so in a sentence when a side is empty, in English too', async () => {
    renderPanel(
      <ReasonsPanel clientId={100302} />,
      {
        [`GET ${URL}`]: {
          status: 200,
          body: { ...EXPLANATION, reasons: { ...EXPLANATION.reasons, adverse: [] } },
        },
      },
      { language: 'en' },
    );
    expect((await screen.findByTestId('reasons-adverse')).textContent).toBe(
      'Nothing in the file raises the risk noticeably.',
    );
    expect(screen.getAllByTestId('reason')[0]?.textContent).toContain(
      'Requested credit amount: €522,079',
    );
  });
});

describe('ReasonsPanel, reason codes', () => {
  it("heads each reason by its code's statement, the value and reference beneath, with the code", async () => {
    const notExplainable = {
      ...(EXPLANATION.reasons.favourable[1] as Reason),
      key: 'WEEKDAY_APPR_PROCESS_START',
      code: 'R-APP-WEEKDAY',
      clientExplainable: false,
    };
    renderPanel(<ReasonsPanel clientId={100302} />, {
      [`GET ${URL}`]: {
        status: 200,
        body: {
          ...EXPLANATION,
          reasons: {
            ...EXPLANATION.reasons,
            favourable: [...EXPLANATION.reasons.favourable, notExplainable],
          },
        },
      },
    });
    const [first] = within(await screen.findByTestId('reasons-adverse')).getAllByTestId('reason');
    expect(first?.querySelector('.reason-statement')?.textContent).toBe(
      'Les scores de crédit établis par des organismes externes sont faibles',
    );
    expect(first?.querySelector('.reason-detail')?.textContent).toBe(
      'Score externe n°2 : 0,65, contre 0,55 pour les clients qui ont remboursé',
    );
    expect(first?.querySelector('.reason-code')?.textContent).toBe('R-EXT-SCORE');
    // What the external scores are, under the reason.
    expect(within(first as HTMLElement).getByTestId('reason-note').textContent).toMatch(
      /^Scores calculés par des organismes externes/,
    );
    // Only the reason a client cannot be given is marked so.
    const marked = screen.getAllByTestId('reason-not-told');
    expect(marked).toHaveLength(1);
    expect(marked[0]?.closest('li')?.getAttribute('data-code')).toBe('R-APP-WEEKDAY');
    // What the client is told: the client's view, with the pooled line.
    const told = screen.getByTestId('reasons-told');
    expect(
      within(told)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('data-code')),
    ).toEqual(['R-EXT-SCORE', 'R-LOAN-AMOUNT', 'R-HIST-LOANS']);
    expect(within(told).getByTestId('reasons-others').textContent).toMatch(
      /^Autres éléments du dossier \(5 éléments\)/,
    );
  });

  it("says a code's statement once when two of its units are reasons", async () => {
    const first = EXPLANATION.reasons.adverse[0] as Reason;
    const second = {
      ...first,
      key: 'EXT_SOURCE_MIN',
      textFr: 'Plus bas des scores externes : 0,2',
    };
    renderPanel(<ReasonsPanel clientId={100302} />, {
      [`GET ${URL}`]: {
        status: 200,
        body: { ...EXPLANATION, reasons: { ...EXPLANATION.reasons, adverse: [first, second] } },
      },
    });
    const items = within(await screen.findByTestId('reasons-adverse')).getAllByTestId('reason');
    expect(items.map((li) => li.querySelectorAll('.reason-statement').length)).toEqual([1, 0]);
    expect(items[1]?.querySelector('.reason-detail')?.textContent).toBe(
      'Plus bas des scores externes : 0,2',
    );
  });

  it("shows a customer only the client's view, and the other elements pooled", async () => {
    renderPanel(
      <ReasonsPanel clientId={100302} />,
      {
        [`GET ${URL}`]: {
          status: 200,
          body: { ...EXPLANATION, view: 'client', reasons: EXPLANATION.clientReasons },
        },
      },
      { role: 'customer' },
    );
    await screen.findByTestId('reasons-adverse');
    expect(screen.getAllByTestId('reason').map((li) => li.getAttribute('data-code'))).toEqual([
      'R-EXT-SCORE',
      'R-LOAN-AMOUNT',
      'R-HIST-LOANS',
    ]);
    expect(screen.queryByTestId('reasons-told')).toBeNull();
    expect(screen.queryByText('R-EXT-SCORE')).toBeNull();
    expect(screen.getByTestId('reasons-others').textContent).toMatch(
      /^Autres éléments du dossier \(5 éléments\)/,
    );
  });
});
