/**
 * What a customer can learn about other clients (issue 12): the probe that rebuilt another
 * client's record from the population routes, as tests. A customer may not choose a group
 * (filters, k), see a scatter or a neighbour list, so two requests whose groups differ by one
 * person give the same answer; what they see of their fixed groups has no cell of 1 to 9 clients;
 * staff keep their powers; every population query is audited (refused accesses in general:
 * src/api/audit/refusals.test.ts).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distributionOf } from '../../explain/index.ts';
import type { FILTER_PROPERTIES } from '../clients/filters.ts';
import { type DemoName, type LoggedInServer, loggedInServer } from '../test-support.ts';
import { coarseDistribution, exactDistribution } from './distribution-answer.ts';
import { CUSTOMER_SIMILAR_GROUP, comparing, resolveGroup } from './group.ts';

let server: LoggedInServer;
let own: number;
let other: number;
/** A few features the probe aimed at. */
let features: string[];

beforeAll(async () => {
  server = await loggedInServer('creditlens-privacy-');
  ({ own } = server);
  other = (await get('customer2', '/api/auth/me')).json().user.clientId as number;
  const population = server.app.ctx.clients?.population();
  if (!population) throw new Error('no population');
  features = ['AMT_CREDIT', 'AMT_INCOME_TOTAL', 'DAYS_BIRTH', 'EXT_SOURCE_2'].filter((f) =>
    population.columns.has(f),
  );
  expect(features.length).toBeGreaterThanOrEqual(3);
});

afterAll(() => server?.close());

/**
 * A GET as `who`; a 429 of the per-user limits on expensive routes is waited out (Retry-After)
 * and retried, so the probes are judged on what they would learn, not on their pace.
 */
async function get(who: DemoName | null, url: string): Promise<LightMyRequestResponse> {
  for (let attempt = 0; ; attempt++) {
    const reply = await server.get(who, url);
    if (reply.statusCode !== 429 || attempt === 5) return reply;
    const after = Number(reply.headers['retry-after'] ?? 1);
    await new Promise((resolve) => setTimeout(resolve, Math.min(after, 5) * 1000));
  }
}

type Query = Record<string, string | number>;

function qs(query: Query): string {
  return new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
}

/** What a caller can compare between two answers: the status and the body, request id aside. */
function seen(reply: LightMyRequestResponse): unknown {
  const body = reply.json() as { error?: Record<string, unknown> };
  if (body.error) {
    const { requestId: _, ...error } = body.error;
    return { status: reply.statusCode, error };
  }
  return { status: reply.statusCode, body };
}

interface Summary {
  id: number;
  points: number;
  age: number;
}

/** Every client of a filtered list, by points ascending (as staff). */
async function listed(filters: Query): Promise<Summary[]> {
  const all: Summary[] = [];
  for (let page = 1; ; page++) {
    const reply = await get(
      'adviser',
      `/api/clients?${qs({ ...filters, sort: 'points', pageSize: 100, page })}`,
    );
    expect(reply.statusCode).toBe(200);
    const body = reply.json() as { total: number; clients: Summary[] };
    all.push(...body.clients);
    if (all.length >= body.total || body.clients.length === 0) return all;
  }
}

/**
 * Two filter sets whose groups differ by exactly one client (the probe's bisection): the group of
 * `base` from a points value (or an age) that one client of the group alone holds, and from the
 * next value (a lower bound moving up, or an upper bound moving down: the base's own bound
 * first). When scores tie too much for that (the test model gives few distinct scores), the same
 * within one points value, or one gender. `size`: the first group's.
 */
