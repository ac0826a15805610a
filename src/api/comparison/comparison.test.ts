/** Similar clients and feature distributions through inject(): content, roles, validation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoName, type LoggedInServer, loggedInServer } from '../test-support.ts';
import { CUSTOMER_SIMILAR_GROUP } from './group.ts';

let server: LoggedInServer;
let own: number;
let feature: string;
let second: string;

beforeAll(async () => {
  server = await loggedInServer('creditlens-comparison-');
  ({ own } = server);
  const model = await get('adviser', '/api/model');
  feature = model.json().importance.features[0].name as string;
  second = model.json().importance.features[1].name as string;
});

afterAll(() => server?.close());

function get(who: DemoName | null, url: string) {
  return server.get(who, url);
}

interface Neighbour {
  id?: number;
  distance: number;
  defaulted: boolean;
}

describe('GET /api/clients/:id/similar', () => {
  it('lists k neighbours with a known outcome, nearest first, and their default rate', async () => {
    const response = await get('adviser', `/api/clients/${own}/similar?k=7`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const neighbours = body.neighbours as Neighbour[];
    expect(neighbours).toHaveLength(7);
    for (let i = 1; i < neighbours.length; i++) {
      expect(neighbours[i]?.distance).toBeGreaterThanOrEqual(neighbours[i - 1]?.distance ?? 0);
    }
    const rate = neighbours.filter((n) => n.defaulted).length / neighbours.length;
    expect(body.defaultRate).toBeCloseTo(rate, 12);
    expect(neighbours.every((n) => n.id !== own && typeof n.id === 'number')).toBe(true);
    expect(body.meanScore).toBeGreaterThan(0);
  });

  it("sets the client beside the neighbours' mean and median on each feature of the space", async () => {
    const body = (await get('adviser', `/api/clients/${own}/similar?k=7`)).json();
    const comparison = body.comparison as {
      feature: string;
      client: number | null;
      groupMean: number | null;
      groupMedian: number | null;
      groupCount: number;
    }[];
    expect(comparison.map((c) => c.feature)).toEqual(
      (body.space as { name: string }[]).map((f) => f.name),
    );
    // The same group through the distribution route: same client value, same median.
    for (const c of comparison.slice(0, 3)) {
      const d = (
        await get(
          'adviser',
          `/api/population/features/${c.feature}?group=similar&client=${own}&k=7`,
        )
      ).json();
      expect(c.client).toBe(d.client?.value ?? null);
      expect(c.groupCount).toBe(d.size - d.missing);
      if (c.groupCount > 0) {
        expect(c.groupMedian).toBeCloseTo(d.quantiles.all.p50, 9);
        expect(c.groupMean).toBeGreaterThanOrEqual(d.edges[0]);
        expect(c.groupMean).toBeLessThanOrEqual(d.edges[d.edges.length - 1]);
      }
    }
  });

  it('gives a customer their fixed similar group as figures, no neighbour list, and refuses other files', async () => {
    const mine = await get('customer1', `/api/clients/${own}/similar`);
    expect(mine.statusCode).toBe(200);
    const body = mine.json();
    expect(body).toMatchObject({ clientId: own, size: CUSTOMER_SIMILAR_GROUP, neighbours: null });
    expect(body.defaultRate).toBeGreaterThanOrEqual(0);
    expect(body.comparison.every((c: { groupCount: null }) => c.groupCount === null)).toBe(true);
    expect((await get('customer2', `/api/clients/${own}/similar`)).statusCode).toBe(403);
    expect((await get('adviser', `/api/clients/${own}/similar?k=0`)).statusCode).toBe(400);
    expect((await get('adviser', '/api/clients/999999999/similar')).statusCode).toBe(404);
  });
});

describe('GET /api/population/features/:name', () => {
  it('gives the distribution of all clients split by outcome, with the client placed', async () => {
    const response = await get('adviser', `/api/population/features/${feature}?client=${own}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const { repaid, defaulted, unknown } = body.counts as Record<string, number[]>;
    const binned = [...(repaid ?? []), ...(defaulted ?? []), ...(unknown ?? [])].reduce(
      (s, c) => s + c,
      0,
    );
    expect(binned + body.missing).toBe(body.size);
    expect(body.edges).toHaveLength((repaid?.length ?? 0) + 1);
    if (body.client !== null) {
      expect(body.client.percentile).toBeGreaterThanOrEqual(0);
      expect(body.client.percentile).toBeLessThanOrEqual(100);
    }
  });

  it('narrows to the similar clients', async () => {
    const all = (await get('adviser', `/api/population/features/${feature}?client=${own}`)).json();
    const similar = await get(
      'adviser',
      `/api/population/features/${feature}?group=similar&client=${own}&k=20`,
    );
    expect(similar.statusCode).toBe(200);
    expect(similar.json().size).toBe(20);
    expect(all.size).toBeGreaterThan(20);
  });

  it('checks the feature, the group and who asks', async () => {
    const unknown = await get('adviser', '/api/population/features/NOT_A_FEATURE');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('FEATURE_NOT_FOUND');
    const noClient = await get('adviser', `/api/population/features/${feature}?group=similar`);
    expect(noClient.statusCode).toBe(400);
    expect(noClient.json().error.field).toBe('query.client');
    const bad = await get('adviser', `/api/population/features/${feature}?group=friends`);
    expect(bad.statusCode).toBe(400);
    const url = (client: number | null) =>
      `/api/population/features/${feature}${client === null ? '' : `?client=${client}`}`;
    expect((await get('customer1', url(own))).statusCode).toBe(200);
    expect((await get('customer1', url(null))).statusCode).toBe(403);
    expect((await get('customer2', url(own))).statusCode).toBe(403);
    expect((await get(null, url(own))).statusCode).toBe(401);
  });
});

/** The list's total for the same filters: a filtered group is exactly the list's clients. */
async function listTotal(filters: string): Promise<number> {
  return (await get('adviser', `/api/clients?${filters}`)).json().total as number;
}

