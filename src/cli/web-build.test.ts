import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from './user-error.ts';
import { ensureWebBuild, type WebBuilder, webBuildReason } from './web-build.ts';

let webDir: string;

function touch(path: string, seconds: number): void {
  writeFileSync(path, 'x');
  utimesSync(path, seconds, seconds);
}

beforeEach(() => {
  webDir = mkdtempSync(join(tmpdir(), 'creditlens-webbuild-'));
  mkdirSync(join(webDir, 'src', 'pages'), { recursive: true });
  touch(join(webDir, 'src', 'pages', 'A.tsx'), 1_000);
  touch(join(webDir, 'vite.config.ts'), 1_000);
});

afterEach(() => rmSync(webDir, { recursive: true, force: true }));

/** A builder that writes dist/index.html, as Vite does, and counts its calls. */
function fakeBuilder(): WebBuilder & { calls: string[] } {
  const calls: string[] = [];
  const build = async (configFile: string) => {
    calls.push(configFile);
    mkdirSync(join(webDir, 'dist'), { recursive: true });
    touch(join(webDir, 'dist', 'index.html'), 2_000);
  };
  return Object.assign(build, { calls });
}

describe('ensureWebBuild', () => {
  it('builds when web/dist is missing, with a line saying why', async () => {
    const build = fakeBuilder();
    const lines: string[] = [];
    const summary = await ensureWebBuild({ webDir, log: (l) => lines.push(l), build });
    expect(build.calls).toEqual([join(webDir, 'vite.config.ts')]);
    expect(lines).toEqual(['Building the dashboard (web/dist is missing).']);
    expect(summary).toMatch(/^dashboard: built .*dist in \d+s$/);
  });

  it('does nothing when the build is newer than every source', async () => {
    const build = fakeBuilder();
    await ensureWebBuild({ webDir, log: () => {}, build });
    expect(await ensureWebBuild({ webDir, log: () => {}, build })).toBeNull();
    expect(build.calls).toHaveLength(1);
  });

  it('rebuilds when a file deep under web/src is newer than the build', async () => {
    const build = fakeBuilder();
    await ensureWebBuild({ webDir, log: () => {}, build });
    touch(join(webDir, 'src', 'pages', 'A.tsx'), 3_000);
    expect(webBuildReason(webDir)).toBe('web/src changed since the last build');
    await ensureWebBuild({ webDir, log: () => {}, build });
    expect(build.calls).toHaveLength(2);
  });

  it('turns a failed build into a clear error', async () => {
    const build: WebBuilder = async () => {
      throw new Error('[vite]: Rollup failed to resolve import "./Missing.tsx"');
    };
    const run = ensureWebBuild({ webDir, log: () => {}, build });
    await expect(run).rejects.toBeInstanceOf(UserError);
    await expect(run).rejects.toThrow(/dashboard build failed: .*Missing\.tsx[\s\S]*build:web/);
  });

  it('refuses a build that wrote no index.html', async () => {
    const run = ensureWebBuild({ webDir, log: () => {}, build: async () => {} });
    await expect(run).rejects.toThrow(/wrote no web\/dist\/index.html/);
  });
});
