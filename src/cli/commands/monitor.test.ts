/**
 * `creditlens generate --scenario` and `creditlens monitor` as a user runs them: a drifted window
 * of the demo data's test clients, the report printed and stored, and the mistakes named.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '../../api/test-support.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'bin/creditlens.js');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let made: Awaited<ReturnType<typeof makeDataDir>>;
let window: string;

beforeAll(async () => {
  // 300 train and 60 test clients, seed 42, a tiny model over EXT_SOURCE_2 and nine others.
  made = await makeDataDir('creditlens-monitor-cli-');
  const drift = join(made.dataDir, 'drift');
  const generated = await cli(
    'generate',
    '--scenario',
    'ext-source-missing',
    '--out',
    drift,
    '--clients',
    '300',
    '--test-clients',
    '60',
    '--seed',
    '42',
  );
  expect(generated.code, generated.stderr).toBe(0);
  expect(generated.stdout).toContain('moved: EXT_SOURCE_2');
  window = join(drift, 'applications-ext-source-missing.csv');
}, 180_000);

afterAll(() => made?.cleanup());

describe('creditlens monitor', () => {
  it('prints the report, stores it as the latest, and finds the missing external score', async () => {
    const truth = JSON.parse(readFileSync(window.replace('.csv', '.truth.json'), 'utf8'));
    expect(truth.expectRed).toContain('EXT_SOURCE_2');
    const result = await cli(
      'monitor',
      '--applications',
      window,
      '--data-dir',
      made.dataDir,
      '--format',
      'json',
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.rows).toEqual({ reference: 300, window: 60, rejected: 0 });
    const ext2 = report.features.find((f: { name: string }) => f.name === 'EXT_SOURCE_2');
    expect(ext2.status).toBe('red');
    expect(ext2.missingWindow).toBeGreaterThan(0.6);
    const latest = join(made.dataDir, 'monitoring', 'latest.json');
    expect(JSON.parse(readFileSync(latest, 'utf8'))).toEqual(report);
    expect(result.stderr).toMatch(/monitor: red · report → .*monitoring/);
    const stored = /report → (.*)\n/.exec(result.stderr)?.[1] ?? '';
    expect(existsSync(join(stored, 'report.md'))).toBe(true);
  });

  it('prints Markdown by default', async () => {
    const result = await cli('monitor', '--applications', window, '--data-dir', made.dataDir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# Monitoring report/);
    expect(result.stdout).toContain('EXT_SOURCE_2');
  });

  it('names a bad outcome by file, line and column, and a bad format', async () => {
    const outcomes = join(made.dataDir, 'outcomes.csv');
    writeFileSync(outcomes, 'SK_ID_CURR,TARGET\n100002,0\n100003,yes\n');
    const bad = await cli(
      'monitor',
      '--applications',
      window,
      '--outcomes',
      outcomes,
      '--data-dir',
      made.dataDir,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${outcomes}, line 3, column TARGET: "yes" is not 0 or 1`);
    const format = await cli('monitor', '--applications', window, '--format', 'pdf');
    expect(format.code).toBe(1);
    expect(format.stderr).toContain("invalid --format: expected md, html or json, got 'pdf'");
  });

  it('prints one self-contained HTML page, each chart inline before its table', async () => {
    const result = await cli(
      'monitor',
      '--applications',
      window,
      '--data-dir',
      made.dataDir,
      '--format',
      'html',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>/);
    expect(result.stdout).not.toMatch(/<script|<link|src="http|<\?xml/);
    const charts = result.stdout.match(/<figure[^>]*><svg/g) ?? [];
    expect(charts).toHaveLength(2);
    expect(result.stdout).toMatch(/<\/svg><\/figure>\s*<div class="scroll"><table>/);
    expect(result.stdout).toContain('<span class="light red">■ red</span>');
    const stored = /report → (.*)\n/.exec(result.stderr)?.[1] ?? '';
    expect(readFileSync(join(stored, 'report.html'), 'utf8')).toBe(result.stdout);
  });

  it('asks which window, and refuses a file and a period together', async () => {
    const none = await cli('monitor', '--data-dir', made.dataDir);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('which window? --applications FILE.csv');
    const both = await cli('monitor', '--applications', window, '--since', '2026-01-01');
    expect(both.stderr).toContain('give either --applications FILE.csv or --since DATE, not both');
    const badDay = await cli('monitor', '--since', '2026-13-01', '--data-dir', made.dataDir);
    expect(badDay.stderr).toContain(
      "invalid --since: expected a day as YYYY-MM-DD, got '2026-13-01'",
    );
    const empty = await cli('monitor', '--since', '2026-01-01', '--data-dir', made.dataDir);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no stored application in stored applications 2026-01-01 → now');
  });

  it('refuses --from without --scenario and an unknown scenario', async () => {
    const from = await cli('generate', '--from', window, '--out', made.dataDir);
    expect(from.stderr).toContain('--from needs --scenario');
    const unknown = await cli('generate', '--scenario', 'moon', '--out', made.dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('none, incomes-up, ext-source-missing, younger-revolving');
  });
});
