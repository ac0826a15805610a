/**
 * `creditlens score`: a small file with good and bad rows is scored line by line as POST
 * /api/applications scores (same probability), the bad rows named (file, line, column, field) and
 * written to the reject file without stopping; --reasons adds the codes; --save records the rows
 * as batch applications with new client ids; a bad header changes nothing.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../api/store/sqlite-store.ts';
import { FIRST_NEW_CLIENT_ID } from '../../api/store/types.ts';
import { scoreNewApplication, scorerFromModel } from '../../explain/index.ts';
import { loadActiveRun, saveRun } from '../../model/registry/index.ts';
import { fabricateDraft, tinyModel } from '../../model/registry/test-support.ts';
import { scoreApplicant } from '../../model/scoring.ts';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'bin/creditlens.js');
let dir = '';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args, '--data-dir', dir], {
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const HEADER =
  'SK_ID_CURR,NAME_CONTRACT_TYPE,CODE_GENDER,AMT_INCOME_TOTAL,AMT_CREDIT,AMT_ANNUITY,DAYS_BIRTH,EXT_SOURCE_2,NAME_INCOME_TYPE';
const LINES = [
  '7001,Cash loans,F,180000,500000,25000,-12000,0.6,Working',
  '7002,Revolving loans,M,90000,270000,13500,-9000,,"Commercial associate"',
  '7003,Cash loans,F,abc,500000,25000,-12000,0.6,Working', // line 4: a text for a number
  '7004,Cash loans,F,180000,,25000,-12000,0.6,Working', // line 5: a required field missing
  '7005,Loan,F,180000,500000,25000,-12000,0.6,Working', // line 6: an unknown category
  '7006,Cash loans,F,180000', // line 7: too few values
  '',
  '7007,Cash loans,M,250000,1000000,40000,-20000,0.2,Pensioner',
];

function csv(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((l) => l.split(','));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'creditlens-score-'));
  await saveRun(
    join(dir, 'models'),
    { model: tinyModel(), draft: fabricateDraft() },
    { activate: true },
  );
  writeFileSync(join(dir, 'in.csv'), `${HEADER}\n${LINES.join('\n')}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('creditlens score', () => {
  it('scores the good rows as the API does and rejects the bad ones, naming them, without stopping', async () => {
    const out = join(dir, 'out.csv');
    const result = await cli('score', '--input', join(dir, 'in.csv'), '--out', out, '--quiet');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('3 scored');
    expect(result.stdout).toContain('4 rejected');
    const rows = csv(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['id', 'probability', 'points', 'band', 'decision']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['7001', '7002', '7007']);
    // The same score as a new application of the API (one feature definition).
    const run = await loadActiveRun(join(dir, 'models'));
    if (!run) throw new Error('no run');
    const scored = scoreNewApplication(scorerFromModel(run.model), {
      NAME_CONTRACT_TYPE: 'Cash loans',
      CODE_GENDER: 'F',
      AMT_INCOME_TOTAL: 180_000,
      AMT_CREDIT: 500_000,
      AMT_ANNUITY: 25_000,
      DAYS_BIRTH: -12_000,
      EXT_SOURCE_2: 0.6,
      NAME_INCOME_TYPE: 'Working',
    });
    const expected = scoreApplicant(scored.rawProbability, run.record);
    expect(Number(rows[1]?.[1])).toBe(expected.probability);
    expect(rows[1]?.slice(2)).toEqual([String(expected.points), expected.band, expected.decision]);

    const rejects = readFileSync(`${out}.rejects.csv`, 'utf8').trim().split('\n');
    expect(rejects[0]).toBe('line,column,field,id,reason');
    expect(rejects.slice(1).map((l) => l.split(',').slice(0, 4))).toEqual([
      ['4', '4', 'AMT_INCOME_TOTAL', '7003'],
      ['5', '5', 'AMT_CREDIT', '7004'],
      ['6', '2', 'NAME_CONTRACT_TYPE', '7005'],
      ['7', '', '', '7006'],
    ]);
    expect(result.stderr).toContain(`${join(dir, 'in.csv')}, line 4, column 4 (AMT_INCOME_TOTAL)`);
    expect(result.stderr).toContain('line 7: 4 values for 9 columns');
  });

  it('adds the principal adverse reason codes with --reasons', async () => {
    const out = join(dir, 'reasons.csv');
    const result = await cli(
      'score',
      '--input',
      join(dir, 'in.csv'),
      '--out',
      out,
      '--reasons',
      '3',
      '--quiet',
    );
    expect(result.code, result.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('id,probability,points,band,decision,reason_1,reason_2,reason_3');
    const codes = rows.slice(1).flatMap((r) =>
      r
        .split(',')
        .slice(5)
        .filter((c) => c !== ''),
    );
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(code).toMatch(/^R-[A-Z0-9-]+$/);
  });

  it('records the scored rows as batch applications with --save', async () => {
    const out = join(dir, 'saved.csv');
    const appDb = join(dir, 'app.sqlite');
    const result = await cli(
      'score',
      '--input',
      join(dir, 'in.csv'),
      '--out',
      out,
      '--save',
      '--app-db',
      appDb,
      '--quiet',
    );
    expect(result.code, result.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    expect(rows[0]?.slice(0, 2)).toEqual(['id', 'client_id']);
    const ids = rows.slice(1).map((r) => Number(r[1]));
    expect(ids).toEqual([FIRST_NEW_CLIENT_ID, FIRST_NEW_CLIENT_ID + 1, FIRST_NEW_CLIENT_ID + 2]);
    const store = openSqliteStore(appDb);
    try {
      const saved = await store.applications.list({});
      expect(saved.map((a) => a.source)).toEqual(['batch', 'batch', 'batch']);
      expect(saved[0]?.application).toMatchObject({ SK_ID_CURR: 7001, AMT_CREDIT: 500_000 });
      expect(saved.map((a) => a.probability)).toEqual(rows.slice(1).map((r) => Number(r[2])));
      const audit = await store.audit.query({ action: 'applications.batch', page: 1, pageSize: 5 });
      expect(audit.total).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('refuses a header it cannot use, naming the column, and writes nothing', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'NAME_CONTRACT_TYPE,AMT_CREDIT,COLOUR\nCash loans,1,red\n');
    const out = join(dir, 'bad-out.csv');
    const result = await cli('score', '--input', join(dir, 'bad.csv'), '--out', out, '--quiet');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'bad.csv')}, line 1, column 3: "COLOUR"`);
    expect(existsSync(out)).toBe(false);
    writeFileSync(join(dir, 'short.csv'), 'NAME_CONTRACT_TYPE,AMT_CREDIT\nCash loans,1\n');
    const short = await cli('score', '--input', join(dir, 'short.csv'), '--out', out, '--quiet');
    expect(short.stderr).toContain('no column AMT_INCOME_TOTAL, DAYS_BIRTH');
    expect(existsSync(out)).toBe(false);
  });
});
