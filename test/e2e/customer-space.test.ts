/**
 * A customer's own space in a real browser (issue 14): they land on it, not on the adviser's
 * tabs; they download their letter as a PDF and their data as JSON and CSV through the page's
 * links; they request a human review and see it listed as received. At phone width (390×844)
 * neither their page nor any section of the adviser's client file scrolls sideways; screenshots
 * of both, at phone and desktop width.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Download, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiGet,
  browserMissing,
  DESKTOP,
  type E2e,
  PHONE,
  screenshot,
  startE2e,
} from './harness.ts';

/** The adviser's client file, every section. */
const SECTIONS = ['summary', 'profile', 'compare', 'whatif', 'decision'] as const;

const POINT_OF_VIEW =
  'Mes revenus ont augmenté depuis ma demande : je peux fournir mes trois derniers bulletins de salaire.';

/** Clicks a link that downloads, and returns the file the browser saved. */
async function download(page: Page, link: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { file, bytes: readFileSync(path) };
}

/**
 * What is wider than its room: the page than the window (`document.documentElement.scrollWidth >
 * innerWidth`, a sideways scroll), or a card's content than the card (content drawn past its
 * border, which the page's own width may hide).
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > window.innerWidth) found.push(`page ${scrollWidth} > ${window.innerWidth}`);
    for (const card of document.querySelectorAll<HTMLElement>('.card')) {
      // One pixel of rounding is not content past the border.
      if (card.scrollWidth > card.clientWidth + 1) {
        const title = card.querySelector('h2, h3')?.textContent ?? card.className;
        // The element reaching furthest right names the culprit.
        const edge = card.getBoundingClientRect().right;
        let widest: Element | null = null;
        let right = edge;
        for (const el of card.querySelectorAll('*')) {
          const r = el.getBoundingClientRect().right;
          if (r > right) [widest, right] = [el, r];
        }
        const culprit = widest ? `${widest.tagName.toLowerCase()}.${widest.className}` : '?';
        found.push(`card "${title}" ${card.scrollWidth} > ${card.clientWidth} (${culprit})`);
      }
    }
    return found;
  });
}

describe.skipIf(browserMissing() !== null)("the customer's own space (Chromium)", () => {
  let e2e: E2e;
  let customer: BrowserContext;
  let own: number;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    e2e = await startE2e('creditlens-e2e-customer-');
    customer = await e2e.loggedIn('customer1');
    contexts.push(customer);
    own = (await apiGet<{ user: { clientId: number } }>(customer, '/api/auth/me')).user.clientId;
  });
  afterEach(() => {
    expect(e2e.pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await e2e?.close();
  });

  it('lands a customer on their space, where they get their letter and data and request a review', async () => {
    const page = await customer.newPage();
    await page.goto('/');
    await page.waitForURL(/\/me$/);
    await page.getByTestId('customer-space').waitFor();
    expect(await page.getByTestId('client-page').count()).toBe(0);
    expect(await page.getByTestId('tab-summary').count()).toBe(0);
    // Their own file's address leads to the same space.
    await page.goto(`/clients/${own}`);
    await page.waitForURL(/\/me$/);
    await page.getByTestId('customer-model-decision').waitFor();
    await page.getByTestId('reason').first().waitFor();

    // The letter, as a PDF: what the link downloads, and what the API says it is.
    const pdfLink = page.getByTestId('letter-pdf');
    const pdfHref = (await pdfLink.getAttribute('href')) ?? '';
    expect(pdfHref).toBe(`/api/clients/${own}/letter?format=pdf&lang=fr`);
    const pdf = await download(page, pdfLink);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.length).toBeGreaterThan(2000);
    expect(pdf.file.suggestedFilename()).toMatch(/\.pdf$/);
    const head = await customer.request.get(pdfHref);
    expect(head.headers()['content-type']).toBe('application/pdf');
    // The HTML letter opens in the page's language.
    const htmlHref = (await page.getByTestId('letter-html').getAttribute('href')) ?? '';
    const html = await customer.request.get(htmlHref);
    expect(html.headers()['content-type']).toMatch(/^text\/html/);
    expect(await html.text()).toContain('lang="fr"');

    // Their data: JSON that parses, about them; CSV with its header.
    const json = await download(page, page.getByTestId('data-json'));
    const data = JSON.parse(json.bytes.toString('utf8')) as {
      clientId: number;
      reviews: unknown[];
    };
    expect(data.clientId).toBe(own);
    const csv = await download(page, page.getByTestId('data-csv'));
    const [header, ...lines] = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    expect(header).toBe('section,field,label_fr,label_en,value');
    expect(lines.length).toBeGreaterThan(5);

    // A review: too short first (said, nothing sent), then their point of view.
    await page.getByTestId('review-text').fill('Trop court');
    await page.getByTestId('review-submit').click();
    await page.getByTestId('review-text-error').waitFor();
    expect(await page.getByTestId('review-list').getAttribute('data-count')).toBe('0');
    await page.getByTestId('review-text').fill(POINT_OF_VIEW);
    await page.getByTestId('review-submit').click();
    await page.getByTestId('review-sent').waitFor();
    await page.locator('[data-testid="review-list"][data-count="1"]').waitFor();
    const status = page.getByTestId('review-status');
    expect(await status.getAttribute('data-status')).toBe('received');
    expect(await status.textContent()).toBe('Reçue');
    expect(await page.getByTestId('review-list').textContent()).toContain(POINT_OF_VIEW);
    // Stored once, as the API lists it.
    const listed = await apiGet<{ reviews: { pointOfView: string; status: string }[] }>(
      customer,
      `/api/clients/${own}/reviews`,
    );
    expect(listed.reviews.map((r) => [r.pointOfView, r.status])).toEqual([
      [POINT_OF_VIEW, 'received'],
    ]);
    await page.setViewportSize(DESKTOP);
    await screenshot(page, '20-customer-space');
    await page.close();
  });

  it('does not scroll sideways at 390×844: the customer space and every section of the client file', async () => {
    const wide: string[] = [];
    const phone = await e2e.loggedIn('customer1', { viewport: PHONE });
    contexts.push(phone);
    const page = await phone.newPage();
    await page.goto('/me');
    await page.getByTestId('reason').first().waitFor();
    await page.getByTestId('distribution-chart').locator('svg').first().waitFor();
    await page.waitForLoadState('networkidle');
    wide.push(...(await overflowing(page)).map((o) => `customer space: ${o}`));
    await screenshot(page, '20-customer-space-phone');

    const adviser = await e2e.loggedIn('adviser', { viewport: PHONE });
    contexts.push(adviser);
    const file = await adviser.newPage();
    for (const section of SECTIONS) {
      await file.goto(`/clients/${own}${section === 'summary' ? '' : `/${section}`}`);
      await file.getByTestId(`tab-${section}`).waitFor();
      await file.waitForLoadState('networkidle');
      if (section === 'summary') {
        // The waterfall turns into rows at this width: each label above its bar.
        await file.getByTestId('waterfall-bars').waitFor();
        expect(await file.getByTestId('waterfall-chart').count()).toBe(0);
      }
      wide.push(...(await overflowing(file)).map((o) => `client file ${section}: ${o}`));
      await screenshot(file, `21-phone-${section}`);
    }
    expect(wide).toEqual([]);
  });
});
