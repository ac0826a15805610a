/** The explanation route through inject(): exact contributions, reasons, roles, validation, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonCode } from '../../data/features/reason-codes.ts';
import { type DemoName, type LoggedInServer, loggedInServer } from '../test-support.ts';

let server: LoggedInServer;
let own: number;

beforeAll(async () => {
  server = await loggedInServer('creditlens-explanation-');
  ({ own } = server);
});

afterAll(() => server?.close());

function get(who: DemoName | null, url: string) {
  return server.get(who, url);
}

interface Unit {
  logOdds: number;
  points: number;
  probabilityPoints: number;
}

describe('GET /api/clients/:id/explanation', () => {
  it('adds up exactly to the score the score route serves', async () => {
    const response = await get('adviser', `/api/clients/${own}/explanation?top=5&all=true`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const score = (await get('adviser', `/api/clients/${own}/score`)).json();
    const { contributions } = body;
    const all = contributions.all as Unit[];
    const sum = all.reduce((s, c) => s + c.logOdds, 0);
    expect(contributions.expectedLogOdds + sum).toBeCloseTo(contributions.logOdds, 9);
    expect(1 / (1 + Math.exp(-contributions.logOdds))).toBeCloseTo(score.rawProbability, 9);
    expect(contributions.probability).toBeCloseTo(score.probability, 9);
    // Top N plus the rest cover every unit.
    expect(contributions.top.length).toBeLessThanOrEqual(5);
    const topSum = (contributions.top as Unit[]).reduce((s, c) => s + c.logOdds, 0);
    expect(topSum + contributions.rest.logOdds).toBeCloseTo(sum, 9);
    // Themes regroup the same total.
    const themeSum = (body.themes as { logOdds: number }[]).reduce((s, t) => s + t.logOdds, 0);
    expect(themeSum).toBeCloseTo(sum, 9);
    expect(body.modelVersion).toBe(score.modelVersion);
  });

  it('gives at most four reasons each way, as French and English sentences', async () => {
    const body = (await get('adviser', `/api/clients/${own}/explanation`)).json();
    const { adverse, favourable } = body.reasons as Record<
      string,
      { textFr: string; textEn: string }[]
    >;
    expect((adverse?.length ?? 0) + (favourable?.length ?? 0)).toBeGreaterThan(0);
    for (const list of [adverse ?? [], favourable ?? []]) {
      expect(list.length).toBeLessThanOrEqual(4);
      for (const reason of list) {
        expect(reason.textFr.length).toBeGreaterThan(5);
        expect(reason.textEn.length).toBeGreaterThan(5);
      }
    }
  });

  it("labels every contribution and reason by its code, and gives the client's view beside the adviser's", async () => {
    const body = (await get('adviser', `/api/clients/${own}/explanation?all=true`)).json();
    expect(body.view).toBe('adviser');
    const all = body.contributions.all as (Unit & { key: string; code: string })[];
    for (const c of all) expect(reasonCode(c.code), c.key).toBeDefined();
    const reasons = [...body.reasons.adverse, ...body.reasons.favourable];
    for (const r of reasons) {
      expect(reasonCode(r.code)?.family).toBe(r.family);
      expect(r.statementFr.length).toBeGreaterThan(5);
    }
    const { clientReasons } = body;
    const told = [...clientReasons.adverse, ...clientReasons.favourable] as {
      code: string;
      family: string;
      clientExplainable: boolean;
      logOdds: number;
      textFr: string;
      noteFr: string | null;
    }[];
    expect(clientReasons.adverse.length).toBeLessThanOrEqual(4);
    expect(clientReasons.favourable.length).toBeLessThanOrEqual(4);
    expect(new Set(told.map((r) => r.family)).size).toBe(told.length);
    for (const r of told) {
      expect(reasonCode(r.code)?.clientExplainable, r.code).toBe(true);
      if (r.code.startsWith('R-EXT-')) expect(r.noteFr).toMatch(/organismes externes/);
    }
    // The client's reasons and the pooled line make the whole.
    const whole = all.reduce((s, c) => s + c.logOdds, 0);
    const sum = told.reduce((s, r) => s + r.logOdds, 0) + clientReasons.others.logOdds;
    expect(sum).toBeCloseTo(whole, 9);
    expect(clientReasons.others.labelFr).toBe('Autres éléments du dossier');
  });

  it('answers a customer with the client view only, the sums still whole', async () => {
    const adviser = (await get('adviser', `/api/clients/${own}/explanation`)).json();
    const response = await get('customer1', `/api/clients/${own}/explanation?all=true`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.view).toBe('client');
    expect(body.reasons.adverse).toEqual(body.clientReasons.adverse);
    expect(body.reasons.favourable).toEqual(body.clientReasons.favourable);
    expect(body.clientReasons).toEqual(adviser.clientReasons);
    const listed = [
      ...body.contributions.top,
      ...body.contributions.all,
      ...body.themes.flatMap((t: { contributions: unknown[] }) => t.contributions),
    ] as { key: string; code: string; sensitive: boolean }[];
    for (const c of listed) {
      expect(reasonCode(c.code)?.clientExplainable, c.key).toBe(true);
      expect(c.sensitive).toBe(false);
    }
    const { contributions } = body;
    const top = (contributions.top as Unit[]).reduce((s, c) => s + c.logOdds, 0);
    expect(contributions.expectedLogOdds + top + contributions.rest.logOdds).toBeCloseTo(
      contributions.logOdds,
      9,
    );
    const themes = (body.themes as Unit[]).reduce((s, t) => s + t.logOdds, 0);
    expect(contributions.expectedLogOdds + themes).toBeCloseTo(contributions.logOdds, 9);
    // One cache entry per view: the adviser's answer is not the customer's.
    const again = (await get('adviser', `/api/clients/${own}/explanation`)).json();
    expect(again.view).toBe('adviser');
  });

  it('lets a customer see their own explanation only', async () => {
    expect((await get(null, `/api/clients/${own}/explanation`)).statusCode).toBe(401);
    expect((await get('customer1', `/api/clients/${own}/explanation`)).statusCode).toBe(200);
    expect((await get('customer2', `/api/clients/${own}/explanation`)).statusCode).toBe(403);
    expect((await get('adviser', '/api/clients/999999999/explanation')).statusCode).toBe(404);
  });

  it('names a bad query parameter', async () => {
    for (const query of ['top=0', 'top=51', 'top=abc', 'colour=red']) {
      const response = await get('adviser', `/api/clients/${own}/explanation?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toMatch(/top|colour/);
    }
  });

  it('records every explanation viewed in the audit trail', async () => {
    await get('customer1', `/api/clients/${own}/explanation`);
    const audit = await get('admin', `/api/audit?client=${own}&action=client.explanation`);
    expect(audit.statusCode).toBe(200);
    const records = audit.json().records as { action: string; username: string }[];
    expect(records.some((r) => r.username === 'customer1')).toBe(true);
  });

  it('answers a repeated request from its cache with the same JSON, still audited each time', async () => {
    const url = `/api/clients/${own}/explanation?top=7`;
    const count = async () =>
      (await get('admin', `/api/audit?client=${own}&action=client.explanation`)).json().records
        .length as number;
    const before = await count();
    const first = await get('adviser', url);
    const second = await get('adviser', url);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(second.body).toBe(first.body);
    expect(first.json().contributions.top).toHaveLength(7);
    expect(await count()).toBe(before + 2);
    // Another top is another answer; all=true is computed each time and lists every unit.
    expect(
      (await get('adviser', `/api/clients/${own}/explanation?top=3`)).json().contributions.top,
    ).toHaveLength(3);
    expect(
      (await get('adviser', `${url}&all=true`)).json().contributions.all.length,
    ).toBeGreaterThan(7);
  });
});
