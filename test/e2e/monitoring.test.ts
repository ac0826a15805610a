/**
 * The admin's monitoring page in a real browser (issue 15): new applications stored through the
 * API (POST /api/applications), outcomes of the granted ones recorded (POST /api/outcomes), then
 * /monitoring reached from the header computes the report of the last 30 days (the form's
 * default) and shows its lights, charts with their tables, and the back-test. Screenshots at
 * desktop and phone width.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  browserMissing,
  DESKTOP,
  type E2e,
  PHONE,
  screenshot,
  scrollsSideways,
  startE2e,
  watchFailures,
} from './harness.ts';

/** The elements wider than the window (tag.class and right edge), to say what scrolls sideways. */
function sticksOut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .slice(0, 8)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${e.className} → ${Math.round(e.getBoundingClientRect().right)}`,
      );
  });
}

/** Seeded applications: a spread of incomes, amounts, ages and external scores. */
function applications(count: number): Record<string, string | number>[] {
  let state = 42;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return Array.from({ length: count }, () => {
    const income = Math.round(60_000 + 240_000 * next());
    const credit = Math.round(income * (1 + 4 * next()));
    return {
      NAME_CONTRACT_TYPE: next() < 0.9 ? 'Cash loans' : 'Revolving loans',
      AMT_INCOME_TOTAL: income,
      AMT_CREDIT: credit,
      AMT_ANNUITY: Math.round(credit / (12 + 36 * next())),
      DAYS_BIRTH: -Math.round(365 * (21 + 45 * next())),
      DAYS_EMPLOYED: -Math.round(365 * 10 * next()),
      EXT_SOURCE_2: Number((0.05 + 0.8 * next()).toFixed(3)),
      EXT_SOURCE_3: Number((0.05 + 0.8 * next()).toFixed(3)),
    };
  });
}

describe.skipIf(browserMissing() !== null)('monitoring page (Chromium)', () => {
  let e2e: E2e;
  let admin: BrowserContext;

  beforeAll(async () => {
    e2e = await startE2e('creditlens-e2e-monitoring-');
    admin = await e2e.loggedIn('admin');
    // 50 applications: within the per-user burst of expensive requests.
    const saved: { clientId: number; decision: string; probability: number }[] = [];
    for (const application of applications(50)) {
      const reply = await admin.request.post('/api/applications', { data: { application } });
      if (!reply.ok())
        throw new Error(`POST /api/applications: ${reply.status()} ${await reply.text()}`);
      const body = await reply.json();
      saved.push({
        clientId: body.clientId,
        decision: body.score.decision,
        probability: body.score.probability,
      });
    }
    const today = new Date().toISOString().slice(0, 10);
    // Outcomes of the granted loans: defaults three times as frequent as predicted.
    const outcomes = saved
      .filter((s) => s.decision === 'grant')
      .map((s, i) => ({
        clientId: s.clientId,
        defaulted: i % 3 === 0 || s.probability > 0.06 ? 1 : 0,
        date: today,
      }));
    const recorded = await admin.request.post('/api/outcomes', { data: { outcomes } });
    if (!recorded.ok())
      throw new Error(`POST /api/outcomes: ${recorded.status()} ${await recorded.text()}`);
  }, 300_000);
  afterEach(() => {
    expect(e2e.pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await admin?.close();
    await e2e?.close();
  });

  it('computes the report of the stored applications from the page and shows lights, charts, tables and the back-test', async () => {
    const page = await admin.newPage();
    const failures = watchFailures(page);
    await page.goto('/');
    await page.getByTestId('nav-monitoring').click();
    await page.waitForURL(/\/monitoring$/);
    // No report yet: the page says so (GET /api/monitoring/latest answers null), then computes one.
    await page.getByTestId('monitoring-none').waitFor();
    await page.getByRole('button', { name: 'Calculer' }).click();
    const summary = page.getByTestId('monitoring-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toMatch(/50\s+demandes comparées/);
    // New applicants carry no credit history: the summary says which features are gone.
    expect(await page.getByTestId('monitoring-gone').textContent()).toMatch(
      /variables manquent pour toutes les demandes de la fenêtre/,
    );
    await page.getByTestId('psi-chart').locator('svg').waitFor();
    await page.getByTestId('band-mix-chart').locator('svg').waitFor();
    await page.getByTestId('performance-auc').waitFor();
    await page.getByTestId('reliability-chart').locator('svg').waitFor();
    expect(
      await page.getByTestId('jeffreys-table').locator('[data-light]').count(),
    ).toBeGreaterThan(0);
    // Every chart has its table.
    for (const id of ['psi-table', 'band-mix-table', 'reliability-table']) {
      const summary = page.getByTestId(id).locator('summary');
      await summary.click();
      expect(await page.getByTestId(id).locator('tbody tr').count(), id).toBeGreaterThan(0);
      // Closed again: the screenshots show the page as it opens.
      await summary.click();
    }
    // Not even a 404: the page asks whether a report exists before asking for it.
    expect(failures).toEqual([]);
    for (const [size, name] of [
      [DESKTOP, '15-monitoring'],
      [PHONE, '15-monitoring-phone'],
    ] as const) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      await screenshot(page, name);
      expect(
        await scrollsSideways(page),
        `${name} scrolls sideways: ${await sticksOut(page)}`,
      ).toBe(false);
    }
    await page.close();
  });
});
