/**
 * The app store's contract, run against every engine: the embedded SQLite file and, when a
 * PostgreSQL cluster can be started (test/support/postgres.ts), a PostgreSQL database. What only
 * one engine has (SQLite's WAL file, older databases' migrations) is in its own test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  POSTGRES_ENGINE,
  STORE_ENGINES,
  sharedPostgres,
  stopPostgres,
} from '../../../test/support/store-engines.ts';
import { OutcomeConflictError } from './outcome-conflict.ts';
import { type AuditEntry, FIRST_NEW_CLIENT_ID, type IdempotentAnswer } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-store-'));
// The cluster starts here, within the hook's longer timeout, not inside the first test.
beforeAll(async () => {
  if (STORE_ENGINES.includes(POSTGRES_ENGINE)) await sharedPostgres();
});
afterAll(async () => {
  await stopPostgres();
  rmSync(dir, { recursive: true, force: true });
});

function entry(over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: 1_000,
    userId: 1,
    username: 'adviser',
    role: 'adviser',
    action: 'client.view',
    clientId: 100002,
    modelVersion: null,
    inputsFingerprint: 'f'.repeat(64),
    outputSummary: '{}',
    requestId: 'r',
    ...over,
  };
}

const answer = (over: Partial<IdempotentAnswer> = {}): IdempotentAnswer => ({
  userId: 1,
  key: 'key-0001',
  fingerprint: 'a'.repeat(64),
  status: 201,
  body: '{"id":1}',
  createdAt: 1_000,
  expiresAt: 2_000,
  ...over,
});

describe.each(STORE_ENGINES)('app store on $name', (engine) => {
  it('stores users and finds them by name and id; a taken name is refused', async () => {
    const store = await engine.open(dir);
    try {
      const created = await store.users.create({
        username: 'u1',
        role: 'customer',
        clientId: 7,
        passwordHash: 'h',
      });
      expect(await store.users.count()).toBe(1);
      expect(await store.users.findByUsername('u1')).toEqual({ ...created, passwordHash: 'h' });
      expect(await store.users.findById(created.id)).toEqual(created);
      expect(await store.users.findByUsername('nobody')).toBeUndefined();
      await expect(
        store.users.create({ username: 'u1', role: 'admin', clientId: null, passwordHash: 'h' }),
      ).rejects.toThrow();
      expect(
        await store.users.createIfAbsent({
          username: 'u1',
          role: 'admin',
          clientId: null,
          passwordHash: 'h2',
        }),
      ).toBeUndefined();
      const other = await store.users.createIfAbsent({
        username: 'u2',
        role: 'admin',
        clientId: null,
        passwordHash: 'h2',
      });
      expect(other).toMatchObject({ username: 'u2', role: 'admin' });
      expect((await store.users.findByUsername('u1'))?.role).toBe('customer');
    } finally {
      await store.close();
    }
  });

  it('creates a name once when several create it at once', async () => {
    const store = await engine.open(dir);
    try {
      const user = {
        username: 'once',
        role: 'adviser' as const,
        clientId: null,
        passwordHash: 'h',
      };
      const results = await Promise.all(
        Array.from({ length: 5 }, () => store.users.createIfAbsent(user)),
      );
      expect(results.filter((r) => r !== undefined)).toHaveLength(1);
      expect(await store.users.count()).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('finds a session only before it expires, and ends it', async () => {
    const store = await engine.open(dir);
    try {
      const user = await store.users.create({
        username: 'u2',
        role: 'admin',
        clientId: null,
        passwordHash: 'h',
      });
      await store.sessions.create({ id: 'a'.repeat(64), userId: user.id, expiresAt: 5_000 });
      await store.sessions.create({ id: 'e'.repeat(64), userId: user.id, expiresAt: 9e15 });
      expect((await store.sessions.find('a'.repeat(64), 4_999))?.userId).toBe(user.id);
      expect(await store.sessions.find('a'.repeat(64), 5_000)).toBeUndefined();
      expect(await store.sessions.find('b'.repeat(64), 0)).toBeUndefined();
      expect(await store.sessions.purgeExpired(10_000)).toBe(1);
      await store.sessions.delete('e'.repeat(64));
      expect(await store.sessions.find('e'.repeat(64), 0)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('disables and re-enables accounts, resets passwords, ends the sessions of a user', async () => {
    const store = await engine.open(dir);
    try {
      const user = await store.users.create({
        username: 'u3',
        role: 'adviser',
        clientId: null,
        passwordHash: 'old',
      });
      await store.sessions.create({ id: 'c'.repeat(64), userId: user.id, expiresAt: 9e15 });
      await store.sessions.create({ id: 'd'.repeat(64), userId: user.id, expiresAt: 9e15 });
      await store.users.setDisabled(user.id, true);
      // A disabled account cannot log in nor hold a session, but the admin still sees it.
      expect(await store.users.findByUsername('u3')).toBeUndefined();
      expect(await store.users.findById(user.id)).toBeUndefined();
      expect(await store.users.account(user.id)).toMatchObject({ username: 'u3', disabled: true });
      expect(await store.users.nameTaken('u3')).toBe(true);
      expect(await store.users.nameTaken('u4')).toBe(false);
      expect((await store.users.list()).find((u) => u.id === user.id)?.disabled).toBe(true);
      expect(await store.sessions.deleteForUser(user.id)).toBe(2);
      expect(await store.sessions.find('c'.repeat(64), 0)).toBeUndefined();
      await store.users.setDisabled(user.id, false);
      await store.users.setPasswordHash(user.id, 'new');
      expect((await store.users.findByUsername('u3'))?.passwordHash).toBe('new');
      const account = await store.users.account(user.id);
      expect(account?.disabled).toBe(false);
      expect(typeof account?.createdAt).toBe('number');
    } finally {
      await store.close();
    }
  });

  it('appends audit records, filters and pages them, newest first', async () => {
    const store = await engine.open(dir);
    try {
      await store.audit.append(entry({ at: 1_000, username: 'a', clientId: 1 }));
      // Appended together: one batch, ids in order.
      const ids = await Promise.all([
        store.audit.append(entry({ at: 2_000, username: 'b', clientId: 2, action: 'auth.login' })),
        store.audit.append(entry({ at: 3_000, username: 'a', clientId: 2 })),
      ]);
      expect(ids[1]).toBe((ids[0] as number) + 1);
      const all = await store.audit.query({ page: 1, pageSize: 10 });
      expect(all.total).toBe(3);
      expect(all.records.map((r) => r.at)).toEqual([3_000, 2_000, 1_000]);
      expect(all.records[0]).toEqual({
        ...entry({ at: 3_000, username: 'a', clientId: 2 }),
        id: ids[1],
      });
      expect((await store.audit.query({ username: 'a', page: 1, pageSize: 10 })).total).toBe(2);
      expect(
        (await store.audit.query({ clientId: 2, action: 'client.view', page: 1, pageSize: 10 }))
          .total,
      ).toBe(1);
      const window = await store.audit.query({ from: 2_000, to: 3_000, page: 1, pageSize: 10 });
      expect(window.records.map((r) => r.at)).toEqual([2_000]);
      const page2 = await store.audit.query({ page: 2, pageSize: 2 });
      expect(page2.total).toBe(3);
      expect(page2.records.map((r) => r.at)).toEqual([1_000]);
    } finally {
      await store.close();
    }
  });

  it('filters audit records by values of their output summary, and finds the latest per client', async () => {
    const store = await engine.open(dir);
    try {
      const decided = (clientId: number, at: number, output: object) =>
        store.audit.append(
          entry({ action: 'test.decided', clientId, at, outputSummary: JSON.stringify(output) }),
        );
      const a = await decided(11, 1_000, { followsModel: true, reasonCategory: 'other' });
      const b = await decided(11, 2_000, { followsModel: false, reasonCategory: 'guarantee' });
      const c = await decided(12, 3_000, { followsModel: false, reasonCategory: 'other' });
      await store.audit.append(entry({ clientId: 12, at: 4_000 })); // another action, later
      const query = (outputHas: Record<string, string | boolean>) =>
        store.audit
          .query({ action: 'test.decided', outputHas, page: 1, pageSize: 10 })
          .then((r) => ({ total: r.total, ids: r.records.map((x) => x.id) }));
      expect(await query({})).toEqual({ total: 3, ids: [c, b, a] });
      expect(await query({ followsModel: false })).toEqual({ total: 2, ids: [c, b] });
      expect(await query({ followsModel: true })).toEqual({ total: 1, ids: [a] });
      expect(await query({ followsModel: false, reasonCategory: 'other' })).toEqual({
        total: 1,
        ids: [c],
      });
      // A string never matches a boolean's JSON, nor a name a path.
      expect(await query({ followsModel: 'false' })).toEqual({ total: 0, ids: [] });
      await expect(query({ 'a.b': true })).rejects.toThrow(/invalid output field/);

      const latest = await store.audit.latestPerClient('test.decided', [11, 12, 13]);
      expect(
        latest.map((r) => [r.clientId, r.id]).sort((x, y) => Number(x[0]) - Number(y[0])),
      ).toEqual([
        [11, b],
        [12, c],
      ]);
      expect(await store.audit.latestPerClient('test.decided', [])).toEqual([]);
      // Newest first is by time, then id: a record appended late but stamped earlier (a slow
      // replica's) takes its place in time (the order the action and time index gives).
      const late = await decided(13, 500, { followsModel: true, reasonCategory: 'other' });
      expect((await query({})).ids).toEqual([c, b, a, late]);
    } finally {
      await store.close();
    }
  });

  it('writes pending appends when closed', async () => {
    const location = await engine.location(dir);
    const store = await engine.open(dir, location);
    const pending = store.audit.append(entry({ at: 4_000, action: 'pending' }));
    await store.close();
    await pending;
    const again = await engine.open(dir, location);
    try {
      expect((await again.audit.query({ action: 'pending', page: 1, pageSize: 5 })).total).toBe(1);
    } finally {
      await again.close();
    }
  });

  it('refuses UPDATE and DELETE on the audit trail, even in raw SQL', async () => {
    const store = await engine.open(dir);
    const location = engine.lastLocation();
    try {
      await store.audit.append(entry({ action: 'kept' }));
      await expect(engine.sql(location, "UPDATE audit SET action = 'x'")).rejects.toThrow(
        /append-only/,
      );
      await expect(engine.sql(location, 'DELETE FROM audit')).rejects.toThrow(/append-only/);
      expect((await store.audit.query({ action: 'kept', page: 1, pageSize: 5 })).total).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('records the schema versions it applied, once, however often it is opened', async () => {
    const location = await engine.location(dir);
    await (await engine.open(dir, location)).close();
    await Promise.all([engine.open(dir, location), engine.open(dir, location)]).then((stores) =>
      Promise.all(stores.map((s) => s.close())),
    );
    const versions = await engine.sql(
      location,
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(versions.map((r) => Number(r.version))).toEqual(engine.versions);
    expect(engine.versions[0]).toBe(1);
  });

  it('keeps idempotent answers per user and key, refuses a second one, frees the key once expired', async () => {
    const store = await engine.open(dir);
    try {
      await store.idempotency.save(answer());
      expect(await store.idempotency.find(1, 'key-0001', 1_500)).toEqual(answer());
      expect(await store.idempotency.find(2, 'key-0001', 1_500)).toBeUndefined();
      expect(await store.idempotency.find(1, 'key-0001', 2_000)).toBeUndefined();
      await expect(
        store.idempotency.save(answer({ createdAt: 1_500, body: '{}' })),
      ).rejects.toThrow();
      await store.idempotency.save(
        answer({ createdAt: 2_000, expiresAt: 3_000, body: '{"id":2}' }),
      );
      expect((await store.idempotency.find(1, 'key-0001', 2_500))?.body).toBe('{"id":2}');
    } finally {
      await store.close();
    }
  });

  it("commits an append's kept answer with its record, and rolls back a failing one alone", async () => {
    const store = await engine.open(dir);
    try {
      await store.idempotency.save(answer({ key: 'key-taken', expiresAt: 9e15 }));
      const kept = store.audit.append(entry({ requestId: 'r1' }), (id) =>
        answer({ key: 'key-r1', body: JSON.stringify({ id }) }),
      );
      const throwing = store.audit.append(entry({ requestId: 'r2' }), () => {
        throw new Error('the answer could not be made');
      });
      // Its answer's key holds a live answer: the save fails, so the record is rolled back too.
      const clashing = store.audit.append(entry({ requestId: 'r4' }), () =>
        answer({ key: 'key-taken', createdAt: 1_500 }),
      );
      const plain = store.audit.append(entry({ requestId: 'r3' }));
      const results = await Promise.allSettled([kept, throwing, clashing, plain]);
      expect(results.map((r) => r.status)).toEqual([
        'fulfilled',
        'rejected',
        'rejected',
        'fulfilled',
      ]);
      const { records } = await store.audit.query({ page: 1, pageSize: 10 });
      expect(records.map((r) => r.requestId).sort()).toEqual(['r1', 'r3']);
      const r1 = records.find((r) => r.requestId === 'r1');
      expect((await store.idempotency.find(1, 'key-r1', 1_500))?.body).toBe(
        JSON.stringify({ id: r1?.id }),
      );
    } finally {
      await store.close();
    }
  });

  it('keeps review requests: created received, listed newest first, taken, closed once', async () => {
    const store = await engine.open(dir);
    try {
      const base = {
        clientId: 424242,
        userId: 7,
        username: 'customer1',
        role: 'customer' as const,
        pointOfView: 'My income has grown since I applied.',
        corrections: { AMT_INCOME_TOTAL: 150_000, NAME_INCOME_TYPE: 'Working' },
        createdAt: 1_000,
      };
      const first = await store.reviews.create(base);
      const second = await store.reviews.create({ ...base, corrections: {}, createdAt: 2_000 });
      expect(first).toMatchObject({ ...base, status: 'received', outcome: null, updatedAt: 1_000 });
      expect(await store.reviews.get(first.id)).toEqual(first);
      expect(await store.reviews.get(999_999)).toBeUndefined();
      const listed = await store.reviews.list({ clientId: 424242, limit: 10 });
      expect(listed.map((r) => r.id)).toEqual([second.id, first.id]);
      expect(await store.reviews.setStatus(first.id, 'in-review', 3_000)).toBe(true);
      const outcome = {
        decisionId: 12,
        decision: 'grant' as const,
        reasonCategory: 'review-request',
        justification: 'Income proven by payslips.',
        username: 'adviser',
        at: 4_000,
      };
      expect(await store.reviews.close(first.id, outcome, 4_000)).toBe(true);
      expect(await store.reviews.close(first.id, outcome, 5_000)).toBe(false);
      expect(await store.reviews.setStatus(first.id, 'in-review', 5_000)).toBe(false);
      expect(await store.reviews.get(first.id)).toMatchObject({
        status: 'decided',
        outcome,
        updatedAt: 4_000,
      });
      const decided = await store.reviews.list({ clientId: 424242, status: 'decided', limit: 10 });
      expect(decided.map((r) => r.id)).toEqual([first.id]);
      // A worklist: those still open, the longest waiting first.
      const third = await store.reviews.create({ ...base, createdAt: 6_000 });
      const open = await store.reviews.list({
        clientId: 424242,
        open: true,
        oldestFirst: true,
        limit: 10,
      });
      expect(open.map((r) => r.id)).toEqual([second.id, third.id]);
    } finally {
      await store.close();
    }
  });

  it('keeps new applications: ids from FIRST_NEW_CLIENT_ID, read back whole, windowed by time', async () => {
    const store = await engine.open(dir);
    try {
      const base = {
        createdAt: 1_000,
        createdBy: 3,
        source: 'api' as const,
        application: { AMT_INCOME_TOTAL: 150_000, NAME_INCOME_TYPE: 'Working', EXT_SOURCE_1: null },
        modelVersion: 'gbt-2026-01-01',
        features: [0.25, null, -3],
        probability: 0.0825,
        decision: 'grant' as const,
      };
      const first = await store.applications.create(base);
      expect(first).toEqual({ ...base, clientId: FIRST_NEW_CLIENT_ID });
      const batch = await store.applications.createMany([
        { ...base, createdAt: 2_000, createdBy: null, source: 'batch', decision: 'refuse' },
        { ...base, createdAt: 3_000, createdBy: null, source: 'batch' },
      ]);
      expect(batch.map((a) => a.clientId)).toEqual([first.clientId + 1, first.clientId + 2]);
      expect(await store.applications.get(first.clientId)).toEqual(first);
      expect(await store.applications.get(batch[0]?.clientId ?? 0)).toEqual(batch[0]);
      expect(await store.applications.get(100_002)).toBeUndefined();
      expect(await store.applications.count({})).toBe(3);
      expect(await store.applications.count({ since: 2_000 })).toBe(2);
      expect(await store.applications.count({ since: 1_000, until: 3_000 })).toBe(2);
      const window = await store.applications.list({ since: 2_000 });
      expect(window.map((a) => a.createdAt)).toEqual([2_000, 3_000]);
      const page = await store.applications.list({ limit: 1, offset: 1 });
      expect(page).toEqual([batch[0]]);
      await expect(
        store.applications.create({ ...base, decision: 'maybe' as 'grant' }),
      ).rejects.toThrow();
      expect(await store.applications.count({})).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('saves applications with their audit record and answer in one transaction: a failed audit write stores nothing', async () => {
    const store = await engine.open(dir);
    try {
      const a = {
        createdAt: 1_000,
        createdBy: 3,
        source: 'api' as const,
        application: { AMT_INCOME_TOTAL: 150_000 },
        modelVersion: 'gbt-2026-01-01',
        features: [0.25, null],
        probability: 0.0825,
        decision: 'grant' as const,
      };
      const audited = async (action: string) =>
        (await store.audit.query({ action, page: 1, pageSize: 10 })).records;
      const saved = await store.applications.create(a, {
        entry: ({ clientId }) => entry({ action: 'client.application', clientId }),
        keep: (id, stored) => answer({ body: JSON.stringify({ id, clientId: stored.clientId }) }),
      });
      const [record] = await audited('client.application');
      expect(record?.clientId).toBe(saved.clientId);
      expect((await store.idempotency.find(1, 'key-0001', 1_500))?.body).toBe(
        JSON.stringify({ id: record?.id, clientId: saved.clientId }),
      );

      // The audit insert refused (NOT NULL action), or its answer refused (the key holds a live
      // answer), or the record's builder throwing: the application is rolled back with it.
      const refusedEntry = entry({ action: null as unknown as string });
      await expect(store.applications.create(a, { entry: () => refusedEntry })).rejects.toThrow();
      await expect(
        store.applications.create(a, {
          entry: ({ clientId }) => entry({ action: 'client.application', clientId }),
          keep: () => answer(),
        }),
      ).rejects.toThrow();
      await expect(
        store.applications.createMany([a, a], { entry: () => refusedEntry }),
      ).rejects.toThrow();
      await expect(
        store.applications.createMany([a], {
          entry: () => {
            throw new Error('no record');
          },
        }),
      ).rejects.toThrow('no record');
      expect(await store.applications.count({})).toBe(1);
      expect(await audited('client.application')).toHaveLength(1);

      // A batch's one record is built from the ids the batch was given.
      const batch = await store.applications.createMany([a, a], {
        entry: (stored) =>
          entry({
            action: 'applications.batch',
            clientId: null,
            outputSummary: JSON.stringify({ clientIds: stored.map((s) => s.clientId) }),
          }),
      });
      // (PostgreSQL's identity does not give back the ids of rolled-back saves.)
      const [first, second] = batch.map((s) => s.clientId);
      expect(first).toBeGreaterThan(saved.clientId);
      expect(second).toBe((first ?? 0) + 1);
      const [batchRecord] = await audited('applications.batch');
      expect(JSON.parse(batchRecord?.outputSummary ?? '{}')).toEqual({
        clientIds: batch.map((s) => s.clientId),
      });
      expect(await store.applications.count({})).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('keeps one outcome per client: the same again is unchanged, a different one a conflict that writes nothing', async () => {
    const store = await engine.open(dir);
    try {
      const day = Date.UTC(2026, 0, 31);
      const a = { clientId: 500_001, defaulted: 0 as const, observedAt: day, recordedBy: 'admin' };
      const b = {
        clientId: 500_002,
        defaulted: 1 as const,
        observedAt: day + 86_400_000,
        recordedBy: 'admin',
      };
      expect(await store.outcomes.record(a)).toBe('recorded');
      expect(await store.outcomes.record({ ...a, recordedBy: 'other' })).toBe('unchanged');
      expect(await store.outcomes.get(a.clientId)).toMatchObject(a);
      const batch = await store.outcomes.recordAll([a, b, b]);
      expect(batch).toEqual({
        recorded: 1,
        unchanged: 2,
        items: ['unchanged', 'recorded', 'unchanged'],
      });
      expect(await store.outcomes.count()).toBe(2);
      const c = { clientId: 500_003, defaulted: 0 as const, observedAt: day, recordedBy: 'admin' };
      const conflict = store.outcomes.recordAll([c, { ...b, defaulted: 0 }]);
      await expect(conflict).rejects.toBeInstanceOf(OutcomeConflictError);
      await expect(conflict).rejects.toMatchObject({ index: 1, existing: { defaulted: 1 } });
      await expect(store.outcomes.record({ ...a, observedAt: day + 1 })).rejects.toThrow(
        /500001 already has an outcome/,
      );
      // Nothing of the refused batch was written: c is still unknown.
      expect(await store.outcomes.get(c.clientId)).toBeUndefined();
      expect(await store.outcomes.count()).toBe(2);
      expect((await store.outcomes.list()).map((o) => o.clientId)).toEqual([500_001, 500_002]);
      expect((await store.outcomes.list({ since: day + 1 })).map((o) => o.clientId)).toEqual([
        500_002,
      ]);
      expect((await store.outcomes.list({ until: day + 1 })).map((o) => o.clientId)).toEqual([
        500_001,
      ]);
      const stored = await store.outcomes.get(b.clientId);
      expect(stored?.recordedAt).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('answers healthy while open', async () => {
    const store = await engine.open(dir);
    try {
      expect(await store.healthy()).toBe(true);
      expect(store.engine).toBe(engine.name);
    } finally {
      await store.close();
    }
  });
});
