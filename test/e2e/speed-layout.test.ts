/**
 * The issue's speed and layout bar, measured in a real browser: first load ≤ 1.5 s, switching
 * client ≤ 300 ms, the first route's JavaScript ≤ 150 kB gzipped and each lazily loaded page's ≤
 * 120 kB (js-budget.ts), no horizontal scroll at 1280×800 nor at tablet width; and the model page.
 * Prints the figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiGet,
  browserMissing,
  chartsWithoutNumbers,
  DESKTOP,
  type E2e,
  lowContrastTexts,
  screenshot,
  scrollsSideways,
  startE2e,
  TABLET,
} from './harness.ts';
import { describeJs, type Manifest, measureJs, overBudget } from './js-budget.ts';

const FIRST_LOAD_MS = 1500;
const SWITCH_MS = 300;
const TABS = ['summary', 'profile', 'compare', 'whatif', 'decision'] as const;

/** Milliseconds from an in-app navigation to `id` until its score is on screen (in the page). */
function switchTo(page: Page, id: number, probability: number): Promise<number> {
  return page.evaluate(
    async ([to, p]) => {
      const done = () =>
        document.querySelector('[data-testid="client-id"]')?.textContent?.trim() === String(to) &&
        Number(
          document
            .querySelector('[data-testid="score-probability"]')
            ?.getAttribute('data-probability'),
        ) === p;
      const start = performance.now();
      // What the router's navigate() and the back button do: a history entry, then popstate.
      history.pushState(null, '', `/clients/${to}`);
      dispatchEvent(new PopStateEvent('popstate'));
      await new Promise<void>((resolve) => {
        if (done()) return resolve();
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      });
      return performance.now() - start;
    },
    [id, probability] as const,
  );
}

