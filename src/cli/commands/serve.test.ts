import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'bin/creditlens.js');
const dir = mkdtempSync(join(tmpdir(), 'creditlens-serve-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('creditlens serve', () => {
  it('reports a bad setting (a ConfigError) in one line, without a stack, before starting', async () => {
    const dataDir = join(dir, 'data');
    const error = await run(process.execPath, [
      bin,
      'serve',
      '--data-dir',
      dataDir,
      '--log-level',
      'loud',
    ]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toBe(
      'creditlens: invalid logLevel: loud (expected one of fatal, error, warn, info, debug, trace, silent)\n',
    );
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});
