/**
 * The dashboard build that `creditlens start` makes when web/dist is missing or older than its
 * sources, so a fresh clone ends with a working dashboard. Vite is a dev dependency, loaded only
 * when a build is needed: an install without it still serves an existing build.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from './user-error.ts';

/** Builds web/ into web/dist with the project's Vite configuration. */
export type WebBuilder = (configFile: string) => Promise<void>;

/** Newest modification time (ms) of the files under `path` (a file or a directory), 0 if none. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why web/dist must be (re)built, or null when it is up to date. */
export function webBuildReason(webDir: string): string | null {
  const index = join(webDir, 'dist', 'index.html');
  if (!existsSync(index)) return 'web/dist is missing';
  const sources = Math.max(
    newestMtime(join(webDir, 'src')),
    newestMtime(join(webDir, 'index.html')),
    newestMtime(join(webDir, 'vite.config.ts')),
  );
  return sources > statSync(index).mtimeMs ? 'web/src changed since the last build' : null;
}

/** Vite's JS API with the project's configuration, quiet except for warnings and errors. */
export const viteBuilder: WebBuilder = async (configFile) => {
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new UserError(
      'cannot build the dashboard: vite is not installed (a dev dependency): run npm install',
    );
  }
  await vite.build({ configFile, logLevel: 'warn' });
};

export interface EnsureWebBuildOptions {
  /** The web/ directory (with vite.config.ts, src/, dist/). */
  webDir: string;
  /** One line per step (stderr in the CLI). */
  log: (line: string) => void;
  /** Injected by tests; Vite otherwise. */
  build?: WebBuilder;
}

/**
 * Builds the dashboard when needed. Returns a one-line summary of the build, or null when
 * web/dist was up to date. A failed build is a UserError saying how to see the full output.
 */
export async function ensureWebBuild(options: EnsureWebBuildOptions): Promise<string | null> {
  const { webDir, log, build = viteBuilder } = options;
  const reason = webBuildReason(webDir);
  if (reason === null) return null;
  log(`Building the dashboard (${reason}).`);
  const started = Date.now();
  try {
    await build(join(webDir, 'vite.config.ts'));
  } catch (error) {
    if (error instanceof UserError) throw error;
    const detail = (error as Error).message.split('\n').slice(0, 6).join('\n');
    throw new UserError(
      `the dashboard build failed: ${detail}\n(run npm run build:web for the full output)`,
    );
  }
  if (!existsSync(join(webDir, 'dist', 'index.html'))) {
    throw new UserError('the dashboard build wrote no web/dist/index.html');
  }
  return `dashboard: built ${join(webDir, 'dist')} in ${((Date.now() - started) / 1000).toFixed(0)}s`;
}
