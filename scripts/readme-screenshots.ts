/**
 * The README's screenshots, taken from a running `creditlens serve` on the demo data (what a
 * person sees after `npm start`), in Debian's headless Chromium:
 *
 *   node --import tsx scripts/readme-screenshots.ts [--url http://127.0.0.1:8080] [--client ID]
 *
 * Writes docs/screenshots/*.png (1280 px wide, the top of each page; the customer's space at a
 * phone's 390×844). The end-to-end tests take
 * their own, of every page, under test-results/e2e/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const baseURL = option('--url', 'http://127.0.0.1:8080');
const outDir = resolve(import.meta.dirname, '../docs/screenshots');

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // ECharts draws on the next frames.
  await page.waitForTimeout(400);
}

async function shoot(page: Page, name: string, height = 900): Promise<void> {
  await page.setViewportSize({ width: 1280, height });
  await settle(page);
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
    const login = await context.request.post('/api/auth/login', {
      data: { username: 'adviser', password: 'adviser-demo' },
    });
    if (!login.ok()) throw new Error(`login: ${login.status()} ${await login.text()}`);
    // A refused client by default: the file with the most to explain.
    let client = option('--client', '');
    if (!client) {
      const list = await context.request.get('/api/clients?decision=refuse&sort=id&pageSize=5');
      const { clients } = (await list.json()) as { clients: { id: number }[] };
      client = String(clients[2]?.id ?? clients[0]?.id);
    }
    const page = await context.newPage();
    await page.goto('/clients?decision=refuse');
    await page.getByTestId('clients-table').waitFor();
    await shoot(page, 'search', 820);
    await page.goto(`/clients/${client}`);
    await page.getByTestId('score-probability').waitFor();
    await shoot(page, 'client-summary', 1000);
    await page.goto(`/clients/${client}/compare`);
    await page.getByTestId('distribution-chart').waitFor();
    await shoot(page, 'compare', 1000);
    await page.goto(`/clients/${client}/whatif`);
    await page.getByTestId('whatif-field-AMT_CREDIT').waitFor();
    const credit = page.getByTestId('whatif-field-AMT_CREDIT');
    const amount = Number(((await credit.inputValue()) || '0').replace(/\D/g, ''));
    await credit.fill(String(Math.round(amount / 2)));
    await page.getByTestId('whatif-probability').waitFor();
    await shoot(page, 'whatif', 900);
    await page.goto('/model');
    await page.getByTestId('model-page').waitFor();
    await shoot(page, 'model', 1000);

    // A customer's own space on a phone (390×844, the window a person first sees).
    const phone = await browser.newContext({
      baseURL,
      locale: 'fr-FR',
      viewport: { width: 390, height: 844 },
    });
    const customer = await phone.request.post('/api/auth/login', {
      data: { username: 'customer1', password: 'customer-demo' },
    });
    if (!customer.ok()) throw new Error(`login: ${customer.status()} ${await customer.text()}`);
    const space = await phone.newPage();
    await space.goto('/me');
    await space.getByTestId('reason').first().waitFor();
    await settle(space);
    await space.screenshot({ path: join(outDir, 'customer-space-phone.png') });
    console.log('docs/screenshots/customer-space-phone.png');
  } finally {
    await browser.close();
  }
}

await main();
