/**
 * End-to-end harness: a temp data directory with a real model trained in seconds on a small
 * generated data set, the dashboard built once, the real server listening on a free port, and
 * Debian's headless Chromium driven by playwright-core. Never downloads a browser, never touches
 * /work/main/data.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { DEMO_PASSWORDS } from '../../src/api/auth/demo-users.ts';
import { buildServer } from '../../src/api/server.ts';
import { buildFeatures } from '../../src/data/features/index.ts';
import { generateDataset } from '../../src/data/generate/index.ts';
import { ingestDirectory } from '../../src/data/ingest/index.ts';
import { saveRun } from '../../src/model/registry/index.ts';
import { trainFromFeatureTable } from '../../src/model/training/index.ts';
import { buildWeb } from './web-build.ts';

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go (git-ignored). */
export const RESULTS_DIR = resolve(import.meta.dirname, '../../test-results/e2e');

/**
 * Why the browser tests cannot run here, or null when they can. Without Chromium they are
 * skipped on a workstation, but CI must run them: there a missing browser is a failure.
 */
export function browserMissing(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  const reason = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`;
  if (process.env.CI === 'true') throw new Error(`${reason}: CI must run the end-to-end tests`);
  process.stderr.write(`${reason}: end-to-end tests skipped\n`);
  return reason;
}

export type Who = 'adviser' | 'admin' | 'customer1' | 'customer2';

/** How long an action or a wait on the page may take before the test fails. */
export const ACTION_TIMEOUT_MS = 10_000;

/** Desktop and tablet sizes the issue asks for. */
export const DESKTOP = { width: 1280, height: 800 } as const;
export const TABLET = { width: 800, height: 1100 } as const;
/** A phone's width, for the screenshots a person reads on one. */
export const PHONE = { width: 390, height: 844 } as const;

export interface E2e {
  readonly baseUrl: string;
  readonly browser: Browser;
  /** The built dashboard (index.html and assets/). */
  readonly distDir: string;
  /** Uncaught exceptions in any page so far ("url: message"); a test empties and checks it. */
  readonly pageErrors: string[];
  /** A fresh browser context (own cookies), French, Paris time, desktop size unless told. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A fresh context already logged in as `who` (through the API, not the login page). */
  loggedIn(who: Who, options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Closes the browser and the server, removes the data directory (afterAll). */
  close(): Promise<void>;
}

/** A demo login's password. */
export function passwordOf(who: Who): string {
  return who.startsWith('customer')
    ? DEMO_PASSWORDS.customer
    : DEMO_PASSWORDS[who as 'adviser' | 'admin'];
}

/**
 * The `creditlens start` chain at a small size, with a real (quick) training: 2,000 train and
 * 200 test clients, one search trial, three folds — about six seconds. `runs` > 1 trains more
 * runs (other seeds, fewer rounds) into the registry, not served: models an admin can promote.
 */
async function makeTrainedDataDir(dataDir: string, runs = 1): Promise<void> {
  const demoDir = join(dataDir, 'demo');
  const dbPath = join(dataDir, 'creditlens.duckdb');
  await generateDataset({ outDir: demoDir, clients: 2000, testClients: 200, seed: 42 });
  await ingestDirectory({ dir: demoDir, dbPath });
  await buildFeatures({ dbPath });
  const outcome = await trainFromFeatureTable(dbPath, {
    trials: 1,
    folds: 3,
    numRounds: 60,
    seed: 42,
  });
  await saveRun(join(dataDir, 'models'), outcome, { activate: true });
  for (let run = 1; run < runs; run++) {
    const other = await trainFromFeatureTable(dbPath, {
      trials: 1,
      folds: 3,
      numRounds: 40,
      seed: 42 + run,
    });
    await saveRun(join(dataDir, 'models'), other, { activate: false });
  }
}

/**
 * Data, model, web build, server and browser for one test file (beforeAll); `runs`: how many
 * trained runs the registry holds (the first served).
 */
export async function startE2e(
  prefix = 'creditlens-e2e-',
  options: { runs?: number } = {},
): Promise<E2e> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  let app: FastifyInstance | null = null;
  let browser: Browser | null = null;
  try {
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    const timed = async <T>(what: string, work: Promise<T>): Promise<T> => {
      const value = await work;
      process.stderr.write(`e2e setup: ${what} ready after ${seconds()} s\n`);
      return value;
    };
    const [distDir] = await Promise.all([
      timed('web build', buildWeb(join(dataDir, 'web'))),
      timed('data and trained model', makeTrainedDataDir(dataDir, options.runs)),
    ]);
    app = await buildServer({
      dataDir,
      webDist: distDir,
      logLevel: 'silent',
      secureCookies: false,
    });
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(RESULTS_DIR, { recursive: true });
    const opened = browser;
    const server = app;
    const pageErrors: string[] = [];
    const context = async (options: BrowserContextOptions = {}) => {
      const made = await opened.newContext({
        baseURL: baseUrl,
        viewport: DESKTOP,
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        ...options,
      });
      // A missing element fails the test in seconds, well inside vitest's own timeout.
      made.setDefaultTimeout(ACTION_TIMEOUT_MS);
      made.on('page', (page) =>
        page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`)),
      );
      return made;
    };
    return {
      baseUrl,
      browser: opened,
      distDir,
      pageErrors,
      context,
      async loggedIn(who, options) {
        const made = await context(options);
        const reply = await made.request.post('/api/auth/login', {
          data: { username: who, password: passwordOf(who) },
        });
        if (!reply.ok()) throw new Error(`login ${who}: ${reply.status()} ${await reply.text()}`);
        return made;
      },
      async close() {
        await opened.close();
        await server.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** GET an API path with the context's cookies; fails the test on a non-2xx answer. */
export async function apiGet<T>(context: BrowserContext, path: string): Promise<T> {
  const reply = await context.request.get(path);
  if (!reply.ok()) throw new Error(`GET ${path}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

/**
 * Starts recording what a page reports going wrong: console errors ("console: text") and answers
 * of 400 or more or requests that never got one ("401 GET http://…/api/…"). The array fills as
 * the page runs; a test reads it once the page is settled.
 */
export function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      failures.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText;
    // Aborted by the browser itself (a navigation away, a preload no longer wanted): not the
    // app's failure. A module the app needed and did not get still fails its import, which
    // logs a console error caught above.
    if (error === 'net::ERR_ABORTED') return;
    failures.push(`failed ${request.method()} ${request.url()}: ${error}`);
  });
  return failures;
}

/**
 * Saves a screenshot as test-results/e2e/<name>.png: the whole page, or only the window
 * (`fullPage: false`, the README's size: small files showing what a person first sees).
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  const { fullPage = true } = options;
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage });
}

/** True when the page is wider than its window (a horizontal scroll bar). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

/**
 * The drawn charts (ECharts containers, role="img") of the page, and those whose panel has fewer
 * "numbers behind the chart" tables (ChartTable's <details>) than charts: each chart must have
 * one (issue 6, accessibility).
 */
export function chartsWithoutNumbers(page: Page): Promise<{ charts: number; missing: string[] }> {
  return page.evaluate(() => {
    const drawn = (root: ParentNode) =>
      [...root.querySelectorAll('[role="img"]')].filter((c) => c.querySelector('svg'));
    const missing: string[] = [];
    const charts = drawn(document);
    for (const chart of charts) {
      const panel = chart.closest('.card, section') ?? document.body;
      const tables = panel.querySelectorAll('details table').length;
      if (tables < drawn(panel).length) missing.push(chart.getAttribute('aria-label') ?? '?');
    }
    return { charts: charts.length, missing };
  });
}

/**
 * Text on the page whose contrast with its background is under WCAG AA: 4.5:1, or 3:1 for large
 * text (≥ 24 px, or ≥ 18.66 px bold). Each entry: "ratio: text (colour on background)". Chart
 * drawings (SVG) and disabled controls are out of scope (WCAG 1.4.3 exempts inactive controls;
 * the numbers behind each chart are checked as the tables they also are).
 */
export function lowContrastTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m?.[1]) return [0, 0, 0, 1];
      const [r = 0, g = 0, b = 0, a = 1] = m[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r, g, b, a];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [
        top[0] * a + bottom[0] * (1 - a),
        top[1] * a + bottom[1] * (1 - a),
        top[2] * a + bottom[2] * (1 - a),
        1,
      ];
    };
    // The colour behind an element: its own and its ancestors' backgrounds, composed over white.
    const background = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = element; e; e = e.parentElement) {
        const colour = parse(getComputedStyle(e).backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      let result: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const failures: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest('svg, [disabled], [aria-disabled="true"]')) continue;
      const ownText = [...element.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!ownText) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (style.visibility === 'hidden' || box.width === 0 || box.height === 0) continue;
      if (element.closest('details:not([open])') && !element.closest('summary')) continue;
      const colour = parse(style.color);
      const back = background(element);
      const fore = over(colour, back);
      const [light, dark] = [luminance(fore), luminance(back)].sort((a, b) => b - a) as [
        number,
        number,
      ];
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        failures.push(
          `${ratio.toFixed(2)}: "${ownText.slice(0, 40)}" (${style.color} on rgb(${back
            .slice(0, 3)
            .map(Math.round)
            .join(',')}))`,
        );
      }
    }
    return failures;
  });
}
