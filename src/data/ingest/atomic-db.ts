/**
 * Building a database beside the live one and swapping it in only on success, so a failed or
 * interrupted ingest leaves the previous database byte-for-byte intact. The build is
 * `PATH.building-<pid>`; builds left by a killed process are removed at the next run.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Path of this process's build of `dbPath`. */
export function buildPath(dbPath: string): string {
  return `${dbPath}.building-${process.pid}`;
}

/** Removes a build and the files DuckDB keeps beside it (write-ahead log, spill directory). */
export async function removeBuild(path: string): Promise<void> {
  await Promise.all(
    [path, `${path}.wal`, `${path}.tmp`].map((p) => rm(p, { recursive: true, force: true })),
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Makes sure the directory of `dbPath` exists and removes builds of `dbPath` whose process is gone
 * (or is this one: a pid reused after a crash). Returns the removed paths.
 */
export async function prepareBuildDir(dbPath: string): Promise<string[]> {
  const dir = dirname(dbPath);
  await mkdir(dir, { recursive: true });
  const prefix = `${basename(dbPath)}.building-`;
  const stale = new Set<string>();
  for (const name of await readdir(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^\d+/.exec(name.slice(prefix.length))?.[0]);
    if (!Number.isInteger(pid)) continue;
    if (pid === process.pid || !isAlive(pid)) stale.add(join(dir, `${prefix}${pid}`));
  }
  for (const path of stale) await removeBuild(path);
  return [...stale];
}

/**
 * Moves a finished (closed, checkpointed) build over `dbPath`. The old database's write-ahead log
 * goes first: left beside the new file it would be replayed into it; gone from the old one, that
 * database merely loses changes that are being replaced anyway.
 */
export async function commitBuild(path: string, dbPath: string): Promise<void> {
  await rm(`${dbPath}.wal`, { force: true });
  await rename(path, dbPath);
  await rm(`${path}.tmp`, { recursive: true, force: true });
}