async function differingByOne(base: Query): Promise<{ a: Query; b: Query; size: number }> {
  const whole = await listed(base);
  const blocks: Query[] = [...new Set(whole.map((c) => c.points))].map((v) => ({
    pointsMin: v,
    pointsMax: v,
  }));
  const splits: Query[] = [{}, { gender: 'F' }, { gender: 'M' }];
  const scopes = splits
    .filter((split) => Object.keys(split).every((k) => base[k] === undefined))
    .flatMap((split) => [{}, ...blocks].map((block) => ({ ...base, ...split, ...block })));
  for (const scope of scopes) {
    const group = await listed(scope);
    for (const key of ['points', 'age'] as const) {
      const held = new Map<number, number>();
      for (const c of group) held.set(c[key], (held.get(c[key]) ?? 0) + 1);
      const values = [...held.keys()].sort((x, y) => x - y);
      const lone = (i: number) => held.get(values[i] as number) === 1;
      const directions = base[`${key}Max`] !== undefined ? ['Max', 'Min'] : ['Min', 'Max'];
      for (const direction of directions) {
        const upper = direction === 'Max';
        const at = upper
          ? values.findLastIndex((_, i) => lone(i) && i > 0)
          : values.findIndex((_, i) => lone(i) && i + 1 < values.length);
        if (at < 0) continue;
        const next = values[upper ? at - 1 : at + 1] as number;
        const a = { ...scope, [`${key}${direction}`]: values[at] as number };
        const b = { ...scope, [`${key}${direction}`]: next };
        return { a, b, size: (await listed(a)).length };
      }
    }
  }
  throw new Error(`no client alone at a points value or an age in ${qs(base)}`);
}

/** A value of each filter a probe could start from. */
const BASE: Record<keyof typeof FILTER_PROPERTIES, Query> = {
  contractType: { contractType: 'Cash loans' },
  gender: { gender: 'F' },
  incomeType: { incomeType: 'Working' },
  ageMin: { ageMin: 30 },
  ageMax: { ageMax: 60 },
  // The test model grants no one: the refused are the group a probe can split.
  decision: { decision: 'refuse' },
  pointsMin: { pointsMin: -10_000 },
  pointsMax: { pointsMax: 10_000 },
};

/** The routes a probe tries with a group query, as a customer placing their own file. */
function probes(query: Query): string[] {
  const q = qs({ client: own, ...query });
  return [
    ...features.slice(0, 2).map((f) => `/api/population/features/${f}?${q}`),
    `/api/population/scatter?x=${features[0]}&y=${features[1]}&${q}`,
  ];
}

