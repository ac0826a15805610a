/**
 * A request is pinned to the served state it started with: a promotion or a new feature store
 * swapped in while it runs changes nothing it reads (before or after its body is parsed, before or
 * after an await), the next request reads the new state, and the replaced client data is closed
 * only once the last request using it has answered.
 */
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientRepository } from '../clients/repository.ts';
import type { ScoreTable } from './score-table.ts';
import { ServedModel } from './served-model.ts';
import { installServing } from './serving.ts';

/** Stand-ins: the pinning compares references and reads `record.id`, nothing else. */
const table = (id: string) => ({ record: { id } }) as unknown as ScoreTable;
const data = (name: string) => ({ name }) as unknown as ClientRepository;
const nameOf = (clients: ClientRepository | null) => (clients as unknown as { name: string }).name;

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function servingApp(served: ServedModel) {
  const app = Fastify();
  apps.push(app);
  await installServing(app, {
    served,
    dbPath: null,
    db: null,
    modelsDir: '/nonexistent/creditlens-models',
  });
  let arrived = () => {};
  let proceed = () => {};
  const inHandler = new Promise<void>((resolve) => (arrived = resolve));
  const gate = new Promise<void>((resolve) => (proceed = resolve));
  const seen = (at: string) => ({
    [`${at}Model`]: served.scores?.record.id,
    [`${at}Data`]: nameOf(served.clients),
  });
  let first = true;
  app.post('/probe', async (request) => {
    const before = seen('before');
    if (first) {
      first = false;
      arrived();
      await gate;
    }
    await new Promise((r) => setTimeout(r, 5));
    return { ...before, ...seen('after'), body: request.body };
  });
  return { app, inHandler, proceed };
}

describe('a request pinned to one served state', () => {
  it('answers entirely with the model and data it started with, through a swap', async () => {
    const served = new ServedModel({
      clients: data('old-store'),
      clientsProblem: null,
      scores: table('model-a'),
      problem: null,
    });
    const closed: string[] = [];
    const { app, inHandler, proceed } = await servingApp(served);

    const inFlight = app.inject({
      method: 'POST',
      url: '/probe',
      payload: { big: 'x'.repeat(5000) },
    });
    await inHandler;
    served.swap(table('model-b'));
    served.replaceData(
      { clients: data('new-store'), clientsProblem: null, scores: table('model-c'), problem: null },
      () => closed.push('old-store'),
    );
    const next = await app.inject({ method: 'POST', url: '/probe', payload: { n: 1 } });
    expect(next.json()).toMatchObject({
      beforeModel: 'model-c',
      afterModel: 'model-c',
      beforeData: 'new-store',
      afterData: 'new-store',
    });
    // Still in use by the request in flight: not closed yet.
    expect(closed).toEqual([]);

    proceed();
    const answered = await inFlight;
    expect(answered.json()).toMatchObject({
      beforeModel: 'model-a',
      afterModel: 'model-a',
      beforeData: 'old-store',
      afterData: 'old-store',
      body: { big: 'x'.repeat(5000) },
    });
    expect(closed).toEqual(['old-store']);
    // Outside any request: the latest state.
    expect(served.scores?.record.id).toBe('model-c');
  });

  it('closes replaced data at once when no request uses it', async () => {
    const served = new ServedModel({
      clients: data('first'),
      clientsProblem: null,
      scores: table('m'),
      problem: null,
    });
    const closed: string[] = [];
    served.replaceData(
      { clients: data('second'), clientsProblem: null, scores: table('m'), problem: null },
      () => closed.push('first'),
    );
    expect(closed).toEqual(['first']);
  });
});
