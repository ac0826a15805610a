/**
 * The dashboard's doors in a real browser: logging in, finding a client by id and by filters,
 * what a customer may (not) see, the language switch, and scoring a new application.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiGet,
  browserMissing,
  type E2e,
  PHONE,
  screenshot,
  startE2e,
  watchFailures,
} from './harness.ts';

interface ClientList {
  total: number;
  clients: { id: number; decision: 'grant' | 'refuse' | null }[];
}

/** Waits until the client page shows client `id` with its score. */
async function clientShown(page: Page, id: number): Promise<void> {
  await page.waitForURL(new RegExp(`/clients/${id}(/|$)`));
  await page
    .getByTestId('client-id')
    .filter({ hasText: String(id) })
    .waitFor();
  await page.getByTestId('score-probability').waitFor();
}

/** A customer's own space (/me) is shown, for their file `id`, with the model's decision. */
async function spaceShown(page: Page, id: number): Promise<void> {
  await page.waitForURL(/\/me$/);
  await page.getByTestId('customer-space').waitFor();
  await page
    .getByTestId('client-id')
    .filter({ hasText: String(id) })
    .waitFor();
  await page.getByTestId('customer-model-decision').waitFor();
}

describe.skipIf(browserMissing() !== null)('dashboard shell (Chromium)', () => {
  let e2e: E2e;
  const contexts: BrowserContext[] = [];
  const track = (context: BrowserContext) => {
    contexts.push(context);
    return context;
  };

  beforeAll(async () => {
    e2e = await startE2e('creditlens-e2e-shell-');
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    // No page threw: an uncaught exception is a bug even when the page still looks right.
    expect(e2e.pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('logs an adviser in through the login page, after refusing a wrong password', async () => {
    const page = await track(await e2e.context()).newPage();
    await page.goto('/');
    await page.waitForURL(/\/login$/);
    const username = page.getByTestId('login-username');
    await username.waitFor();
    // The first field has the focus: the adviser can type at once.
    expect(await username.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, '01-login');

    await username.fill('adviser');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect((await error.textContent())?.trim().length).toBeGreaterThan(5);
    expect(page.url()).toMatch(/\/login$/);

    await page.getByTestId('login-password').fill('adviser-demo');
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL(/\/clients$/);
    await page.getByTestId('clients-table').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('adviser');
    expect(await page.getByTestId('nav-clients').count()).toBe(1);
    expect(await page.getByTestId('nav-model').count()).toBe(1);
    // The audit trail is the admin's.
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    await screenshot(page, '02-search');

    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
    expect((await page.context().request.get('/api/auth/me')).status()).toBe(401);
  });

  it('makes no failing request and logs no error on the login page, logged out', async () => {
    const page = await track(await e2e.context()).newPage();
    const failures = watchFailures(page);
    const asked: string[] = [];
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (pathname.startsWith('/api/')) asked.push(`${response.status()} ${pathname}`);
    });
    // The app's root sends a logged-out visitor to the login page; a reload lands there directly.
    for (const path of ['/', '/login']) {
      await page.goto(path);
      await page.waitForURL(/\/login$/);
      await page.getByTestId('login-username').waitFor();
      await page.waitForLoadState('networkidle');
    }
    expect(failures).toEqual([]);
    // It did ask who is logged in (the answer being "nobody", not a 401).
    expect(asked).toEqual(['200 /api/auth/session', '200 /api/auth/session']);
  });

  it('opens a client typed in the identifier field', async () => {
    const context = track(await e2e.loggedIn('adviser'));
    const list = await apiGet<ClientList>(context, '/api/clients?pageSize=5&sort=-probability');
    const id = list.clients[3]?.id as number;
    const page = await context.newPage();
    await page.goto('/clients');
    const field = page.getByTestId('client-id-search');
    await field.fill(String(id));
    await field.press('Enter');
    await clientShown(page, id);
  });

  it('filters the table, pages through it and opens a row', async () => {
    const context = track(await e2e.loggedIn('adviser'));
    const refused = await apiGet<ClientList>(context, '/api/clients?decision=refuse&pageSize=100');
    expect(refused.total).toBeGreaterThan(0);
    const page = await context.newPage();
    await page.goto('/clients');
    await page.getByTestId('client-row').first().waitFor();

    await page.getByTestId('filter-decision').selectOption('refuse');
    await page.waitForURL(/[?&]decision=refuse/);
    const first = refused.clients[0]?.id as number;
    const refusedIds = new Set(refused.clients.map((c) => c.id));
    // The previous rows stay on screen while the filtered page loads (no flicker): wait until the
    // table shows the filtered answer — every row a refusal — before reading it.
    await page.waitForFunction(
      (ids) => {
        const rows = [...document.querySelectorAll('[data-testid="client-row"]')];
        return (
          rows.length > 0 &&
          rows.every((r) => ids.includes(Number(r.getAttribute('data-client-id'))))
        );
      },
      [...refusedIds],
    );
    await page.locator(`[data-testid="client-row"][data-client-id="${first}"]`).waitFor();
    const shown = await page
      .getByTestId('client-row')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-client-id'))));
    // Every row shown is a refusal (the first page of the API's answer).
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(refusedIds.has(id)).toBe(true);

    const pageInfo = page.getByTestId('page-info');
    const before = await pageInfo.textContent();
    if (refused.total > shown.length) {
      await page.getByTestId('page-next').click();
      await page.waitForURL(/[?&]page=2/);
      await page.waitForFunction(
        ([selector, text]) => document.querySelector(selector as string)?.textContent !== text,
        ['[data-testid="page-info"]', before],
      );
      await page.getByTestId('page-prev').click();
      await page.locator(`[data-testid="client-row"][data-client-id="${first}"]`).waitFor();
    }

    // A reload keeps the filter (it lives in the URL).
    await page.reload();
    await page.locator(`[data-testid="client-row"][data-client-id="${first}"]`).waitFor();
    await page.locator(`[data-testid="client-row"][data-client-id="${first}"]`).click();
    await clientShown(page, first);
    const decision = await page.getByTestId('score-decision').getAttribute('data-decision');
    expect(decision).toBe('refuse');
  });

  it('opens a row of the table with the keyboard alone', async () => {
    const page = await track(await e2e.loggedIn('adviser')).newPage();
    await page.goto('/clients');
    await page.getByTestId('client-row').first().waitFor();
    let row = '';
    for (let presses = 0; presses < 60 && row === ''; presses++) {
      await page.keyboard.press('Tab');
      row = await page.evaluate(
        () =>
          document.activeElement
            ?.closest('[data-testid="client-row"]')
            ?.getAttribute('data-client-id') ?? '',
      );
    }
    expect(row).toMatch(/^\d+$/);
    await page.keyboard.press('Enter');
    await clientShown(page, Number(row));
  });

  it('keeps a customer on their own space: no search, and another file is refused', async () => {
    const context = track(await e2e.loggedIn('customer1'));
    const me = await apiGet<{ user: { clientId: number } }>(context, '/api/auth/me');
    const own = me.user.clientId;
    const page = await context.newPage();
    await page.goto('/');
    await spaceShown(page, own);
    expect(await page.getByTestId('nav-clients').count()).toBe(0);
    expect(await page.getByTestId('nav-model').count()).toBe(0);
    expect(await page.getByTestId('client-id-search').count()).toBe(0);
    expect(await page.getByTestId('current-user').textContent()).toContain('customer1');
    await screenshot(page, '09-customer');

    // customer2's file: the customer edits the URL by hand.
    const other = await apiGet<ClientList>(
      track(await e2e.loggedIn('adviser')),
      '/api/clients?pageSize=5',
    );
    const otherId = other.clients.find((c) => c.id !== own)?.id as number;
    await page.goto(`/clients/${otherId}`);
    const error = page.getByTestId('error-message').first();
    await error.waitFor();
    expect(await error.textContent()).toMatch(/accès|access/i);
    expect(await page.getByTestId('score-probability').count()).toBe(0);
    await screenshot(page, '09-customer-refused');

    // The search page is no door either: the customer is sent back to their space.
    await page.goto('/clients');
    await spaceShown(page, own);
  });

  it("shows a customer of a refused file only the reasons a client may be given: the API's clientReasons", async () => {
    // A customer account for a refused client, made by the admin as the bank would.
    const admin = track(await e2e.loggedIn('admin'));
    const refused = await apiGet<ClientList>(admin, '/api/clients?pageSize=1&decision=refuse');
    const id = refused.clients[0]?.id as number;
    expect(refused.clients[0]?.decision).toBe('refuse');
    const account = { username: `refused-${id}`, password: 'Lanterne-Violette-Quatre-81' };
    const created = await admin.request.post('/api/admin/users', {
      data: { ...account, role: 'customer', clientId: id },
    });
    expect(created.status(), await created.text()).toBe(201);
    const customer = track(await e2e.context());
    const login = await customer.request.post('/api/auth/login', { data: account });
    expect(login.ok()).toBe(true);

    const page = await customer.newPage();
    await page.goto('/');
    await spaceShown(page, id);
    const panel = page.getByTestId('reasons-panel');
    await panel.getByTestId('reason').first().waitFor();
    expect(await panel.getAttribute('data-view')).toBe('client');

    interface Reason {
      code: string;
      clientExplainable: boolean;
      sensitive: boolean;
      statementFr: string;
    }
    interface Answer {
      view: string;
      reasons: { adverse: Reason[]; favourable: Reason[] };
      clientReasons: { adverse: Reason[]; favourable: Reason[] };
    }
    const mine = await apiGet<Answer>(customer, `/api/clients/${id}/explanation`);
    expect(mine.view).toBe('client');
    const told = [...mine.clientReasons.adverse, ...mine.clientReasons.favourable];
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((r) => r.clientExplainable && !r.sensitive)).toBe(true);
    // The page shows exactly those, in that order, each headed by its statement.
    const shown = panel.getByTestId('reason');
    expect(await shown.evaluateAll((els) => els.map((el) => el.getAttribute('data-code')))).toEqual(
      told.map((r) => r.code),
    );
    expect(
      await shown.evaluateAll((els) => els.map((el) => el.getAttribute('data-client-explainable'))),
    ).toEqual(told.map(() => 'true'));
    expect(await panel.locator('.reason-statement').allTextContents()).toEqual(
      told.map((r) => r.statementFr),
    );
    // Nothing of the adviser's view: no code, no mark, no "what the client is told".
    expect(await panel.locator('.reason-code').count()).toBe(0);
    expect(await panel.getByTestId('reason-not-told').count()).toBe(0);
    expect(await panel.getByTestId('reasons-told').count()).toBe(0);
    // The adviser is shown the same as what the client is told.
    const adviser = await track(await e2e.loggedIn('adviser')).newPage();
    await adviser.goto(`/clients/${id}`);
    const block = adviser.getByTestId('reasons-told');
    await block.locator('li').first().waitFor();
    expect(
      await block
        .locator('li[data-code]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-code'))),
    ).toEqual(told.map((r) => r.code));
    await screenshot(page, '14-customer-reasons');
    await page.setViewportSize(PHONE);
    await panel.getByTestId('reason').first().waitFor();
    await screenshot(page, '14-customer-reasons-phone');
  });

  it("shows the admin the audit trail, with the adviser's views of a file in it", async () => {
    const adviser = track(await e2e.loggedIn('adviser'));
    const list = await apiGet<ClientList>(adviser, '/api/clients?pageSize=1&sort=-id');
    const id = list.clients[0]?.id as number;
    const viewer = await adviser.newPage();
    await viewer.goto(`/clients/${id}`);
    await clientShown(viewer, id);

    const page = await track(await e2e.loggedIn('admin')).newPage();
    await page.goto('/clients');
    await page.getByTestId('nav-audit').click();
    await page.waitForURL(/\/audit$/);
    await page.getByTestId('audit-row').first().waitFor();
    await page.getByTestId('audit-filter-client').fill(String(id));
    await page.getByTestId('audit-filter-client').press('Enter');
    await page.waitForURL(new RegExp(`[?&]client=${id}`));
    // Only that client's records remain, the adviser's among them.
    const rows = page.getByTestId('audit-row');
    await expect
      .poll(async () => (await rows.allTextContents()).every((r) => r.includes(String(id))), {
        timeout: 10_000,
      })
      .toBe(true);
    expect((await rows.allTextContents()).join(' ')).toContain('adviser');
    await screenshot(page, '12-audit');
  });

  it('switches the whole page to English and back', async () => {
    const context = track(await e2e.loggedIn('adviser'));
    const list = await apiGet<ClientList>(context, '/api/clients?pageSize=1');
    const id = list.clients[0]?.id as number;
    const page = await context.newPage();
    await page.goto(`/clients/${id}`);
    await clientShown(page, id);
    await page.getByTestId('reason').first().waitFor();
    const tabFr = await page.getByTestId('tab-profile').textContent();
    const reasonFr = await page.getByTestId('reason').first().textContent();

    const toggle = async () => {
      const control = page.getByTestId('language-switch');
      const tag = await control.evaluate((el) => el.tagName);
      if (tag === 'SELECT') {
        const current = await control.inputValue();
        await control.selectOption(current === 'fr' ? 'en' : 'fr');
      } else await control.click();
    };
    await toggle();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('tab-profile').textContent()).not.toBe(tabFr);
    // The reasons come in English from the API, not re-translated.
    expect(await page.getByTestId('reason').first().textContent()).not.toBe(reasonFr);
    await screenshot(page, '10-english');

    // Remembered across a reload, then back to French.
    await page.reload();
    await clientShown(page, id);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await toggle();
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    expect(await page.getByTestId('tab-profile').textContent()).toBe(tabFr);
  });

  it('scores a new application typed by an adviser as the API does', async () => {
    const context = track(await e2e.loggedIn('adviser'));
    const page = await context.newPage();
    await page.goto('/clients');
    await page.getByTestId('nav-new').click();
    await page.waitForURL(/\/new$/);
    await page.getByTestId('new-field-NAME_CONTRACT_TYPE').selectOption('Cash loans');
    await page.getByTestId('new-field-AMT_INCOME_TOTAL').fill('180 000');
    await page.getByTestId('new-field-AMT_CREDIT').fill('540000');
    await page.getByTestId('new-field-DAYS_BIRTH').fill('29');
    await page.getByTestId('new-field-AMT_ANNUITY').fill('27000');
    await page.getByTestId('new-field-NAME_INCOME_TYPE').selectOption('Working');
    await page.getByTestId('new-field-DAYS_EMPLOYED').fill('2');
    await page.getByTestId('new-submit').click();
    const shown = page.getByTestId('new-probability');
    await shown.waitFor();

    // The same application sent to the API directly: the page shows exactly its answer.
    const reply = await context.request.post('/api/score', {
      data: {
        application: {
          NAME_CONTRACT_TYPE: 'Cash loans',
          AMT_INCOME_TOTAL: 180000,
          AMT_CREDIT: 540000,
          DAYS_BIRTH: -Math.ceil(29 * 365.25),
          AMT_ANNUITY: 27000,
          NAME_INCOME_TYPE: 'Working',
          DAYS_EMPLOYED: -Math.ceil(2 * 365.25),
        },
        detail: 'reasons',
      },
    });
    expect(reply.status()).toBe(200);
    const api = (await reply.json()) as {
      history: string;
      score: { probability: number; decision: string };
    };
    expect(api.history).toBe('none');
    expect(Number(await shown.getAttribute('data-probability'))).toBe(api.score.probability);
    expect(await page.getByTestId('new-decision').getAttribute('data-decision')).toBe(
      api.score.decision,
    );
    expect((await page.getByTestId('new-reasons').textContent())?.length).toBeGreaterThan(20);
    await screenshot(page, '13-new-application');
  });

  it('gives a customer no new-application link, and /new sends them to their space', async () => {
    const context = track(await e2e.loggedIn('customer1'));
    const me = await apiGet<{ user: { clientId: number } }>(context, '/api/auth/me');
    const page = await context.newPage();
    await page.goto('/new');
    await spaceShown(page, me.user.clientId);
    expect(await page.getByTestId('nav-new').count()).toBe(0);
    expect(await page.getByTestId('new-submit').count()).toBe(0);
  });
});