describe("the issue's attack, as a customer", () => {
  it('gets no size from a filtered group: refused with a code, the same for any group', async () => {
    const url = `/api/population/features/AMT_CREDIT?group=filtered&client=${own}&incomeType=Student`;
    const reply = await get('customer1', url);
    expect(reply.statusCode).toBe(403);
    const error = reply.json().error;
    expect(error).toMatchObject({ code: 'FIXED_GROUPS_ONLY', field: 'query.group' });
    expect(error.message).not.toMatch(/\d/);
    // An empty group and a full one answer alike.
    const empty = await get('customer1', url.replace('Student', 'Businessman'));
    const full = await get('customer1', url.replace('Student', 'Working'));
    const decided = await get('customer1', `${url}&decision=grant`);
    for (const answer of [empty, full, decided]) expect(seen(answer)).toEqual(seen(reply));
  });

  it('cannot bisect a score, a decision or any other filter: groups differing by one person give the same answer', async () => {
    for (const filter of Object.keys(BASE) as (keyof typeof BASE)[]) {
      const pair = await differingByOne(BASE[filter]);
      const [a, b, size] = [
        { group: 'filtered', ...pair.a },
        { group: 'filtered', ...pair.b },
        pair.size,
      ];
      // The pair is a real differencing pair: staff see the one client's difference.
      const staffA = await get(
        'adviser',
        `/api/population/features/${features[0]}?${qs({ client: own, ...a })}`,
      );
      const staffB = await get(
        'adviser',
        `/api/population/features/${features[0]}?${qs({ client: own, ...b })}`,
      );
      expect(staffA.json().size, filter).toBe(size);
      expect(staffB.json().size, filter).toBe(size - 1);
      const bodies = probes(a).map((url, i) => [url, probes(b)[i] as string] as const);
      for (const [urlA, urlB] of bodies) {
        const [replyA, replyB] = [await get('customer1', urlA), await get('customer1', urlB)];
        expect(replyA.statusCode, urlA).toBe(403);
        expect(seen(replyB), urlB).toEqual(seen(replyA));
        const { code, message } = replyA.json().error;
        expect(['FIXED_GROUPS_ONLY', 'FORBIDDEN_ROLE'], urlA).toContain(code);
        expect(message, urlA).not.toMatch(/\d/);
        expect(message).not.toContain(String(size));
      }
    }
  });

  it('cannot pass a filter to a fixed group, nor choose the size of the similar group', async () => {
    for (const [key, value] of Object.entries(BASE)) {
      const query = { [key]: value[key] ?? 0 };
      for (const group of ['all', 'similar']) {
        const reply = await get(
          'customer1',
          `/api/population/features/${features[0]}?${qs({ group, client: own, ...query })}`,
        );
        expect(reply.statusCode, key).toBe(403);
        expect(reply.json().error).toMatchObject({
          code: 'FIXED_GROUPS_ONLY',
          field: `query.${key}`,
        });
      }
    }
    // k and k + 1 similar clients differ by one person.
    const similar = (k: number) =>
      get(
        'customer1',
        `/api/population/features/${features[0]}?group=similar&client=${own}&k=${k}`,
      );
    const [k30, k31] = [await similar(30), await similar(31)];
    expect(k30.json().error).toMatchObject({ code: 'FIXED_GROUPS_ONLY', field: 'query.k' });
    expect(seen(k31)).toEqual(seen(k30));
    // As staff they do differ (one more client).
    const staff = (k: number) =>
      get('adviser', `/api/population/features/${features[0]}?group=similar&client=${own}&k=${k}`);
    expect((await staff(31)).json().size - (await staff(30)).json().size).toBe(1);
  });

  it('gets no scatter: no point lists, whatever the bounds', async () => {
    const pair = await differingByOne({});
    const [a, b] = [
      { group: 'filtered', ...pair.a },
      { group: 'filtered', ...pair.b },
    ];
    const scatter = (q: Query) =>
      `/api/population/scatter?${qs({ x: features[0] as string, y: features[1] as string, client: own, ...q })}`;
    const [replyA, replyB] = [
      await get('customer1', scatter(a)),
      await get('customer1', scatter(b)),
    ];
    expect(replyA.statusCode).toBe(403);
    expect(replyA.json().error.code).toBe('FORBIDDEN_ROLE');
    expect(seen(replyB)).toEqual(seen(replyA));
    const all = await get('customer1', scatter({}));
    expect(all.statusCode).toBe(403);
    // Staff: the two samples differ by the one client's point.
    const [staffA, staffB] = [await get('adviser', scatter(a)), await get('adviser', scatter(b))];
    expect(staffA.json().available - staffB.json().available).toBeLessThanOrEqual(1);
    expect(staffA.json().size - staffB.json().size).toBe(1);
  });

  it('gets no neighbour (distance, outcome, score), whatever k', async () => {
    for (const k of [1, 2, 10, 50]) {
      const reply = await get('customer1', `/api/clients/${own}/similar?k=${k}`);
      expect(reply.statusCode).toBe(403);
      expect(reply.json().error).toMatchObject({ code: 'FIXED_GROUPS_ONLY', field: 'query.k' });
      expect(reply.json().error.message).not.toMatch(/\d/);
    }
    const mine = (await get('customer1', `/api/clients/${own}/similar`)).json();
    expect(mine.neighbours).toBeNull();
    expect(mine.size).toBe(CUSTOMER_SIMILAR_GROUP);
    expect(JSON.stringify(mine)).not.toMatch(/"(distance|score|defaulted|id)":/);
    // Staff keep the list, with ids.
    const staff = (await get('adviser', `/api/clients/${own}/similar?k=1`)).json();
    expect(staff.neighbours).toHaveLength(1);
    expect(staff.neighbours[0]).toHaveProperty('id');
    expect(staff.neighbours[0]).toHaveProperty('distance');
  });

  it("is refused another client's comparisons with no more said", async () => {
    for (const url of [
      `/api/clients/${other}/similar`,
      `/api/population/features/${features[0]}?client=${other}`,
      `/api/population/features/${features[0]}?group=similar&client=${other}`,
    ]) {
      const reply = await get('customer1', url);
      expect(reply.statusCode, url).toBe(403);
      expect(reply.json().error.code).toBe('FORBIDDEN_CLIENT');
    }
  });
});

interface Answer {
  size: number;
  missing: number | null;
  edges: number[];
  counts: Record<'repaid' | 'defaulted' | 'unknown', number[] | null>;
  quantiles: Record<string, Record<string, number | null> | null>;
  client: { value: number; percentile: number | null } | null;
  disclosure: { minCell: number; merged: boolean; suppressed: string[] } | null;
}