describe('filtered groups', () => {
  it('holds exactly the clients the list gives for the same filters', async () => {
    const filters = 'gender=F&ageMin=30&ageMax=50';
    const expected = await listTotal(filters);
    expect(expected).toBeGreaterThan(0);
    const response = await get(
      'adviser',
      `/api/population/features/${feature}?group=filtered&${filters}&client=${own}`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ group: 'filtered', size: expected });
    const { repaid, defaulted, unknown } = body.counts as Record<string, number[]>;
    const binned = [...(repaid ?? []), ...(defaulted ?? []), ...(unknown ?? [])].reduce(
      (s, c) => s + c,
      0,
    );
    expect(binned + body.missing).toBe(expected);
    // Score filters too: the list and the group agree on the model's decision.
    const refused = await listTotal('decision=refuse');
    const group = await get(
      'adviser',
      `/api/population/features/${feature}?group=filtered&decision=refuse`,
    );
    expect(group.json().size).toBe(refused);
  });

  it('answers an empty group with size 0, the client still placed', async () => {
    const response = await get(
      'adviser',
      `/api/population/features/${feature}?group=filtered&ageMin=119&client=${own}`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ size: 0, missing: 0, quantiles: { all: null } });
    if (body.client !== null) expect(body.client.percentile).toBeNull();
  });

  it('refuses filters outside group=filtered; staff see groups of any size', async () => {
    const stray = await get('adviser', `/api/population/features/${feature}?gender=F`);
    expect(stray.statusCode).toBe(400);
    expect(stray.json().error.field).toBe('query.gender');
    const reversed = await get(
      'adviser',
      `/api/population/features/${feature}?group=filtered&ageMin=50&ageMax=30`,
    );
    expect(reversed.json().error.field).toBe('query.ageMin');
    // An age holding a handful of clients: staff see the group (a customer sees no filtered
    // group at all: privacy.test.ts).
    let age = 18;
    let size = 0;
    for (; age <= 80; age++) {
      size = await listTotal(`ageMin=${age}&ageMax=${age}`);
      if (size > 0 && size < 10) break;
    }
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThan(10);
    const url = `/api/population/features/${feature}?group=filtered&ageMin=${age}&ageMax=${age}&client=${own}`;
    expect((await get('adviser', url)).json()).toMatchObject({ size, disclosure: null });
    const fewSimilar = `/api/population/features/${feature}?group=similar&k=5&client=${own}`;
    expect((await get('adviser', fewSimilar)).json().size).toBe(5);
  });
});

