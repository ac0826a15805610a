/**
 * `creditlens outcomes`: the file is read and checked whole (each problem names the file, line
 * and column), refused clients and unknown ones are named, and nothing is recorded unless every
 * row is right; a file sent twice records nothing new.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../api/store/sqlite-store.ts';
import { parseOutcomeFile } from './outcomes-file.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'bin/creditlens.js');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const NOW = Date.UTC(2026, 11, 5);

describe('the outcomes file', () => {
  it('reads id, defaulted and date in any order, TARGET and SK_ID_CURR as synonyms', () => {
    const read = parseOutcomeFile('date,TARGET,SK_ID_CURR\n2026-10-31,1,7\n\n2026-11-30,0,8\n', {
      now: NOW,
    });
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      { line: 2, clientId: 7, defaulted: 1, observedAt: Date.UTC(2026, 9, 31) },
      { line: 4, clientId: 8, defaulted: 0, observedAt: Date.UTC(2026, 10, 30) },
    ]);
  });

  it('names the line and column of every bad cell, and a client given two outcomes', () => {
    const read = parseOutcomeFile(
      'id,defaulted,date\n7,2,2026-10-31\nx7,0,2026-02-30\n9,0,2027-01-01\n10,1,2026-10-01\n10,0,2026-10-01\n10,1,2026-10-01\n',
      { now: NOW },
    );
    expect(read.problems.map((p) => [p.line, p.column?.name ?? null])).toEqual([
      [2, 'defaulted'],
      [3, 'id'],
      [3, 'date'],
      [4, 'date'],
      [6, 'id'],
    ]);
    expect(read.problems[4]?.message).toBe('client 10 is given another outcome on line 5');
    expect(read.rows.map((r) => r.clientId)).toEqual([10]);
  });

  it('says which columns the header lacks', () => {
    const read = parseOutcomeFile('client,outcome\n1,0\n', { now: NOW });
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.message).toMatch(
      /must name id \(or SK_ID_CURR\), defaulted \(or TARGET\), date/,
    );
  });
});

describe('creditlens outcomes', () => {
  let dir: string;
  let appDb: string;
  const ids: number[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'creditlens-outcomes-cli-'));
    appDb = join(dir, 'app.sqlite');
    const store = openSqliteStore(appDb);
    const base = {
      createdAt: Date.UTC(2026, 5, 1),
      createdBy: null,
      source: 'batch' as const,
      application: {},
      modelVersion: 'm-test',
      features: [],
      probability: 0.05,
      decision: 'grant' as const,
    };
    const saved = await store.applications.createMany([
      base,
      base,
      { ...base, decision: 'refuse', probability: 0.5 },
    ]);
    ids.push(...saved.map((a) => a.clientId));
    await store.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function count(): Promise<number> {
    const store = openSqliteStore(appDb);
    try {
      return await store.outcomes.count();
    } finally {
      await store.close();
    }
  }

  it('records nothing while a row is bad, naming file, line and column', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `id,defaulted,date\n${ids[0]},0,2026-10-31\n${ids[1]},yes,2026-10-31\n`);
    const result = await cli('outcomes', '--input', file, '--app-db', appDb, '--quiet');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}, line 3, column 2 (defaulted): expected 0 (repaid) or 1 (defaulted), got 'yes'`,
    );
    expect(result.stderr).toContain('nothing was recorded');
    expect(await count()).toBe(0);
  });

  it('refuses an unknown client and a refused loan by their lines', async () => {
    const file = join(dir, 'refused.csv');
    writeFileSync(
      file,
      `id,defaulted,date\n${ids[0]},0,2026-10-31\n${ids[2]},1,2026-10-31\n123,0,2026-10-31\n`,
    );
    const result = await cli('outcomes', '--input', file, '--app-db', appDb, '--quiet');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`line 3, column 1 \\(id\\): client ${ids[2]}'s application was refused`),
    );
    expect(result.stderr).toMatch(/line 4, column 1 \(id\): no stored application for client 123/);
    expect(await count()).toBe(0);
  });

  it('records a good file once; the same file again is unchanged; a conflicting one changes nothing', async () => {
    const file = join(dir, 'good.csv');
    writeFileSync(file, `id,defaulted,date\n${ids[0]},0,2026-10-31\n${ids[1]},1,2026-11-15\n`);
    const first = await cli('outcomes', '--input', file, '--app-db', appDb, '--quiet');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('outcomes: 2 recorded, 0 unchanged · 2 in the store\n');
    const again = await cli('outcomes', '--input', file, '--app-db', appDb, '--quiet');
    expect(again.stdout).toBe('outcomes: 0 recorded, 2 unchanged · 2 in the store\n');
    const conflicting = join(dir, 'conflicting.csv');
    writeFileSync(conflicting, `id,defaulted,date\n${ids[1]},0,2026-11-15\n`);
    const refused = await cli('outcomes', '--input', conflicting, '--app-db', appDb, '--quiet');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/line 2, column 1 \(id\): client \d+ already has an outcome/);
    const store = openSqliteStore(appDb);
    try {
      expect((await store.outcomes.get(ids[1] ?? 0))?.defaulted).toBe(1);
      const { records } = await store.audit.query({
        action: 'admin.outcomes.record',
        page: 1,
        pageSize: 10,
      });
      expect(records).toHaveLength(2);
    } finally {
      await store.close();
    }
  });
});
