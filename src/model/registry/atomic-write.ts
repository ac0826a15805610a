/**
 * Writes that a concurrent reader never sees half done: a file is written beside its target
 * under a temporary name and renamed over it (rename is atomic within one file system); a
 * directory is filled under a temporary name and renamed into place once complete.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temporary name of a path for this process, e.g. `registry.json.tmp-1234`. */
export function temporaryPath(path: string): string {
  return `${path}.tmp-${process.pid}`;
}

/** Writes `text` to `path` through a temporary file; leaves no temporary file behind on failure. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true, recursive: true });
    throw error;
  }
}

/**
 * Creates directory `path` holding `files` (name → content). The directory appears complete or
 * not at all; it must not exist yet.
 */
export async function writeDirectoryAtomic(
  path: string,
  files: Readonly<Record<string, () => string>>,
): Promise<void> {
  // A dot prefix keeps the half-written directory out of listings that skip hidden entries.
  const temporary = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    await mkdir(temporary);
    for (const [name, content] of Object.entries(files)) {
      await writeFile(join(temporary, name), content());
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true, recursive: true });
    throw error;
  }
}
