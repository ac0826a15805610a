/** The version of the code that trained a model: `git describe` when possible, else package.json. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const projectRoot = resolve(import.meta.dirname, '../../..');

let cached: Promise<string> | undefined;

async function describe(): Promise<string> {
  try {
    const { stdout } = await run('git', ['describe', '--always', '--dirty'], {
      cwd: projectRoot,
      timeout: 10_000,
    });
    const text = stdout.trim();
    if (text !== '') return text;
  } catch {
    // No git, or not a repository (an installed copy): fall back to the package version.
  }
  try {
    const pkg = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    if (typeof pkg.version === 'string') return pkg.version;
  } catch {
    // Unreadable package.json: say so rather than fail a finished training.
  }
  return 'unknown';
}

/** `git describe --always --dirty` of the project, else its package.json version (cached). */
export function codeVersion(): Promise<string> {
  cached ??= describe();
  return cached;
}
