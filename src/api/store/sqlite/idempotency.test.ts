import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../sqlite-store.ts';
import type { AuditEntry, IdempotentAnswer } from '../types.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-idempotency-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (requestId: string): AuditEntry => ({
  at: 1_000,
  userId: 1,
  username: 'adviser',
  role: 'adviser',
  action: 'client.decision',
  clientId: 100002,
  modelVersion: null,
  inputsFingerprint: 'f'.repeat(64),
  outputSummary: '{}',
  requestId,
});

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

describe('idempotency store', () => {
  it('finds a live answer per user and key, refuses a second one, frees the key once expired', () => {
    const store = openSqliteStore(join(dir, 'keys.sqlite'));
    try {
      store.idempotency.save(answer());
      expect(store.idempotency.find(1, 'key-0001', 1_500)).toEqual(answer());
      expect(store.idempotency.find(2, 'key-0001', 1_500)).toBeUndefined();
      expect(store.idempotency.find(1, 'key-0001', 2_000)).toBeUndefined();
      expect(() => store.idempotency.save(answer({ createdAt: 1_500, body: '{}' }))).toThrow();
      store.idempotency.save(answer({ createdAt: 2_000, expiresAt: 3_000, body: '{"id":2}' }));
      expect(store.idempotency.find(1, 'key-0001', 2_500)?.body).toBe('{"id":2}');
    } finally {
      store.close();
    }
  });

  it("commits an append's `along` writes with its record, and rolls back a failing one alone", async () => {
    const store = openSqliteStore(join(dir, 'along.sqlite'));
    try {
      const kept = store.audit.append(entry('r1'), (id) =>
        store.idempotency.save(answer({ key: 'key-r1', body: JSON.stringify({ id }) })),
      );
      const failing = store.audit.append(entry('r2'), (id) => {
        store.idempotency.save(answer({ key: 'key-r2', body: JSON.stringify({ id }) }));
        throw new Error('the answer could not be kept');
      });
      const plain = store.audit.append(entry('r3'));
      const [id1, failed, id3] = await Promise.allSettled([kept, failing, plain]);
      expect(id1?.status).toBe('fulfilled');
      expect(failed?.status).toBe('rejected');
      expect(id3?.status).toBe('fulfilled');
      const records = store.audit.query({ page: 1, pageSize: 10 }).records;
      expect(records.map((r) => r.requestId).sort()).toEqual(['r1', 'r3']);
      const r1 = records.find((r) => r.requestId === 'r1');
      expect(store.idempotency.find(1, 'key-r1', 1_500)?.body).toBe(JSON.stringify({ id: r1?.id }));
      expect(store.idempotency.find(1, 'key-r2', 1_500)).toBeUndefined();
    } finally {
      store.close();
    }
  });

  it('is added to a database created before it, keeping what it holds', async () => {
    const path = join(dir, 'older.sqlite');
    const older = openSqliteStore(path);
    await older.audit.append(entry('before'));
    older.close();
    const raw = new Database(path);
    raw.exec('DROP TABLE idempotency'); // as the database was before this table existed
    raw.close();

    const store = openSqliteStore(path);
    try {
      expect(store.audit.query({ page: 1, pageSize: 10 }).records.map((r) => r.requestId)).toEqual([
        'before',
      ]);
      store.idempotency.save(answer());
      expect(store.idempotency.find(1, 'key-0001', 1_500)).toEqual(answer());
    } finally {
      store.close();
    }
  });
});