describe.skipIf(browserMissing() !== null)('speed and layout (Chromium)', () => {
  let e2e: E2e;
  let adviser: BrowserContext;
  let ids: number[];

  beforeAll(async () => {
    e2e = await startE2e('creditlens-e2e-speed-');
    adviser = await e2e.loggedIn('adviser');
    const list = await apiGet<{ clients: { id: number }[] }>(adviser, '/api/clients?pageSize=8');
    ids = list.clients.map((c) => c.id);
  });
  afterEach(() => {
    // No page threw: an uncaught exception is a bug even when the page still looks right.
    expect(e2e.pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await adviser?.close();
    await e2e?.close();
  });

  it('keeps the first route within 150 kB of gzipped JavaScript and each lazy page within 120 kB', async () => {
    const { distDir } = e2e;
    const manifest = JSON.parse(
      readFileSync(join(distDir, '.vite/manifest.json'), 'utf8'),
    ) as Manifest;
    const costs = measureJs(
      manifest,
      (file) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length,
    );
    console.log(`JavaScript, gzipped:\n  ${describeJs(costs).join('\n  ')}`);
    // The browser agrees with the manifest: the search page, logged in and settled, has loaded
    // the first route's scripts and no other.
    const page = await adviser.newPage();
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push(new URL(response.url()).pathname.slice(1));
    });
    await page.goto('/clients');
    await page.getByTestId('clients-table').waitFor();
    await page.waitForLoadState('networkidle');
    await page.close();
    expect(scripts.sort()).toEqual([...costs.firstRoute.files].sort());
    // Every lazy page is measured (client file, model, new application, admin pages…).
    expect(costs.pages.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'src/pages/ClientPage.tsx',
        'src/pages/ModelPage.tsx',
        'src/pages/admin/UsersPage.tsx',
        'src/pages/admin/ModelsPage.tsx',
      ]),
    );
    expect(overBudget(costs)).toEqual([]);
  });

  it('shows a client page within 1.5 s of navigating to it, and switches client within 300 ms', async () => {
    const first = ids[0] as number;
    const score = await apiGet<{ probability: number }>(adviser, `/api/clients/${first}/score`);
    // A fresh page in the logged-in context: nothing of the app cached yet. The page notes when
    // the score appears, on its own clock (0 = navigation start): the harness's round trips to
    // the browser are not the app's time.
    const page = await adviser.newPage();
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[data-testid="score-probability"][data-probability]')) return;
        (window as unknown as { scoreShownAt: number }).scoreShownAt = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true });
    });
    const start = performance.now();
    await page.goto(`/clients/${first}`);
    await page.locator(`[data-testid="score-probability"][data-probability]`).waitFor();
    const seenByTest = performance.now() - start;
    const firstLoad = await page.evaluate(
      () => (window as unknown as { scoreShownAt: number }).scoreShownAt,
    );
    expect(
      Number(await page.getByTestId('score-probability').getAttribute('data-probability')),
    ).toBe(score.probability);

    const switches: number[] = [];
    for (const id of ids.slice(1, 6)) {
      const { probability } = await apiGet<{ probability: number }>(
        adviser,
        `/api/clients/${id}/score`,
      );
      switches.push(await switchTo(page, id, probability));
    }
    const sorted = [...switches].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    console.log(
      `first load ${firstLoad.toFixed(0)} ms from navigation start to the score (${seenByTest.toFixed(0)} ms as the test saw it; budget ${FIRST_LOAD_MS}); switching client: median ${median.toFixed(0)} ms, worst ${(sorted.at(-1) as number).toFixed(0)} ms over ${switches.length} (budget ${SWITCH_MS})`,
    );
    expect(firstLoad).toBeLessThanOrEqual(FIRST_LOAD_MS);
    // The median: one switch slowed by the other tests sharing two cores is not the app's doing.
    expect(median).toBeLessThanOrEqual(SWITCH_MS);
    await page.close();
  });

  it('has no horizontal scroll on any tab at 1280×800 nor at tablet width, and tables behind every chart', async () => {
    const id = ids[1] as number;
    const page = await adviser.newPage();
    const wide: string[] = [];
    const bare: string[] = [];
    let drawn = 0;
    for (const size of [DESKTOP, TABLET]) {
      await page.setViewportSize(size);
      for (const tab of TABS) {
        await page.goto(`/clients/${id}${tab === 'summary' ? '' : `/${tab}`}`);
        await page.getByTestId(`tab-${tab}`).waitFor();
        // Let the panel's data and charts arrive before measuring.
        await page.waitForLoadState('networkidle');
        if (await scrollsSideways(page)) wide.push(`${tab} at ${size.width}×${size.height}`);
        if (size === DESKTOP) {
          const { charts, missing } = await chartsWithoutNumbers(page);
          drawn += charts;
          bare.push(...missing.map((label) => `${tab}: ${label}`));
        }
        if (size === TABLET && (tab === 'summary' || tab === 'compare')) {
          await screenshot(page, `11-tablet-${tab}`);
        }
      }
      await page.goto('/clients');
      await page.getByTestId('clients-table').waitFor();
      await page.waitForLoadState('networkidle');
      if (await scrollsSideways(page)) wide.push(`search at ${size.width}×${size.height}`);
    }
    await screenshot(page, '11-tablet-search');
    await page.close();
    expect(wide).toEqual([]);
    // Every chart with the numbers behind it, as a table (checked on the way, at desktop size).
    expect(drawn).toBeGreaterThanOrEqual(4);
    expect(bare).toEqual([]);
  });

  it('keeps every text at WCAG AA contrast on each page, in French and English', async () => {
    const id = ids[1] as number;
    const page = await adviser.newPage();
    const failures: string[] = [];
    const pages = [
      '/clients',
      ...TABS.map((t) => `/clients/${id}${t === 'summary' ? '' : `/${t}`}`),
      '/model',
      '/new',
    ];
    for (const language of ['fr', 'en']) {
      await page.goto('/clients');
      await page.evaluate((l) => localStorage.setItem('creditlens.language', l), language);
      for (const path of pages) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        failures.push(...(await lowContrastTexts(page)).map((f) => `${language} ${path} ${f}`));
      }
    }
    // The detector sees a real failure: light grey on white (2.3:1) is reported.
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.textContent = 'contrast probe';
      probe.style.color = '#aaaaaa';
      document.body.append(probe);
    });
    expect((await lowContrastTexts(page)).some((f) => f.includes('contrast probe'))).toBe(true);
    await page.evaluate(() => localStorage.setItem('creditlens.language', 'fr'));
    await page.close();
    // The login page, logged out.
    const visitor = await e2e.context();
    const login = await visitor.newPage();
    await login.goto('/login');
    await login.getByTestId('login-username').waitFor();
    failures.push(...(await lowContrastTexts(login)).map((f) => `/login ${f}`));
    await visitor.close();
    expect(failures).toEqual([]);
  });

  it('shows the model page: metrics, cost curve, calibration and importance', async () => {
    const page = await adviser.newPage();
    await page.goto('/model');
    await page.getByTestId('model-page').waitFor();
    expect((await page.getByTestId('model-metrics').textContent())?.trim()).not.toBe('');
    for (const chart of ['cost-curve', 'calibration-chart', 'importance-chart']) {
      await page.getByTestId(chart).locator('svg').first().waitFor();
    }
    await page.waitForLoadState('networkidle');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await chartsWithoutNumbers(page)).toEqual({ charts: 3, missing: [] });
    await screenshot(page, '08-model');
    await screenshot(page, 'readme-model', { fullPage: false });
    await page.close();
  });
});
