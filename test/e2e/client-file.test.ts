/**
 * A client's file in a real browser, checked against the API: the gauge's probability, the
 * reasons, the waterfall, the profile, a comparison that marks the client, a what-if edit, a
 * decision override, and keyboard use of the tabs. Screenshots of every tab.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTION_TIMEOUT_MS,
  apiGet,
  browserMissing,
  type E2e,
  PHONE,
  screenshot,
  startE2e,
} from './harness.ts';

interface Score {
  probability: number;
  points: number;
  decision: 'grant' | 'refuse';
}
interface Reason {
  textFr: string;
  textEn: string;
}
interface Explanation {
  reasons: { adverse: Reason[]; favourable: Reason[] };
}
interface ListedClient {
  id: number;
  credit: number | null;
  decision: 'grant' | 'refuse';
}
interface WhatIf {
  score: { probability: number; decision: 'grant' | 'refuse' };
  changed: { field: string; derived: string | null }[];
}
interface Distribution {
  client: { value: number | null; percentile: number | null } | null;
}
interface ClientFile {
  sections: { key: string; values: { label_fr: string }[] }[];
}

/** The what-if edit the tests make: four times the requested amount. */
const CREDIT_FACTOR = 4;

/** expect.poll's patience: as long as a page action's. */
const POLL = { timeout: ACTION_TIMEOUT_MS, interval: 50 };

/** The value of an attribute, waiting until the element carries it. */
async function attribute(locator: Locator, name: string): Promise<string> {
  await locator.waitFor();
  await expect.poll(() => locator.getAttribute(name), POLL).not.toBeNull();
  return (await locator.getAttribute(name)) ?? '';
}

/** An element's own aria-expanded, or that of the control inside it. */
function expanded(row: Locator): Promise<string | null> {
  return row.evaluate(
    (el) =>
      el.getAttribute('aria-expanded') ??
      el.querySelector('[aria-expanded]')?.getAttribute('aria-expanded') ??
      null,
  );
}

/** Clicks a switch whatever it is made of: a select (to its other option) or a button/box. */
async function flip(control: Locator): Promise<void> {
  const tag = await control.evaluate((el) => el.tagName);
  if (tag !== 'SELECT') return control.click();
  const options = await control
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const current = await control.inputValue();
  await control.selectOption(options.find((o) => o !== current) ?? current);
}

