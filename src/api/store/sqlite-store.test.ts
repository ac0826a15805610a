import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_MIGRATIONS } from './sqlite/schema.ts';
import { openSqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite store', () => {
  const path = join(dir, 'app.sqlite');

  it('runs in WAL mode with full sync', async () => {
    const store = openSqliteStore(path);
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('stores session ids hashed, so a copy of the file opens no session', async () => {
    const store = openSqliteStore(path);
    const user = await store.users.create({
      username: 'u2',
      role: 'admin',
      clientId: null,
      passwordHash: 'h',
    });
    await store.sessions.create({ id: 'a'.repeat(64), userId: user.id, expiresAt: 5_000 });
    await store.close();
    const db = new Database(path, { readonly: true });
    const ids = db.prepare('SELECT id_hash FROM sessions').pluck().all();
    expect(ids).toHaveLength(1);
    expect(ids).not.toContain('a'.repeat(64));
    db.close();
  });

  it('adds the disabled column to a user table made before it existed', async () => {
    const old = join(dir, 'old.sqlite');
    const db = new Database(old);
    db.exec(`CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL, client_id INTEGER, password_hash TEXT NOT NULL, created_at INTEGER NOT NULL);
      INSERT INTO users (username, role, client_id, password_hash, created_at)
      VALUES ('legacy', 'admin', NULL, 'h', 1)`);
    db.close();
    const store = openSqliteStore(old);
    expect((await store.users.findByUsername('legacy'))?.role).toBe('admin');
    expect(await store.users.list()).toEqual([
      { id: 1, username: 'legacy', role: 'admin', clientId: null, disabled: false, createdAt: 1 },
    ]);
    await store.close();
  });

  it('adopts a database made before versioned migrations, keeping what it holds', async () => {
    const older = join(dir, 'unversioned.sqlite');
    const first = openSqliteStore(older);
    await first.audit.append({
      at: 1_000,
      userId: null,
      username: null,
      role: null,
      action: 'before',
      clientId: null,
      modelVersion: null,
      inputsFingerprint: 'f'.repeat(64),
      outputSummary: '{}',
      requestId: 'before',
    });
    await first.close();
    const raw = new Database(older);
    // As the database was before the idempotency table and the migrations' table existed.
    raw.exec('DROP TABLE idempotency; DROP TABLE schema_migrations');
    raw.close();

    const store = openSqliteStore(older);
    try {
      const { records } = await store.audit.query({ page: 1, pageSize: 10 });
      expect(records.map((r) => r.requestId)).toEqual(['before']);
      const answer = {
        userId: 1,
        key: 'key-0001',
        fingerprint: 'a'.repeat(64),
        status: 201,
        body: '{}',
        createdAt: 1_000,
        expiresAt: 2_000,
      };
      await store.idempotency.save(answer);
      expect(await store.idempotency.find(1, 'key-0001', 1_500)).toEqual(answer);
    } finally {
      await store.close();
    }
    const check = new Database(older, { readonly: true });
    // Version 1 adopted as it was, the later ones (2: review requests, …) applied on top.
    expect(check.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(
      SQLITE_MIGRATIONS.map((m) => m.version),
    );
    check.close();
  });
});