/** The counts of an answer that hold 1 to 9 clients. */
function smallCells(a: Answer): number[] {
  return Object.values(a.counts)
    .flatMap((row) => row ?? [])
    .filter((c) => c > 0 && c < 10);
}

/** What holds of every answer a customer gets about a group. */
function checkCoarse(mine: Answer, label: string): void {
  expect(smallCells(mine), label).toEqual([]);
  expect(mine.disclosure?.minCell, label).toBe(10);
  for (const [outcome, row] of Object.entries(mine.counts)) {
    expect(row === null, `${label} ${outcome}`).toBe(mine.disclosure?.suppressed.includes(outcome));
    if (row) expect(row, label).toHaveLength(mine.edges.length - 1);
  }
  if (mine.disclosure?.suppressed.length) expect(mine.missing, label).toBeNull();
  if (mine.client?.percentile != null) {
    expect(Number.isInteger(mine.client.percentile), label).toBe(true);
  }
}

describe('what a customer sees of their fixed groups', () => {
  it('has no histogram cell of 1 to 9 clients: the route, for a few features and both groups', async () => {
    let merged = 0;
    for (const feature of [...features, 'HOUR_APPR_PROCESS_START', 'CNT_CHILDREN']) {
      for (const group of ['all', 'similar']) {
        const q = `?group=${group}&client=${other}`;
        const reply = await get('customer2', `/api/population/features/${feature}${q}`);
        if (reply.statusCode === 404) continue;
        expect(reply.statusCode, feature).toBe(200);
        const mine = reply.json() as Answer;
        checkCoarse(mine, `${feature} ${group}`);
        if (mine.disclosure?.merged) merged++;
        // The same group as staff: exact, and its edges hold the customer's.
        const staff = (
          await get('adviser', `/api/population/features/${feature}${q}`)
        ).json() as Answer;
        expect(staff.disclosure).toBeNull();
        expect(staff.size).toBe(mine.size);
        expect(mine.edges.every((e) => staff.edges.includes(e))).toBe(true);
      }
    }
    expect(merged).toBeGreaterThan(0);
  });

  it("has no histogram cell of 1 to 9 clients for any feature of the table (the route's own steps)", () => {
    const c = comparing(server.app.ctx);
    const customer = { id: 0, username: 'customer1', role: 'customer' as const, clientId: own };
    let staffSmall = 0;
    for (const group of ['all', 'similar'] as const) {
      const { rows } = resolveGroup(customer, c, { group, client: own });
      for (const feature of c.population.names) {
        const d = distributionOf(c.population, feature, { rows, clientId: own });
        checkCoarse(coarseDistribution(group, d) as Answer, `${feature} ${group}`);
        if (smallCells(exactDistribution(group, d) as Answer).length > 0) staffSmall++;
      }
    }
    // The rule had work to do: exact answers hold small cells.
    expect(staffSmall).toBeGreaterThan(0);
  });

  it('compares with all clients, and with a similar group of fixed size, not smaller than 50', async () => {
    const all = (
      await get('customer1', `/api/population/features/${features[0]}?client=${own}`)
    ).json();
    const population = server.app.ctx.clients?.population();
    expect(all).toMatchObject({ group: 'all', size: population?.size });
    const similar = (
      await get('customer1', `/api/population/features/${features[0]}?group=similar&client=${own}`)
    ).json();
    expect(similar).toMatchObject({ group: 'similar', size: CUSTOMER_SIMILAR_GROUP });
    expect(CUSTOMER_SIMILAR_GROUP).toBeGreaterThanOrEqual(50);
  });

  it('withholds the quantiles of fewer than 10 clients, and the counts of the similar table', async () => {
    for (const feature of features) {
      const mine = (
        await get('customer2', `/api/population/features/${feature}?group=similar&client=${other}`)
      ).json() as Answer;
      const defaulted = mine.counts.defaulted?.reduce((a, b) => a + b, 0) ?? 0;
      // The median of n values has (n + 1) / 2 on each side.
      if (defaulted < 19) expect(mine.quantiles.defaulted?.p50 ?? null).toBeNull();
    }
    const similar = (await get('customer2', `/api/clients/${other}/similar`)).json();
    expect(similar.comparison.length).toBeGreaterThan(0);
    for (const c of similar.comparison) expect(c.groupCount).toBeNull();
  });
});

