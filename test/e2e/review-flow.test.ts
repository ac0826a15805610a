/**
 * The adviser's follow-up of a client's review request, end to end in Chromium (issue 14, "Done
 * when"): a customer requests a human review on their own space (/me); an adviser sees it in the
 * worklist, takes it in review, opens the client's decision and decides with a reason category,
 * answering the request; the customer then reads it decided, with the decision. Checked against
 * the API at each step; the worklist photographed at desktop and phone width.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTION_TIMEOUT_MS,
  apiGet,
  browserMissing,
  type E2e,
  PHONE,
  RESULTS_DIR,
  screenshot,
  scrollsSideways,
  startE2e,
  watchFailures,
} from './harness.ts';

interface Review {
  id: number;
  clientId: number;
  status: 'received' | 'in-review' | 'decided';
  outcome: { decision: 'grant' | 'refuse'; reasonCategory: string } | null;
}
interface DecisionRecord {
  id: number;
  clientId: number;
  decision: 'grant' | 'refuse';
  modelDecision: 'grant' | 'refuse';
  followsModel: boolean;
  reasonCategory: string | null;
  reviewId: number | null;
}

const POLL = { timeout: ACTION_TIMEOUT_MS, interval: 50 };
const POINT_OF_VIEW =
  'Mon salaire a augmenté de 20 % depuis ma demande ; je joins mes trois derniers bulletins.';
const JUSTIFICATION = 'Bulletins de salaire vérifiés : la hausse de revenu est durable.';

describe.skipIf(browserMissing() !== null)('review request to decision (Chromium)', () => {
  let e2e: E2e;
  let customer: BrowserContext;
  let adviser: BrowserContext;
  let customerPage: Page;
  let adviserPage: Page;
  /** customer1's own client and the model's decision on it. */
  let own: number;
  let modelDecision: 'grant' | 'refuse';
  let reviewId: number;

  beforeAll(async () => {
    e2e = await startE2e('creditlens-e2e-review-');
    customer = await e2e.loggedIn('customer1');
    adviser = await e2e.loggedIn('adviser');
    const session = await apiGet<{ user: { clientId: number } }>(customer, '/api/auth/session');
    own = session.user.clientId;
    modelDecision = (
      await apiGet<{ decision: 'grant' | 'refuse' }>(adviser, `/api/clients/${own}/score`)
    ).decision;
    customerPage = await customer.newPage();
    adviserPage = await adviser.newPage();
  });
  afterEach(() => {
    expect(e2e.pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await customer?.close();
    await adviser?.close();
    await e2e?.close();
  });

  it('lets the customer request a review on their own space, received', async () => {
    const failures = watchFailures(customerPage);
    await customerPage.goto('/me');
    await customerPage.getByTestId('customer-space').waitFor();
    await customerPage.getByTestId('review-text').fill(POINT_OF_VIEW);
    await customerPage.getByTestId('review-submit').click();
    await customerPage.getByTestId('review-sent').waitFor();
    const status = customerPage.getByTestId('review-status').first();
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('received');
    const stored = await apiGet<{ reviews: Review[] }>(customer, `/api/clients/${own}/reviews`);
    expect(stored.reviews).toHaveLength(1);
    reviewId = (stored.reviews[0] as Review).id;
    expect(failures).toEqual([]);
  });

  it('shows the request in the adviser worklist, takes it in review (desktop and phone)', async () => {
    const failures = watchFailures(adviserPage);
    await adviserPage.goto('/clients');
    await adviserPage.getByTestId('nav-worklist').click();
    await adviserPage.getByTestId('worklist').waitFor();
    const row = adviserPage.locator(
      `[data-testid="worklist-review"][data-review-id="${reviewId}"]`,
    );
    await row.waitFor();
    expect(await row.textContent()).toContain(POINT_OF_VIEW);
    expect(await row.getAttribute('data-status')).toBe('received');
    await screenshot(adviserPage, 'worklist-desktop');
    await row.getByTestId('worklist-take').click();
    await expect.poll(() => row.getAttribute('data-status'), POLL).toBe('in-review');
    const api = await apiGet<{ reviews: Review[] }>(adviser, '/api/reviews?status=in-review');
    expect(api.reviews.map((r) => r.id)).toContain(reviewId);
    expect(failures).toEqual([]);
  });

  it('decides from the client file with a category, answering the request', async () => {
    const failures = watchFailures(adviserPage);
    const row = adviserPage.locator(
      `[data-testid="worklist-review"][data-review-id="${reviewId}"]`,
    );
    await row.getByTestId('worklist-open-client').click();
    await adviserPage.waitForURL(`**/clients/${own}/decision`);
    const answered = adviserPage.getByTestId('decision-review');
    await expect.poll(() => answered.inputValue(), POLL).toBe(String(reviewId));
    // Answering a request proposes its category; the adviser keeps it.
    await expect
      .poll(() => adviserPage.getByTestId('decision-category').inputValue(), POLL)
      .toBe('review-request');
    // "trop court" is refused before sending, with the count of what is missing.
    await adviserPage.getByTestId('decision-override').check();
    await adviserPage.getByTestId('decision-justification').fill('trop court');
    await adviserPage.getByTestId('decision-submit').click();
    expect(await adviserPage.getByTestId('decision-problem').textContent()).toContain(
      'il en manque 10',
    );
    await adviserPage.getByTestId('decision-justification').fill(JUSTIFICATION);
    expect(await adviserPage.getByTestId('decision-problem').count()).toBe(0);
    await screenshot(adviserPage, 'decision-answering-review-desktop');
    await adviserPage.getByTestId('decision-submit').click();
    expect(await adviserPage.getByTestId('decision-saved').textContent()).toContain(
      `La demande de réexamen n° ${reviewId} est décidée.`,
    );
    const row2 = adviserPage.getByTestId('review-row').first();
    await expect.poll(() => row2.getAttribute('data-status'), POLL).toBe('decided');

    const decided = opposite(modelDecision);
    const across = await apiGet<{ decisions: DecisionRecord[] }>(
      adviser,
      '/api/decisions?overridesOnly=true&reasonCategory=review-request',
    );
    expect(across.decisions[0]).toMatchObject({
      clientId: own,
      decision: decided,
      modelDecision,
      followsModel: false,
      reasonCategory: 'review-request',
      reviewId,
    });
    expect(failures).toEqual([]);
  });

  it('lists the override in the worklist and in the client list, beside the model opinion', async () => {
    await adviserPage.goto('/worklist?reviews=decided&overrides=1');
    const decision = adviserPage.getByTestId('worklist-decision').first();
    await decision.waitFor();
    expect(await decision.getAttribute('data-follows')).toBe('no');
    expect(await decision.textContent()).toContain(JUSTIFICATION);
    const review = adviserPage.locator(
      `[data-testid="worklist-review"][data-review-id="${reviewId}"]`,
    );
    await review.waitFor();
    expect(await review.getAttribute('data-status')).toBe('decided');
    await screenshot(adviserPage, 'worklist-decided-desktop');

    await adviserPage.goto(`/clients?search=${own}`);
    const final = adviserPage
      .locator(`[data-testid="client-row"][data-client-id="${own}"]`)
      .getByTestId('client-final');
    await expect.poll(() => final.getAttribute('data-final'), POLL).toBe(opposite(modelDecision));
  });

  it('reads at phone width without sideways scrolling', async () => {
    const phone = await e2e.browser.newContext({
      baseURL: e2e.baseUrl,
      viewport: PHONE,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      storageState: await adviser.storageState(),
    });
    try {
      const page = await phone.newPage();
      await page.goto('/worklist?reviews=all');
      await page.getByTestId('worklist-decision').first().waitFor();
      await page.getByTestId('worklist-review').first().waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, 'worklist-phone');
      await screenshot(page, 'worklist-phone-window', { fullPage: false });
      await page
        .getByTestId('worklist-decisions')
        .screenshot({ path: join(RESULTS_DIR, 'worklist-decisions-phone.png') });
    } finally {
      await phone.close();
    }
  });

  it('shows the customer the request decided, with the decision', async () => {
    await customerPage.reload();
    await customerPage.getByTestId('customer-space').waitFor();
    const status = customerPage.getByTestId('review-status').first();
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('decided');
    const outcome = customerPage.getByTestId('review-outcome').first();
    expect(await outcome.getAttribute('data-decision')).toBe(opposite(modelDecision));
    expect(await outcome.textContent()).toContain(JUSTIFICATION);
    const stored = await apiGet<{ reviews: Review[] }>(customer, `/api/clients/${own}/reviews`);
    expect(stored.reviews[0]).toMatchObject({
      id: reviewId,
      status: 'decided',
      outcome: { decision: opposite(modelDecision), reasonCategory: 'review-request' },
    });
    // The customer's list of requests at phone width, the part this flow changes.
    await customerPage.setViewportSize(PHONE);
    await customerPage
      .getByTestId('review-list')
      .screenshot({ path: join(RESULTS_DIR, 'customer-review-decided-phone.png') });
  });
});

function opposite(d: 'grant' | 'refuse'): 'grant' | 'refuse' {
  return d === 'grant' ? 'refuse' : 'grant';
}
