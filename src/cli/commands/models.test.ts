import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveRun } from '../../model/registry/index.ts';
import { fabricateDraft, tinyModel } from '../../model/registry/test-support.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'bin/creditlens.js');
const dataDir = mkdtempSync(join(tmpdir(), 'creditlens-models-'));
const modelsDir = join(dataDir, 'models');
const ids: string[] = [];

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  const model = tinyModel();
  for (const [minute, source] of [
    [1, 'feature-table'],
    [2, 'csv'],
  ] as const) {
    const now = new Date(Date.UTC(2026, 10, 28, 3, minute));
    ids.push(
      (
        await saveRun(
          modelsDir,
          { model, draft: fabricateDraft({ source, createdAt: now.toISOString() }) },
          { now },
        )
      ).id,
    );
  }
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each test spawns the CLI; generous timeouts because a busy machine slows process start-up.
describe('creditlens models', { timeout: 120_000 }, () => {
  it('lists models newest first, the active one starred', async () => {
    const { code, stdout } = await cli('models', 'list', '--data-dir', dataDir);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/id\s+created \(UTC\)\s+chosen\s+holdout AUC\s+cost/);
    expect(lines[1]).toMatch(new RegExp(`^  ${ids[1]}\\s+2026-11-28 03:02:00\\s+gbdt\\s+0\\.758`));
    expect(lines[2]).toMatch(new RegExp(`^\\* ${ids[0]}`));
  });

  it('shows the Markdown card, or a summary with the card paths', async () => {
    const [card, summary] = await Promise.all([
      cli('models', 'show', ids[1] as string, '--data-dir', dataDir),
      cli('models', 'show', ids[0] as string, '--summary', '--data-dir', dataDir),
    ]);
    expect(card.code).toBe(0);
    expect(card.stdout).toBe(readFileSync(join(modelsDir, ids[1] as string, 'card.md'), 'utf8'));
    expect(card.stdout).toContain('/tmp/bank.csv');
    expect(summary.stdout).toMatch(/holdout ROC-AUC 0\.758.*, active/);
    expect(summary.stdout).toContain(join(modelsDir, ids[0] as string, 'card.html'));
  });

  it('promotes a model by the beginning of its id', async () => {
    const second = ids[1] as string;
    const { code, stdout } = await cli(
      'models',
      'promote',
      second.slice(0, 16),
      '--data-dir',
      dataDir,
    );
    expect(code).toBe(0);
    expect(stdout).toBe(`${second} is now the active model (was ${ids[0]})\n`);
    const registry = JSON.parse(readFileSync(join(modelsDir, 'registry.json'), 'utf8'));
    expect(registry.active).toBe(second);
  });

  it('names an unknown id and a missing models directory, exit code 1', async () => {
    const before = readFileSync(join(modelsDir, 'registry.json'), 'utf8');
    const [unknown, missing] = await Promise.all([
      cli('models', 'promote', 'm-nothing', '--data-dir', dataDir),
      cli('models', 'list', '--data-dir', join(dataDir, 'nowhere')),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^creditlens: unknown model "m-nothing"/);
    expect(unknown.stderr).not.toMatch(/at .*\.ts/); // no stack trace
    expect(readFileSync(join(modelsDir, 'registry.json'), 'utf8')).toBe(before);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no models directory at .*nowhere/);
  });
});
