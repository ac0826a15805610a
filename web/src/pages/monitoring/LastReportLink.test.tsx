// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageProvider } from '../../i18n/language.tsx';
import { on, stubFetch } from '../../test-fetch.ts';
import { LastReportLink } from './LastReportLink.tsx';
import { report } from './test-fixtures.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** What GET /api/monitoring/latest says of a report. */
const latestOf = (r: ReturnType<typeof report>) => ({
  latest: { createdAt: r.createdAt, modelId: r.model.id, status: r.summary.status },
});

const show = (modelId: string) =>
  render(
    <LanguageProvider>
      <LastReportLink modelId={modelId} />
    </LanguageProvider>,
  );

describe("the model card's link to the last report", () => {
  it('gives the last report’s light and says when it measured another model', async () => {
    stubFetch(on('GET', '/api/monitoring/latest', () => ({ body: latestOf(report()) })));
    show('m-20261204-100000-bbbb');
    const section = await screen.findByTestId('model-monitoring');
    await waitFor(() => expect(section.querySelector('[data-light="red"]')).toBeTruthy());
    expect(section.textContent).toContain(
      '(il porte sur le modèle m-20261128-031500-ab12, pas sur celui-ci)',
    );
    expect(screen.getByRole('link').getAttribute('href')).toBe('/monitoring');
  });

  it('says nothing about another model when the report measured this one', async () => {
    stubFetch(on('GET', '/api/monitoring/latest', () => ({ body: latestOf(report()) })));
    show('m-20261128-031500-ab12');
    const section = await screen.findByTestId('model-monitoring');
    await waitFor(() => expect(section.querySelector('[data-light]')).toBeTruthy());
    expect(section.textContent).not.toContain('pas sur celui-ci');
  });

  it('says when no report exists yet', async () => {
    stubFetch(on('GET', '/api/monitoring/latest', () => ({ body: { latest: null } })));
    show('m-20261128-031500-ab12');
    expect(
      await screen.findByText("Aucun rapport de surveillance n'a encore été calculé."),
    ).toBeTruthy();
  });
});