describe.skipIf(browserMissing() !== null)('client file (Chromium)', () => {
  let e2e: E2e;
  let adviser: BrowserContext;
  let page: Page;
  /** A client whose probability moves when the requested amount does (checked on the API). */
  let client: ListedClient;
  let score: Score;

  const open = async (section = '') => {
    await page.goto(`/clients/${client.id}${section ? `/${section}` : ''}`);
    await page.getByTestId('client-page').waitFor();
  };

  beforeAll(async () => {
    e2e = await startE2e('creditlens-e2e-file-');
    adviser = await e2e.loggedIn('adviser');
    const list = await apiGet<{ clients: ListedClient[] }>(
      adviser,
      '/api/clients?pageSize=30&sort=-probability',
    );
    // The premise of the what-if test, checked on the API: a large change of the requested amount
    // moves this client's probability (a small model may ignore the amount for some clients).
    for (const candidate of list.clients) {
      if (candidate.credit === null) continue;
      const stored = await apiGet<Score>(adviser, `/api/clients/${candidate.id}/score`);
      const reply = await adviser.request.post('/api/score', {
        data: {
          clientId: candidate.id,
          changes: { AMT_CREDIT: Math.round(candidate.credit * CREDIT_FACTOR) },
        },
      });
      const changed = (await reply.json()) as WhatIf;
      if (reply.ok() && Math.abs(changed.score.probability - stored.probability) > 1e-4) {
        client = candidate;
        score = stored;
        break;
      }
    }
    if (!client) throw new Error('no client among 30 whose probability depends on AMT_CREDIT');
    page = await adviser.newPage();
  });
  afterEach(() => {
    // No page threw: an uncaught exception is a bug even when the page still looks right.
    expect(e2e.pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await adviser?.close();
    await e2e?.close();
  });

  it('shows the gauge with exactly the API probability, decision and points', async () => {
    await open();
    const probability = page.getByTestId('score-probability');
    expect(Number(await attribute(probability, 'data-probability'))).toBe(score.probability);
    // The text rounds it ("12,3 %"): one decimal, French comma.
    const shown = Number(
      (await probability.textContent())?.replace(/[^\d,.-]/g, '').replace(',', '.'),
    );
    expect(Math.abs(shown - score.probability * 100)).toBeLessThan(0.051);
    expect(await attribute(page.getByTestId('score-decision'), 'data-decision')).toBe(
      score.decision,
    );
    expect(await page.getByTestId('score-points').textContent()).toContain(
      String(Math.round(score.points)),
    );
    expect((await page.getByTestId('score-band').textContent())?.trim()).not.toBe('');
    expect(await page.getByTestId('score-sentence').textContent()).toMatch(/100/);
    await page.getByTestId('score-gauge').locator('svg').first().waitFor();
    await page.getByTestId('reason').first().waitFor();
    await page.getByTestId('waterfall-chart').locator('svg').first().waitFor();
    await screenshot(page, 'readme-summary', { fullPage: false });
  });

  it('lists the adverse and favourable reasons the API gives', async () => {
    await open();
    const explanation = await apiGet<Explanation>(adviser, `/api/clients/${client.id}/explanation`);
    const { adverse, favourable } = explanation.reasons;
    expect(adverse.length + favourable.length).toBeGreaterThan(0);
    const adverseList = page.getByTestId('reasons-adverse');
    const favourableList = page.getByTestId('reasons-favourable');
    await page.getByTestId('reason').first().waitFor();
    expect(await adverseList.getByTestId('reason').count()).toBe(adverse.length);
    expect(await favourableList.getByTestId('reason').count()).toBe(favourable.length);
    const first = adverse[0] ?? favourable[0];
    expect(await page.getByTestId('reason').allTextContents()).toContainEqual(
      expect.stringContaining(first?.textFr ?? ''),
    );
  });

  it('draws the waterfall, switches its units and expands a theme', async () => {
    await open();
    const chart = page.getByTestId('waterfall-chart');
    await chart.locator('svg').first().waitFor();
    const row = page.getByTestId('theme-row').first();
    await row.waitFor();
    expect(await expanded(row)).toBe('false');
    const control = (await row.getAttribute('aria-expanded'))
      ? row
      : row.locator('[aria-expanded]').first();
    await control.click();
    await expect.poll(() => expanded(row), POLL).toBe('true');

    const before = await chart.textContent();
    await flip(page.getByTestId('units-switch'));
    await expect.poll(() => chart.textContent(), POLL).not.toBe(before);
    await screenshot(page, '03-client-summary');
  });

  it('shows the file in sections and filters them by text', async () => {
    await open('profile');
    const file = await apiGet<ClientFile>(adviser, `/api/clients/${client.id}`);
    const sections = page.getByTestId('profile-section');
    await sections.first().waitFor();
    expect(await sections.count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, '04-profile');

    // A label of one section, and one of another section that the first does not contain.
    const label = file.sections[0]?.values[0]?.label_fr ?? '';
    const other = file.sections
      .slice(1)
      .flatMap((s) => s.values.map((v) => v.label_fr))
      .find((l) => !l.toLowerCase().includes(label.toLowerCase()));
    expect(label).not.toBe('');
    await page.getByTestId('profile-filter').fill(label);
    const shown = async () => (await sections.allTextContents()).join(' ');
    await expect.poll(shown, POLL).not.toContain(other);
    expect(await shown()).toContain(label);
  });

  it('marks the client on the distribution chart with the API value, for each group', async () => {
    await open('compare');
    const chart = page.getByTestId('distribution-chart');
    const feature = page.getByTestId('compare-feature');
    await feature.waitFor();
    const name = await feature.inputValue();
    expect(name).toMatch(/^[A-Za-z0-9_]+$/);
    const all = await apiGet<Distribution>(
      adviser,
      `/api/population/features/${name}?group=all&client=${client.id}`,
    );
    const marked = await attribute(chart, 'data-client-value');
    const value = all.client?.value ?? null;
    if (value === null) expect(marked).toBe('');
    else expect(Number(marked)).toBe(value);
    await chart.locator('svg').first().waitFor();
    expect((await page.getByTestId('client-percentile').textContent())?.trim()).not.toBe('');
    await page.getByTestId('similar-table').waitFor();
    await page.getByTestId('scatter-chart').locator('svg').first().waitFor();
    await screenshot(page, '05-compare');
    await screenshot(page, 'readme-compare', { fullPage: false });

    // Other groups: asked of the API, the chart still marks the same value of the client.
    const distribution = (test: (url: string) => boolean) =>
      page.waitForResponse((r) => r.url().includes(`/features/${name}?`) && test(r.url()));
    const similar = distribution((url) => url.includes('group=similar'));
    await page.getByTestId('compare-group').selectOption('similar');
    expect((await similar).ok()).toBe(true);
    await expect.poll(() => chart.getAttribute('data-client-value'), POLL).toBe(marked);

    // A group defined with the search filters: the refused files, as many as the list has.
    const refused = await apiGet<{ total: number }>(adviser, '/api/clients?decision=refuse');
    await page.getByTestId('compare-group').selectOption('filtered');
    await page.getByTestId('compare-filter-decision').selectOption('refuse');
    const filtered = distribution((url) =>
      /group=filtered.*decision=refuse|decision=refuse.*group=filtered/.test(url),
    );
    await page.getByTestId('compare-filter-apply').click();
    const answer = await filtered;
    expect(answer.ok()).toBe(true);
    expect(((await answer.json()) as { size: number }).size).toBe(refused.total);
    await expect.poll(() => chart.getAttribute('data-client-value'), POLL).toBe(marked);
  });

  it('changes the probability when the requested amount is edited, and resets', async () => {
    await open('whatif');
    const probability = page.getByTestId('whatif-probability');
    expect(Number(await attribute(probability, 'data-probability'))).toBe(score.probability);
    const field = page.getByTestId('whatif-field-AMT_CREDIT');
    const credit = Math.round((client.credit as number) * CREDIT_FACTOR);
    await field.fill(String(credit));
    const answer = (await (
      await adviser.request.post('/api/score', {
        data: { clientId: client.id, changes: { AMT_CREDIT: credit } },
      })
    ).json()) as WhatIf;
    const expected = answer.score;
    // The loan rule: the instalment is recomputed for the same term, and said under its field.
    expect(answer.changed.find((c) => c.field === 'AMT_ANNUITY')?.derived).toBe('same-term');
    const note = page.getByTestId('whatif-note-AMT_ANNUITY');
    await expect
      .poll(() => note.textContent(), POLL)
      .toMatch(/Recalculée pour la même durée|Recomputed for the same term/);
    const shown = async () => Number(await probability.getAttribute('data-probability'));
    await expect.poll(shown, POLL).toBe(expected.probability);
    expect(await attribute(page.getByTestId('whatif-decision'), 'data-decision')).toBe(
      expected.decision,
    );
    await page.getByTestId('whatif-reasons').waitFor();
    await screenshot(page, '06-whatif');
    await screenshot(page, 'readme-whatif', { fullPage: false });

    await page.getByTestId('whatif-reset').click();
    await expect.poll(shown, POLL).toBe(score.probability);
  });

  it('refuses an override without a justification or a reason category, then records it in the history', async () => {
    await open('decision');
    const path = `/api/clients/${client.id}/decisions`;
    const before = await apiGet<{ decisions: unknown[] }>(adviser, path);
    await page.getByTestId('decision-override').click();
    const submit = page.getByTestId('decision-submit');
    if (await submit.isEnabled()) {
      await submit.click();
      // Either the form says what is missing or the API's 400 is shown; nothing is recorded.
      await page
        .locator('[data-testid="error-message"], [aria-invalid="true"], :invalid')
        .first()
        .waitFor();
    }
    expect((await apiGet<{ decisions: unknown[] }>(adviser, path)).decisions).toHaveLength(
      before.decisions.length,
    );

    const justification = 'Revenus complémentaires justifiés par trois bulletins de salaire.';
    await page.getByTestId('decision-justification').fill(justification);
    // A reason category from the API's list is needed too; the form says so before sending.
    await submit.click();
    expect(await page.getByTestId('decision-problem').textContent()).toBe(
      'Choisissez le motif de la décision dans la liste.',
    );
    await page.getByTestId('decision-category').selectOption('additional-income');
    await submit.click();
    await page.getByTestId('decision-history').getByText(justification).waitFor();
    const after = await apiGet<{
      decisions: {
        followsModel: boolean;
        justification: string;
        decision: string;
        reasonCategory: string;
      }[];
    }>(adviser, path);
    expect(after.decisions[0]).toMatchObject({
      followsModel: false,
      justification,
      reasonCategory: 'additional-income',
      decision: score.decision === 'grant' ? 'refuse' : 'grant',
    });
    await screenshot(page, '07-decision');
  });

  it('reads at phone width: the score, the reasons and the comparison (screenshots)', async () => {
    const phone = await e2e.loggedIn('adviser', { viewport: PHONE });
    try {
      const small = await phone.newPage();
      await small.goto(`/clients/${client.id}`);
      await small.getByTestId('score-probability').waitFor();
      await small.getByTestId('reason').first().waitFor();
      expect(await small.getByTestId('score-sentence').textContent()).toMatch(
        /^Sur 100 clients au même niveau de risque/,
      );
      await screenshot(small, '15-phone-summary');
      await small.goto(`/clients/${client.id}/compare`);
      await small.getByTestId('distribution-chart').locator('svg').first().waitFor();
      expect(await small.getByTestId('distribution-hundred').textContent()).toMatch(/100\s%/);
      await screenshot(small, '15-phone-compare');
    } finally {
      await phone.close();
    }
  });

  it('reaches the tabs with Tab and switches them with the arrow keys', async () => {
    await open();
    await page.getByTestId('score-probability').waitFor();
    let reached = '';
    for (let presses = 0; presses < 40 && !reached.startsWith('tab-'); presses++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement?.getAttribute('data-testid') ?? '',
      );
    }
    expect(reached).toBe('tab-summary');
    // The focus is visible: an outline or a ring drawn with a shadow.
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow };
    });
    expect(
      (ring.outline !== 'none' && ring.width !== '0px') || ring.shadow !== 'none',
      JSON.stringify(ring),
    ).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(new RegExp(`/clients/${client.id}/profile$`));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'tab-profile',
    );
    expect(await page.getByTestId('tab-profile').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('profile-section').first().waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(new RegExp(`/clients/${client.id}$`));
    await page.getByTestId('score-probability').waitFor();
  });
});
