/**
 * The dashboard build the end-to-end tests run against: built from the current web/ sources into
 * the test's own directory, so parallel test files and a developer's `npm run build:web` never
 * write the files a running test serves.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

/**
 * Builds the dashboard into `outDir` (as `npm run build:web` does) and returns it. A child
 * process, because vitest sets NODE_ENV=test and vite would then bundle React's development
 * build: twice the size and slower than what `creditlens serve` ships.
 */
export async function buildWeb(outDir: string): Promise<string> {
  const args = [VITE, 'build', '--config', 'web/vite.config.ts', '--outDir', outDir];
  // Vite refuses a second build of the same project at once; each test file builds into its own
  // directory, so parallel builds are safe.
  // --manifest: .vite/manifest.json, which the JavaScript budgets read (js-budget.ts); only in
  // the test's build, so `creditlens serve` never has it to serve.
  const flags = ['--emptyOutDir', '--bypass-lock', '--logLevel', 'warn', '--manifest'];
  await run(process.execPath, [...args, ...flags], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return outDir;
}