describe('staff keep their powers', () => {
  it('filter, choose k, list neighbours and draw scatters, exactly', async () => {
    const filtered = await get(
      'adviser',
      `/api/population/features/${features[0]}?group=filtered&gender=F&client=${own}`,
    );
    expect(filtered.statusCode).toBe(200);
    expect(filtered.json().disclosure).toBeNull();
    const small = await get(
      'admin',
      `/api/population/features/${features[0]}?group=similar&k=5&client=${own}`,
    );
    expect(small.json().size).toBe(5);
    const scatter = await get(
      'admin',
      `/api/population/scatter?x=${features[0]}&y=${features[1]}&group=filtered&decision=refuse`,
    );
    expect(scatter.statusCode).toBe(200);
    expect(scatter.json().points.x.length).toBeGreaterThan(0);
    const neighbours = (await get('admin', `/api/clients/${own}/similar?k=3`)).json();
    expect(neighbours.neighbours).toHaveLength(3);
    expect(neighbours.comparison.some((c: { groupCount: number }) => c.groupCount > 0)).toBe(true);
  });
});

interface AuditRecord {
  action: string;
  username: string | null;
  role: string | null;
  clientId: number | null;
  outputSummary: string;
}

/** The newest audit records of an action (as admin). */
async function audited(action: string, extra = ''): Promise<AuditRecord[]> {
  const reply = await get('admin', `/api/audit?action=${action}&pageSize=500${extra}`);
  expect(reply.statusCode).toBe(200);
  return reply.json().records as AuditRecord[];
}

describe('the audit trail', () => {
  it('records every population query with its group and filters, for every role', async () => {
    await get(
      'adviser',
      `/api/population/features/${features[0]}?group=filtered&gender=M&ageMin=40&client=${own}`,
    );
    const [staff] = await audited('population.features', '&user=adviser');
    expect(staff).toMatchObject({ role: 'adviser', clientId: own });
    expect(JSON.parse(staff?.outputSummary ?? '{}')).toMatchObject({
      feature: features[0],
      group: 'filtered',
      filters: { gender: 'M', ageMin: 40 },
      coarse: false,
    });
    await get('customer1', `/api/population/features/${features[1]}?group=similar&client=${own}`);
    const [customer] = await audited('population.features', '&user=customer1');
    expect(JSON.parse(customer?.outputSummary ?? '{}')).toMatchObject({
      feature: features[1],
      group: 'similar',
      k: CUSTOMER_SIMILAR_GROUP,
      filters: {},
      coarse: true,
    });
    await get(
      'admin',
      `/api/population/scatter?x=${features[0]}&y=${features[1]}&group=filtered&pointsMin=500`,
    );
    const [scatter] = await audited('population.scatter', '&user=admin');
    expect(JSON.parse(scatter?.outputSummary ?? '{}')).toMatchObject({
      x: features[0],
      y: features[1],
      group: 'filtered',
      filters: { pointsMin: 500 },
    });
    await get('adviser', `/api/clients/${own}/similar?k=4`);
    const [similar] = await audited('client.similar', '&user=adviser');
    expect(similar?.clientId).toBe(own);
    expect(JSON.parse(similar?.outputSummary ?? '{}')).toMatchObject({ k: 4, size: 4 });
  });

  it('records a customer probing with filters as a refused access, with the filters tried', async () => {
    await get(
      'customer1',
      `/api/population/features/${features[0]}?group=filtered&client=${own}&incomeType=Student&pointsMin=612.5`,
    );
    const [probe] = await audited('access.refused', '&user=customer1');
    expect(probe).toMatchObject({ role: 'customer', clientId: own });
    expect(JSON.parse(probe?.outputSummary ?? '{}')).toMatchObject({
      status: 403,
      code: 'FIXED_GROUPS_ONLY',
      route: 'GET /api/population/features/:name',
      query: { group: 'filtered', incomeType: 'Student', pointsMin: 612.5 },
    });
    await get(
      'customer1',
      `/api/population/scatter?x=${features[0]}&y=${features[1]}&client=${own}`,
    );
    const [role] = await audited('access.refused', '&user=customer1');
    expect(JSON.parse(role?.outputSummary ?? '{}')).toMatchObject({
      code: 'FORBIDDEN_ROLE',
      route: 'GET /api/population/scatter',
    });
  });
});
