/**
 * A replica picks up a new DuckDB feature store without a restart: the writer builds a new
 * database beside the served one and renames it over it (as ingest does, atomic-db.ts); the
 * server, which holds the old file open read-only, serves the new clients and scores within a
 * couple of seconds, and keeps answering meanwhile.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeDataDir, testServer } from '../../src/api/test-support.ts';
import { buildFeatures } from '../../src/data/features/index.ts';
import { generateDataset } from '../../src/data/generate/index.ts';
import { ingestDirectory } from '../../src/data/ingest/index.ts';

let dataDir = '';
let cleanup = () => {};
let app: FastifyInstance;

beforeAll(async () => {
  ({ dataDir, cleanup } = await makeDataDir('creditlens-store-swap-'));
  // Its own DuckDB file (isolated), watched for swaps.
  app = await testServer(dataDir, { isolated: true, webDist: null });
});

afterAll(async () => {
  await app?.close();
  cleanup();
});

describe('a new feature store swapped in by the writer', () => {
  it('is served without a restart, clients and scores together', async () => {
    const cookie = await login(app, 'adviser');
    const total = async () => {
      const reply = await app.inject({ url: '/api/clients?pageSize=1', headers: { cookie } });
      expect(reply.statusCode).toBe(200);
      return reply.json().total as number;
    };
    expect(await total()).toBe(360);

    // The writer: a new database built elsewhere, then renamed over the served one.
    const next = join(dataDir, 'next');
    const nextDb = join(next, 'creditlens.duckdb');
    await generateDataset({ outDir: join(next, 'demo'), clients: 200, testClients: 40, seed: 7 });
    await ingestDirectory({ dir: join(next, 'demo'), dbPath: nextDb });
    await buildFeatures({ dbPath: nextDb });
    renameSync(nextDb, join(dataDir, 'creditlens.duckdb'));

    const start = Date.now();
    let seen = await total();
    while (seen !== 240 && Date.now() - start < 5000) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await total();
    }
    expect(seen).toBe(240);
    expect(Date.now() - start).toBeLessThan(5000);
    // Scored by the active model over the new clients: every listed client has a score.
    const page = await app.inject({ url: '/api/clients?pageSize=50', headers: { cookie } });
    const clients = page.json().clients as { id: number }[];
    expect(clients).toHaveLength(50);
    const one = clients[0];
    const score = await app.inject({ url: `/api/clients/${one?.id}/score`, headers: { cookie } });
    expect(score.statusCode).toBe(200);
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });
});