describe('GET /api/population/scatter', () => {
  it('samples the group evenly and deterministically, with outcomes and the client', async () => {
    const url = `/api/population/scatter?x=${feature}&y=${second}&client=${own}&max=50`;
    const response = await get('adviser', url);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const population = server.app.ctx.clients?.population();
    if (!population) throw new Error('no population');
    const xs = population.columns.get(feature) as Float64Array;
    const ys = population.columns.get(second) as Float64Array;
    const usable: number[] = [];
    for (let r = 0; r < population.size; r++) {
      if (!Number.isNaN(xs[r] as number) && !Number.isNaN(ys[r] as number)) usable.push(r);
    }
    expect(body).toMatchObject({ group: 'all', size: population.size, available: usable.length });
    expect(body.points.x).toHaveLength(Math.min(50, usable.length));
    // Every point is a real client's pair, with that client's outcome, spread over the id order.
    const first = usable[0] as number;
    expect([body.points.x[0], body.points.y[0]]).toEqual([xs[first], ys[first]]);
    const outcomeOf = (r: number) =>
      population.isTrain[r] !== 1 ? 'unknown' : population.target[r] === 1 ? 'defaulted' : 'repaid';
    expect(body.points.outcome[0]).toBe(outcomeOf(first));
    const ownRow = population.rowOf(own) as number;
    const ownPoint =
      Number.isNaN(xs[ownRow] as number) || Number.isNaN(ys[ownRow] as number)
        ? null
        : { x: xs[ownRow], y: ys[ownRow] };
    expect(body.client).toEqual(ownPoint);
    expect((await get('adviser', url)).body).toBe(response.body);
    expect(response.body).not.toMatch(/"id"/);
    const defaulted = await get('adviser', `/api/population/scatter?x=${feature}&y=${second}`);
    expect(defaulted.json().points.x).toHaveLength(Math.min(1500, usable.length));
  });

  it('draws from the similar or the filtered group', async () => {
    const similar = await get(
      'adviser',
      `/api/population/scatter?x=${feature}&y=${second}&group=similar&client=${own}&k=30`,
    );
    expect(similar.json().size).toBe(30);
    expect(similar.json().points.x.length).toBeLessThanOrEqual(30);
    const filtered = await get(
      'adviser',
      `/api/population/scatter?x=${feature}&y=${second}&group=filtered&gender=M`,
    );
    expect(filtered.json().size).toBe(await listTotal('gender=M'));
  });

  it('checks the features and who asks', async () => {
    const unknown = await get('adviser', `/api/population/scatter?x=NOPE&y=${second}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'FEATURE_NOT_FOUND', field: 'query.x' });
    const missing = await get('adviser', `/api/population/scatter?x=${feature}`);
    expect(missing.json().error.field).toBe('query.y');
    expect(
      (await get('adviser', `/api/population/scatter?x=${feature}&y=${second}&max=0`)).statusCode,
    ).toBe(400);
    const url = (client: string) => `/api/population/scatter?x=${feature}&y=${second}${client}`;
    // Staff only: a customer is refused even their own point.
    const mine = await get('customer1', url(`&client=${own}`));
    expect(mine.statusCode).toBe(403);
    expect(mine.json().error.code).toBe('FORBIDDEN_ROLE');
    expect((await get('customer1', url(''))).statusCode).toBe(403);
    expect((await get('customer2', url(`&client=${own}`))).statusCode).toBe(403);
    expect((await get(null, url(''))).statusCode).toBe(401);
  });
});
