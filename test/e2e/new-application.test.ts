/**
 * A new application saved from the dashboard, end to end in Chromium (issue 15): an adviser types
 * it on /new, saves it, and lands on the new client's file (an id from 900 000 000) with the score
 * the API stored; the client list, newest first, marks it as a new application. Screenshots of the
 * page and of the file at desktop and phone width, without sideways scroll.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiGet,
  browserMissing,
  type E2e,
  PHONE,
  screenshot,
  scrollsSideways,
  startE2e,
  watchFailures,
} from './harness.ts';

async function fill(page: Page): Promise<void> {
  await page.getByTestId('new-field-NAME_CONTRACT_TYPE').selectOption('Cash loans');
  await page.getByTestId('new-field-AMT_INCOME_TOTAL').fill('180 000');
  await page.getByTestId('new-field-AMT_CREDIT').fill('540000');
  await page.getByTestId('new-field-DAYS_BIRTH').fill('29');
  await page.getByTestId('new-field-AMT_ANNUITY').fill('27000');
  await page.getByTestId('new-field-NAME_INCOME_TYPE').selectOption('Working');
}

describe.skipIf(browserMissing() !== null)('new application saved (Chromium)', () => {
  let e2e: E2e;
  let adviser: BrowserContext;

  beforeAll(async () => {
    e2e = await startE2e('creditlens-e2e-new-app-');
    adviser = await e2e.loggedIn('adviser');
  });
  afterEach(() => {
    expect(e2e.pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await adviser?.close();
    await e2e?.close();
  });

  it('saves the application and opens the new client file with the stored score', async () => {
    const page = await adviser.newPage();
    const failures = watchFailures(page);
    await page.goto('/new');
    await fill(page);
    await screenshot(page, '15-new-application-save');
    await page.getByTestId('new-save').click();
    await page.waitForURL(/\/clients\/9\d{8}(\/|$)/);
    const id = Number(/\/clients\/(\d+)/.exec(page.url())?.[1]);
    expect(id).toBeGreaterThanOrEqual(900_000_000);
    const shown = page.getByTestId('score-probability');
    await shown.waitFor();
    const score = await apiGet<{ probability: number; decision: string }>(
      adviser,
      `/api/clients/${id}/score`,
    );
    const file = await apiGet<{ split: string }>(adviser, `/api/clients/${id}`);
    expect(file.split).toBe('new');
    expect(
      await page
        .getByTestId('client-id')
        .filter({ hasText: String(id) })
        .count(),
    ).toBe(1);
    expect(score.decision).toMatch(/^(grant|refuse)$/);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, '15-new-client-file');

    // Every tab of the file answers for a new applicant, none with an error.
    for (const tab of ['profile', 'compare', 'whatif', 'decision']) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.waitForURL(new RegExp(`/clients/${id}/${tab}$`));
      await page.waitForLoadState('networkidle');
      expect(await page.getByTestId('error-message').count(), tab).toBe(0);
      if (tab === 'compare') await screenshot(page, '15-new-client-compare');
    }

    await page.goto('/clients?sort=-id');
    const row = page.locator(`[data-client-id="${id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('client-new').textContent()).toBe('nouvelle demande');
    await screenshot(page, '15-client-list-new', { fullPage: false });
    expect(failures).toEqual([]);
    await page.close();
  });

  it('fits a phone: the form with its two actions, and the new file', async () => {
    const phone = await e2e.loggedIn('adviser', { viewport: PHONE });
    const page = await phone.newPage();
    await page.goto('/new');
    await fill(page);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, '15-new-application-save-phone');
    await page.getByTestId('new-save').click();
    await page.waitForURL(/\/clients\/9\d{8}(\/|$)/);
    await page.getByTestId('score-probability').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, '15-new-client-file-phone', { fullPage: false });
    await phone.close();
  });
});
