/**
 * A lock around the read-modify-write of registry.json, so two trainings saving at once (or a
 * save and a promote) cannot lose each other's update. A directory is created exclusively;
 * a lock older than STALE_MS is taken to be left by a crashed process and broken.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelError } from '../errors.ts';

const LOCK_NAME = '.registry.lock';
const RETRY_MS = 50;
const WAIT_MS = 15_000;
const STALE_MS = 60_000;

async function isStale(path: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > STALE_MS;
  } catch {
    return false; // released meanwhile: just retry
  }
}

/** Runs `work` holding the registry lock of `modelsDir`. */
export async function withRegistryLock<T>(modelsDir: string, work: () => Promise<T>): Promise<T> {
  const path = join(modelsDir, LOCK_NAME);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await mkdir(path);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(path)) {
        await rm(path, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new ModelError('REGISTRY_LOCKED', { dir: modelsDir, file: path });
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  try {
    return await work();
  } finally {
    await rm(path, { recursive: true, force: true });
  }
}
