// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
