/**
 * The OpenAPI document as the server publishes it at /api/openapi.json, built without data: a
 * server on no database, no models and an in-memory store, asked for its document and closed.
 * The dashboard's types are generated from it (scripts/api-types) and a test validates it.
 */

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../server.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const nowhere = join(tmpdir(), 'creditlens-no-data');
  const store = openSqliteStore(':memory:');
  const app = await buildServer({
    store,
    dbPath: join(nowhere, 'none.duckdb'),
    modelsDir: join(nowhere, 'models'),
    demoUsers: false,
    logLevel: 'silent',
    webDist: null,
  });
  try {
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await store.close();
  }
}
