/** Similar clients and feature distributions through inject(): content, roles, validation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoName, type LoggedInServer, loggedInServer } from '../test-support.ts';

let server: LoggedInServer;
let own: number;
let feature: string;

beforeAll(async () => {
  server = await loggedInServer('creditlens-comparison-');
  ({ own } = server);
  const model = await get('adviser', '/api/model');
  feature = model.json().importance.features[0].name as string;
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

  it('hides neighbour identifiers from a customer and refuses other files', async () => {
    const mine = await get('customer1', `/api/clients/${own}/similar`);
    expect(mine.statusCode).toBe(200);
    expect((mine.json().neighbours as Neighbour[]).every((n) => n.id === undefined)).toBe(true);
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
