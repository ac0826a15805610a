/**
 * `creditlens serve` prints the demo logins with their passwords on the start that creates them,
 * and never again: by the next start they may have been changed, and the log of a real
 * deployment must not show a password.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS } from '../../src/api/auth/demo-users.ts';

const SERVE_CHILD = resolve(import.meta.dirname, '../support/serve-child.ts');
// No client data is needed: the server starts without it, with the staff demo users.
const dataDir = mkdtempSync(join(tmpdir(), 'creditlens-serve-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts `serve` on the data directory, returns what it printed once listening, and stops it. */
async function serveOnce(): Promise<string> {
  const child = spawn(
    'node',
    ['--import', 'tsx', SERVE_CHILD, '--data-dir', dataDir, '--port', '0', '--log-level', 'silent'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
  await new Promise<void>((resolveReady, reject) => {
    // The start-up lines are written in one piece, after "listening on".
    const ready = () => /listening on http/.test(output) && /\n$/.test(output);
    child.stdout.on('data', () => {
      if (ready()) resolveReady();
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}): ${output}`)));
  });
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  return output;
}

describe('creditlens serve', () => {
  it('prints the demo passwords when it creates the demo users, and not on later starts', async () => {
    const first = await serveOnce();
    expect(first).toMatch(/demo logins, created now/);
    expect(first).toContain(`adviser / ${DEMO_PASSWORDS.adviser}`);
    expect(first).toContain(`admin / ${DEMO_PASSWORDS.admin}`);

    const second = await serveOnce();
    expect(second).toMatch(/listening on http/);
    expect(second).not.toMatch(/demo logins/);
    for (const password of Object.values(DEMO_PASSWORDS)) expect(second).not.toContain(password);
  }, 120_000);
});
