import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite-store.ts';
import type { AuditEntry } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function entry(over: Partial<AuditEntry>): AuditEntry {
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

describe('SQLite store', () => {
  const path = join(dir, 'app.sqlite');

  it('runs in WAL mode with full sync', () => {
    const store = openSqliteStore(path);
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('stores users and finds them by name and id', () => {
    const store = openSqliteStore(path);
    const created = store.users.create({
      username: 'u1',
      role: 'customer',
      clientId: 7,
      passwordHash: 'h',
    });
    expect(store.users.findByUsername('u1')).toEqual({ ...created, passwordHash: 'h' });
    expect(store.users.findById(created.id)).toEqual(created);
    expect(store.users.findByUsername('nobody')).toBeUndefined();
    expect(() =>
      store.users.create({ username: 'u1', role: 'admin', clientId: null, passwordHash: 'h' }),
    ).toThrow();
    store.close();
  });

  it('finds a session only before it expires, and stores its id hashed', () => {
    const store = openSqliteStore(path);
    const user = store.users.create({
      username: 'u2',
      role: 'admin',
      clientId: null,
      passwordHash: 'h',
    });
    store.sessions.create({ id: 'a'.repeat(64), userId: user.id, expiresAt: 5_000 });
    expect(store.sessions.find('a'.repeat(64), 4_999)?.userId).toBe(user.id);
    expect(store.sessions.find('a'.repeat(64), 5_000)).toBeUndefined();
    expect(store.sessions.find('b'.repeat(64), 0)).toBeUndefined();
    store.close();
    const db = new Database(path, { readonly: true });
    const ids = db.prepare('SELECT id_hash FROM sessions').pluck().all();
    expect(ids).not.toContain('a'.repeat(64));
    db.close();
    const again = openSqliteStore(path);
    expect(again.sessions.purgeExpired(10_000)).toBe(1);
    again.close();
  });

  it('disables and re-enables accounts, resets passwords, ends the sessions of a user', () => {
    const store = openSqliteStore(path);
    const user = store.users.create({
      username: 'u3',
      role: 'adviser',
      clientId: null,
      passwordHash: 'old',
    });
    store.sessions.create({ id: 'c'.repeat(64), userId: user.id, expiresAt: 9e15 });
    store.sessions.create({ id: 'd'.repeat(64), userId: user.id, expiresAt: 9e15 });
    store.users.setDisabled(user.id, true);
    // A disabled account cannot log in nor hold a session, but the admin still sees it.
    expect(store.users.findByUsername('u3')).toBeUndefined();
    expect(store.users.findById(user.id)).toBeUndefined();
    expect(store.users.account(user.id)).toMatchObject({ username: 'u3', disabled: true });
    expect(store.users.nameTaken('u3')).toBe(true);
    expect(store.users.nameTaken('u4')).toBe(false);
    expect(store.users.list().find((u) => u.id === user.id)?.disabled).toBe(true);
    expect(store.sessions.deleteForUser(user.id)).toBe(2);
    expect(store.sessions.find('c'.repeat(64), 0)).toBeUndefined();
    store.users.setDisabled(user.id, false);
    store.users.setPasswordHash(user.id, 'new');
    expect(store.users.findByUsername('u3')?.passwordHash).toBe('new');
    store.close();
  });

  it('adds the disabled column to a user table made before it existed', () => {
    const old = join(dir, 'old.sqlite');
    const db = new Database(old);
    db.exec(`CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL, client_id INTEGER, password_hash TEXT NOT NULL, created_at INTEGER NOT NULL);
      INSERT INTO users (username, role, client_id, password_hash, created_at)
      VALUES ('legacy', 'admin', NULL, 'h', 1)`);
    db.close();
    const store = openSqliteStore(old);
    expect(store.users.findByUsername('legacy')?.role).toBe('admin');
    expect(store.users.list()).toEqual([
      { id: 1, username: 'legacy', role: 'admin', clientId: null, disabled: false, createdAt: 1 },
    ]);
    store.close();
  });

  it('appends audit records, filters and pages them, newest first', async () => {
    const store = openSqliteStore(path);
    await store.audit.append(entry({ at: 1_000, username: 'a', clientId: 1 }));
    // Appended together: one batch, ids in order.
    const ids = await Promise.all([
      store.audit.append(entry({ at: 2_000, username: 'b', clientId: 2, action: 'auth.login' })),
      store.audit.append(entry({ at: 3_000, username: 'a', clientId: 2 })),
    ]);
    expect(ids[1]).toBe((ids[0] as number) + 1);
    const all = store.audit.query({ page: 1, pageSize: 10 });
    expect(all.total).toBe(3);
    expect(all.records.map((r) => r.at)).toEqual([3_000, 2_000, 1_000]);
    expect(store.audit.query({ username: 'a', page: 1, pageSize: 10 }).total).toBe(2);
    expect(
      store.audit.query({ clientId: 2, action: 'client.view', page: 1, pageSize: 10 }).total,
    ).toBe(1);
    const window = store.audit.query({ from: 2_000, to: 3_000, page: 1, pageSize: 10 });
    expect(window.records.map((r) => r.at)).toEqual([2_000]);
    const page2 = store.audit.query({ page: 2, pageSize: 2 });
    expect(page2.total).toBe(3);
    expect(page2.records.map((r) => r.at)).toEqual([1_000]);
    store.close();
  });

  it('writes pending appends when closed', () => {
    const store = openSqliteStore(path);
    void store.audit.append(entry({ at: 4_000, action: 'pending' }));
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM audit WHERE action = 'pending'").pluck().get()).toBe(1);
    db.close();
  });

  it('refuses UPDATE and DELETE on the audit trail, even in raw SQL', () => {
    const db = new Database(path);
    expect(() => db.prepare("UPDATE audit SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT count(*) FROM audit').pluck().get()).toBe(4);
    db.close();
  });
});
