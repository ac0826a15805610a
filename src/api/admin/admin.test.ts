/** Users and models administration through inject(): roles, validation, sessions, hot promote. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRuns, saveRun } from '../../model/registry/index.ts';
import { fabricateDraft, tinyModel } from '../../model/registry/test-support.ts';
import { type DemoName, type LoggedInServer, loggedInServer } from '../test-support.ts';

let server: LoggedInServer;
let loginCount = 0;

beforeAll(async () => {
  server = await loggedInServer('creditlens-admin-');
});

afterAll(() => server?.close());

function send(who: DemoName | null, method: 'POST' | 'PATCH', url: string, payload?: object) {
  return server.app.inject({
    method,
    url,
    headers: who ? { cookie: server.cookies[who] } : {},
    ...(payload ? { payload } : {}),
  });
}

/** Logs in from a fresh address each time (the per-IP limit is not under test here). */
async function login(username: string, password: string) {
  loginCount++;
  const reply = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: `10.20.${Math.floor(loginCount / 250)}.${loginCount % 250}`,
    payload: { username, password },
  });
  const cookie = String(reply.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  return { status: reply.statusCode, cookie };
}

async function meWith(cookie: string) {
  return (await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }))
    .statusCode;
}

describe('users', () => {
  it('lists every account to an admin only', async () => {
    const list = await server.get('admin', '/api/admin/users');
    expect(list.statusCode).toBe(200);
    const names = (list.json().users as { username: string; disabled: boolean }[]).map(
      (u) => u.username,
    );
    expect(names).toEqual(expect.arrayContaining(['adviser', 'admin', 'customer1', 'customer2']));
    expect(list.body).not.toContain('scrypt');
    expect((await server.get('adviser', '/api/admin/users')).statusCode).toBe(403);
    expect((await server.get('customer1', '/api/admin/users')).statusCode).toBe(403);
    expect((await server.get(null, '/api/admin/users')).statusCode).toBe(401);
  });

  it('creates a customer tied to an existing client, who can log in and see their file', async () => {
    const created = await send('admin', 'POST', '/api/admin/users', {
      username: 'new.customer',
      password: 'long-enough-1',
      role: 'customer',
      clientId: server.own,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({
      username: 'new.customer',
      role: 'customer',
      clientId: server.own,
      disabled: false,
    });
    const { status, cookie } = await login('new.customer', 'long-enough-1');
    expect(status).toBe(200);
    const file = await server.app.inject({
      method: 'GET',
      url: `/api/clients/${server.own}`,
      headers: { cookie },
    });
    expect(file.statusCode).toBe(200);
    const audit = await server.get('admin', '/api/audit?action=admin.user.create');
    expect(audit.json().records[0]).toMatchObject({ username: 'admin', clientId: server.own });
    expect(audit.body).not.toContain('long-enough-1');
  });

  it('refuses bad accounts, naming the field', async () => {
    const cases: [object, number, string, string?][] = [
      [{ username: 'x1', password: 'long-enough-1', role: 'adviser' }, 400, 'body.username'],
      [{ username: 'short.pw', password: 'short', role: 'adviser' }, 400, 'body.password'],
      [
        { username: 'no.client', password: 'long-enough-1', role: 'customer' },
        400,
        'body.clientId',
      ],
      [
        { username: 'staff.client', password: 'long-enough-1', role: 'adviser', clientId: 5 },
        400,
        'body.clientId',
      ],
      [
        { username: 'ghost', password: 'long-enough-1', role: 'customer', clientId: 999999999 },
        404,
        'body.clientId',
        'CLIENT_NOT_FOUND',
      ],
      [
        { username: 'adviser', password: 'long-enough-1', role: 'adviser' },
        409,
        '',
        'USERNAME_TAKEN',
      ],
      [{ username: 'boss', password: 'long-enough-1', role: 'root' }, 400, 'body.role'],
      [
        { username: 'extra', password: 'long-enough-1', role: 'adviser', admin: true },
        400,
        'body.admin',
      ],
    ];
    for (const [payload, status, field, code] of cases) {
      const reply = await send('admin', 'POST', '/api/admin/users', payload);
      expect(reply.statusCode, JSON.stringify(payload)).toBe(status);
      if (field) expect(reply.json().error.field).toBe(field);
      if (code) expect(reply.json().error.code).toBe(code);
    }
    const adviser = await send('adviser', 'POST', '/api/admin/users', {
      username: 'sneaky',
      password: 'long-enough-1',
      role: 'admin',
    });
    expect(adviser.statusCode).toBe(403);
  });

  it('disables an account (its sessions end at once), enables it, resets its password', async () => {
    const created = await send('admin', 'POST', '/api/admin/users', {
      username: 'temp.adviser',
      password: 'first-password',
      role: 'adviser',
    });
    const id = created.json().user.id as number;
    const first = await login('temp.adviser', 'first-password');
    expect(await meWith(first.cookie)).toBe(200);

    const disabled = await send('admin', 'PATCH', `/api/admin/users/${id}`, { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().user.disabled).toBe(true);
    expect(await meWith(first.cookie)).toBe(401);
    expect((await login('temp.adviser', 'first-password')).status).toBe(401);

    await send('admin', 'PATCH', `/api/admin/users/${id}`, { disabled: false });
    const again = await login('temp.adviser', 'first-password');
    expect(again.status).toBe(200);

    const reset = await send('admin', 'PATCH', `/api/admin/users/${id}`, {
      password: 'second-password',
    });
    expect(reset.statusCode).toBe(200);
    expect(await meWith(again.cookie)).toBe(401);
    expect((await login('temp.adviser', 'first-password')).status).toBe(401);
    expect((await login('temp.adviser', 'second-password')).status).toBe(200);

    const audit = await server.get('admin', '/api/audit?action=admin.user.update');
    expect(audit.json().total).toBe(3);
    expect(audit.body).not.toContain('second-password');
  });

  it('keeps an admin from disabling themself, and checks the update', async () => {
    const me = (await server.get('admin', '/api/auth/me')).json().user.id as number;
    const self = await send('admin', 'PATCH', `/api/admin/users/${me}`, { disabled: true });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.field).toBe('body.disabled');
    expect((await server.get('admin', '/api/auth/me')).statusCode).toBe(200);
    const cases: [string, object, number][] = [
      ['/api/admin/users/999999', { disabled: true }, 404],
      [`/api/admin/users/${me}`, {}, 400],
      [`/api/admin/users/${me}`, { password: 'short' }, 400],
      [`/api/admin/users/${me}`, { disabled: 'yes' }, 400],
      ['/api/admin/users/abc', { disabled: false }, 400],
    ];
    for (const [url, payload, status] of cases) {
      expect((await send('admin', 'PATCH', url, payload)).statusCode, url).toBe(status);
    }
    expect(
      (await send('adviser', 'PATCH', `/api/admin/users/${me}`, { disabled: false })).statusCode,
    ).toBe(403);
  });
});

describe('models', () => {
  it('lists the runs and promotes one, served at once without a restart', async () => {
    const { modelsDir } = server.app.ctx.config;
    const before = (await server.get('adviser', `/api/clients/${server.own}/score`)).json();
    const saved = await saveRun(
      modelsDir,
      { model: tinyModel(11), draft: fabricateDraft({ seed: 5 }) },
      { activate: false, now: new Date('2026-12-01T10:00:00Z') },
    );
    const list = await server.get('admin', '/api/admin/models');
    expect(list.statusCode).toBe(200);
    const models = list.json().models as { id: string; active: boolean; served: boolean }[];
    expect(models.map((m) => m.id)).toEqual((await listRuns(modelsDir)).map((r) => r.id));
    expect(models.find((m) => m.id === before.modelVersion)).toMatchObject({
      active: true,
      served: true,
    });
    expect(models.find((m) => m.id === saved.id)).toMatchObject({ active: false, served: false });
    expect((await server.get('adviser', '/api/admin/models')).statusCode).toBe(403);

    const promoted = await send('admin', 'POST', `/api/admin/models/${saved.id}/promote`);
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ served: saved.id, previous: before.modelVersion });

    const after = (await server.get('adviser', `/api/clients/${server.own}/score`)).json();
    expect(after.modelVersion).toBe(saved.id);
    expect((await server.get('adviser', '/api/model')).json().id).toBe(saved.id);
    const explained = await server.get('adviser', `/api/clients/${server.own}/explanation`);
    expect(explained.json().modelVersion).toBe(saved.id);
    expect((await server.get(null, '/readyz')).statusCode).toBe(200);
    const registry = await listRuns(modelsDir);
    expect(registry.find((r) => r.active)?.id).toBe(saved.id);
    const audit = await server.get('admin', '/api/audit?action=admin.model.promote');
    expect(audit.json().records[0]).toMatchObject({ modelVersion: saved.id });

    // And back: the first model is served again.
    const back = await send('admin', 'POST', `/api/admin/models/${before.modelVersion}/promote`);
    expect(back.json().served).toBe(before.modelVersion);
    const restored = (await server.get('adviser', `/api/clients/${server.own}/score`)).json();
    expect(restored).toEqual(before);
  });

  it("answers any run's card by id, the same as GET /api/model for the served one", async () => {
    const { modelsDir } = server.app.ctx.config;
    const served = (await server.get('adviser', '/api/model')).json();
    const byId = await server.get('admin', `/api/admin/models/${served.id}`);
    expect(byId.statusCode).toBe(200);
    expect(byId.json()).toEqual(served);
    const other = await saveRun(
      modelsDir,
      { model: tinyModel(12), draft: fabricateDraft({ seed: 6 }) },
      { activate: false, now: new Date('2026-12-02T10:00:00Z') },
    );
    const card = await server.get('admin', `/api/admin/models/${other.id}`);
    expect(card.statusCode).toBe(200);
    expect(card.json()).toMatchObject({ id: other.id, chosen: other.chosen });
    // Reading a card serves nothing new.
    expect((await server.get('adviser', '/api/model')).json().id).toBe(served.id);
    const unknown = await server.get('admin', '/api/admin/models/m-20200101-000000-0000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('MODEL_NOT_FOUND');
    // A prefix is not a run: the card names one run.
    const prefix = await server.get('admin', `/api/admin/models/${other.id.slice(0, -2)}`);
    expect(prefix.statusCode).toBe(400);
    expect(prefix.json().error.field).toBe('params.id');
    expect((await server.get('adviser', `/api/admin/models/${other.id}`)).statusCode).toBe(403);
    const audit = await server.get('admin', '/api/audit?action=admin.model.card');
    expect(audit.json().records[0]).toMatchObject({ modelVersion: other.id });
  });

  it('refuses unknown runs and bad ids, and non-admins', async () => {
    const unknown = await send('admin', 'POST', '/api/admin/models/m-20200101-000000-0000/promote');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('MODEL_NOT_FOUND');
    const bad = await send('admin', 'POST', '/api/admin/models/..%2F..%2Fetc/promote');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('params.id');
    const adviser = await send(
      'adviser',
      'POST',
      '/api/admin/models/m-20200101-000000-0000/promote',
    );
    expect(adviser.statusCode).toBe(403);
  });
});

describe('password policy', () => {
  it('refuses common, guessable and personal passwords on creation, naming body.password', async () => {
    const cases: [string, RegExp][] = [
      ['aaaaaaaaaa', /strength 0 of 4, at least 3 needed\)\. Repeated characters/],
      ['1234567890', /strength 0 of 4, at least 3 needed\)\. This is a frequently used password/],
      ['password12', /strength 1 of 4, at least 3 needed\)\. This is a commonly used password/],
      ['weak.user-2024', /it contains the user name\)/],
      ['CreditLens-2025!', /it contains the product's name\)/],
    ];
    for (const [password, message] of cases) {
      const reply = await send('admin', 'POST', '/api/admin/users', {
        username: 'weak.user',
        password,
        role: 'adviser',
      });
      expect(reply.statusCode, password).toBe(400);
      expect(reply.json().error).toMatchObject({ code: 'WEAK_PASSWORD', field: 'body.password' });
      expect(reply.json().error.message, password).toMatch(/^invalid body\.password: too easy/);
      expect(reply.json().error.message, password).toMatch(message);
    }
    const names = (await server.get('admin', '/api/admin/users'))
      .json()
      .users.map((u: { username: string }) => u.username);
    expect(names).not.toContain('weak.user');
  });

  it('accepts a strong passphrase, and refuses a weak one on reset (the old one still works)', async () => {
    const created = await send('admin', 'POST', '/api/admin/users', {
      username: 'strong.user',
      password: 'velvet-orbit-tandem-quiz',
      role: 'adviser',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().user.id as number;
    const reset = await send('admin', 'PATCH', `/api/admin/users/${id}`, {
      password: 'password12',
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error).toMatchObject({ code: 'WEAK_PASSWORD', field: 'body.password' });
    expect((await login('strong.user', 'password12')).status).toBe(401);
    expect((await login('strong.user', 'velvet-orbit-tandem-quiz')).status).toBe(200);
  });
});
