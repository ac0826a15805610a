/**
 * The role guard runs before the body or the query is validated: a caller without the right gets
 * 401 or 403, never a 400 describing what the route would accept.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedInServer, loggedInServer } from '../test-support.ts';

let server: LoggedInServer;

beforeAll(async () => {
  server = await loggedInServer('creditlens-guards-');
});

afterAll(async () => {
  await server?.close();
});

/** A body no route accepts, and an unknown query field. */
const BAD_BODY = { nonsense: ['x'], password: 1 };

interface Operation {
  method: InjectOptions['method'];
  url: string;
  /** Answers 401 to a caller without a session (the routes documenting a 401 but login). */
  protected: boolean;
}

/** Every operation of the OpenAPI document, path parameters filled in with a bad value. */
async function operations(): Promise<Operation[]> {
  const doc = (await server.get(null, '/api/openapi.json')).json() as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase() as InjectOptions['method'],
      url: `${path.replace(/\{[^}]+\}/g, 'not-an-id')}?unknownField=1`,
      // Login documents a 401 (wrong password) but is open to all.
      protected: '401' in op.responses && path !== '/api/auth/login',
    })),
  );
}

function send(op: Operation, cookie?: string) {
  const write = op.method !== 'GET';
  return server.app.inject({
    method: op.method,
    url: op.url,
    headers: cookie ? { cookie } : {},
    ...(write ? { payload: BAD_BODY } : {}),
  });
}

describe('the role guard comes first', () => {
  it('answers 401 to a logged-out caller on every protected route, whatever the params, query and body', async () => {
    const all = await operations();
    const guarded = all.filter((op) => op.protected);
    expect(guarded.length).toBeGreaterThan(15);
    for (const op of guarded) {
      const reply = await send(op);
      expect(reply.statusCode, `${op.method} ${op.url}: ${reply.body}`).toBe(401);
      expect(reply.json().error.code).toBe('NOT_LOGGED_IN');
    }
  });

  it('answers 403 to a customer on a staff route, whatever the body', async () => {
    const staffOnly: Operation[] = [
      { method: 'POST', url: '/api/admin/users', protected: true },
      { method: 'PATCH', url: '/api/admin/users/not-an-id', protected: true },
      { method: 'POST', url: '/api/admin/models/x/promote', protected: true },
      { method: 'POST', url: `/api/clients/${server.own}/decisions`, protected: true },
      { method: 'GET', url: '/api/audit?pageSize=abc', protected: true },
      { method: 'GET', url: '/api/model?unknownField=1', protected: true },
    ];
    for (const op of staffOnly) {
      const reply = await send(op, server.cookies.customer1);
      expect(reply.statusCode, `${op.method} ${op.url}: ${reply.body}`).toBe(403);
      expect(reply.json().error.code).toBe('FORBIDDEN_ROLE');
    }
    // An adviser on an admin route too.
    const adviser = await send(staffOnly[0] as Operation, server.cookies.adviser);
    expect(adviser.statusCode).toBe(403);
  });

  it('still validates for whoever may use the route', async () => {
    const reply = await send(
      { method: 'POST', url: '/api/admin/users', protected: true },
      server.cookies.admin,
    );
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.code).toBe('BAD_REQUEST');
  });
});
