/**
 * The fallback that needs nothing but the shared files: a run made active in the registry by
 * someone else (`creditlens models promote`, another replica without PostgreSQL's NOTIFY) is
 * served within 2 s, without a restart; a run that cannot be served leaves the old one served.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promoteRun, saveRun } from '../../model/registry/index.ts';
import { readRegistry, writeRegistry } from '../../model/registry/registry-file.ts';
import { fabricateDraft, tinyModel } from '../../model/registry/test-support.ts';
import { type LoggedInServer, loggedInServer } from '../test-support.ts';

let server: LoggedInServer;

beforeAll(async () => {
  server = await loggedInServer('creditlens-model-watch-', { webDist: null });
});
afterAll(() => server?.close());

async function servedWithin(id: string, ms: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if ((await server.get('adviser', '/api/model')).json().id === id) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${id} not served within ${ms} ms`);
}

describe('the active model followed from the registry', () => {
  it('serves a run promoted outside this server within 2 s', async () => {
    const { modelsDir } = server.app.ctx.config;
    const saved = await saveRun(
      modelsDir,
      { model: tinyModel(23), draft: fabricateDraft({ seed: 4 }) },
      { activate: false },
    );
    await promoteRun(modelsDir, saved.id);
    expect(await servedWithin(saved.id, 2000)).toBeLessThanOrEqual(2000);
    const score = await server.get('adviser', `/api/clients/${server.own}/score`);
    expect(score.json().modelVersion).toBe(saved.id);
  });

  it('keeps the old model when the promoted run cannot be loaded', async () => {
    const { modelsDir } = server.app.ctx.config;
    const served = (await server.get('adviser', '/api/model')).json().id as string;
    const broken = await saveRun(
      modelsDir,
      { model: tinyModel(29), draft: fabricateDraft({ seed: 6 }) },
      { activate: false },
    );
    // Corrupted (a disk fault, a half-copied folder), then made active by a hand-edited registry.
    writeFileSync(join(modelsDir, broken.id, 'model.json'), '{ not json');
    await writeRegistry(modelsDir, { ...(await readRegistry(modelsDir)), active: broken.id });
    await new Promise((r) => setTimeout(r, 2500));
    expect((await server.get('adviser', '/api/model')).json().id).toBe(served);
    expect((await server.get(null, '/readyz')).statusCode).toBe(200);
  });
});
