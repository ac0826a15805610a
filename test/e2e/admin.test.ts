/**
 * The admin's pages in a real browser (issue 14): an account created from /users can log in, a
 * disabled one cannot (and its session ends); a model promoted from /models after the
 * confirmation is the one the card then shows. Screenshots at desktop and phone width.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiGet,
  browserMissing,
  DESKTOP,
  type E2e,
  PHONE,
  screenshot,
  scrollsSideways,
  startE2e,
  watchFailures,
} from './harness.ts';

const NEW_USER = 'e2e.reviewer';
const NEW_PASSWORD = 'velvet-harbour-quartz-91';

async function logInThroughThePage(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

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

describe.skipIf(browserMissing() !== null)('admin pages (Chromium)', () => {
  let e2e: E2e;
  let admin: BrowserContext;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // Two trained runs: the first served, the second for the admin to promote.
    e2e = await startE2e('creditlens-e2e-admin-', { runs: 2 });
    admin = await e2e.loggedIn('admin');
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    expect(e2e.pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await admin?.close();
    await e2e?.close();
  });

  it('creates an account from /users (after the API refuses a guessable password), who then logs in; disabling it ends that', async () => {
    const page = await admin.newPage();
    const failures = watchFailures(page);
    await page.goto('/');
    await page.getByTestId('nav-users').click();
    await page.waitForURL(/\/users$/);
    await page.getByTestId('users-table').waitFor();
    const before = await page.getByTestId('user-row').count();
    expect(before).toBeGreaterThanOrEqual(4); // the demo accounts

    await page.getByTestId('new-user-username').fill(NEW_USER);
    await page.getByTestId('new-user-role').selectOption('adviser');
    // Long enough, but a common password: the API judges it and the page says why, beside it.
    await page.getByTestId('new-user-password').fill('password12');
    await page.getByTestId('new-user-submit').click();
    const refused = page.getByTestId('new-user-password-error');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/Refusé par le serveur.*too easy to guess/);
    expect(await page.getByTestId('user-row').count()).toBe(before);

    await page.getByTestId('new-user-password').fill(NEW_PASSWORD);
    await page.getByTestId('new-user-submit').click();
    await page.getByTestId('new-user-created').filter({ hasText: NEW_USER }).waitFor();
    const row = page.locator(`[data-testid="user-row"][data-username="${NEW_USER}"]`);
    await row.waitFor();
    expect(await row.getByTestId('user-state').textContent()).toBe('actif');
    // The only failure the page met is the refusal above.
    expect(failures.filter((f) => !f.includes('400 POST') && !f.includes('status of 400'))).toEqual(
      [],
    );

    // The new adviser logs in through the login page and lands on the search.
    const theirs = await e2e.context();
    contexts.push(theirs);
    const own = await theirs.newPage();
    await logInThroughThePage(own, NEW_USER, NEW_PASSWORD);
    await own.waitForURL(/\/clients$/);
    expect(await own.getByTestId('current-user').textContent()).toContain(NEW_USER);

    // Disabled from the admin's page: their session ends and the password no longer opens one.
    await row.getByTestId('user-toggle').click();
    await row.getByTestId('user-state').filter({ hasText: 'désactivé' }).waitFor();
    expect(await row.getByTestId('user-said').textContent()).toContain('ses sessions sont fermées');
    expect((await theirs.request.get('/api/auth/me')).status()).toBe(401);
    const again = await e2e.context();
    contexts.push(again);
    const login = await again.request.post('/api/auth/login', {
      data: { username: NEW_USER, password: NEW_PASSWORD },
    });
    expect(login.status()).toBe(401);
    const accounts = await apiGet<{ users: { username: string; disabled: boolean }[] }>(
      admin,
      '/api/admin/users',
    );
    expect(accounts.users.find((u) => u.username === NEW_USER)?.disabled).toBe(true);

    for (const [size, name] of [
      [DESKTOP, '14-admin-users'],
      [PHONE, '14-admin-users-phone'],
    ] as const) {
      await page.setViewportSize(size);
      await page.waitForTimeout(100);
      await screenshot(page, name);
      expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
    }
    await page.close();
  });

  it('promotes the other model from /models after the confirmation; the card then shows it', async () => {
    const registry = await apiGet<{ served: string; models: { id: string; served: boolean }[] }>(
      admin,
      '/api/admin/models',
    );
    expect(registry.models).toHaveLength(2);
    const before = registry.served;
    const target = registry.models.find((m) => !m.served)?.id as string;

    const page = await admin.newPage();
    const failures = watchFailures(page);
    await page.goto('/');
    await page.getByTestId('nav-models').click();
    await page.waitForURL(/\/models$/);
    await page.getByTestId('models-table').waitFor();
    expect(await page.getByTestId('models-served').textContent()).toContain(before);
    const row = page.locator(`[data-testid="model-row"][data-model="${target}"]`);
    for (const [size, name] of [
      [DESKTOP, '14-admin-models'],
      [PHONE, '14-admin-models-phone'],
    ] as const) {
      await page.setViewportSize(size);
      await page.waitForTimeout(100);
      await screenshot(page, name);
      expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
    }
    await page.setViewportSize(DESKTOP);

    // Cancel first: nothing changes.
    await row.getByTestId('model-promote').click();
    const dialog = page.getByTestId('promote-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Modèle servi ensuite : ${target}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await apiGet<{ id: string }>(admin, '/api/model')).id).toBe(before);

    await row.getByTestId('model-promote').click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Modèle servi aujourd'hui : ${before}`);
    expect(await dialog.textContent()).toContain('Tous les clients sont notés de nouveau');
    await screenshot(page, '14-admin-promote-dialog', { fullPage: false });
    await page.getByTestId('promote-confirm').click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.getByTestId('models-promoted').textContent()).toContain(
      `à la place de ${before}`,
    );
    expect(await row.getByTestId('model-state').textContent()).toBe('servi');

    // The model card (the header's "Modèle") now shows the promoted run.
    await page.getByTestId('nav-model').click();
    await page.waitForURL(/\/model$/);
    const card = page.getByTestId('model-page');
    await card.waitFor();
    expect(await card.locator('.model-identity').textContent()).toContain(target);
    // Its charts drawn before leaving (leaving earlier aborts the chart module's download).
    await page.getByTestId('calibration-chart').locator('svg').first().waitFor();
    // And the previous one's card, by id, from the registry.
    await page.goto(`/models/${before}`);
    await page.getByRole('heading', { name: `Fiche du modèle ${before}` }).waitFor();
    await page.getByTestId('calibration-chart').locator('svg').first().waitFor();
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(200);
    await screenshot(page, '14-admin-model-card-phone');
    expect(await scrollsSideways(page), (await sticksOut(page)).join('; ')).toBe(false);
    expect(failures).toEqual([]);
    await page.close();
  });
});
