/**
 * The reference folder beside the checkout (`../shared`: the real Home Credit sample and the
 * reference notes), read in place by a few tests. A fresh clone does not have it: the tests that
 * need it are then skipped with a message, except under CI=true, where its absence is a failure
 * (CI must run them). CREDITLENS_SHARED_DIR points at another folder (to check both behaviours
 * against a missing one).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The folder: CREDITLENS_SHARED_DIR when set, else `shared/` beside the checkout. */
export function sharedDir(): string {
  const override = process.env.CREDITLENS_SHARED_DIR;
  return override ? resolve(override) : resolve(import.meta.dirname, '../../../shared');
}

export interface SharedFile {
  /** Absolute path of the file. */
  path: string;
  /** Why the tests reading it cannot run here, or null when the file is there. */
  missing: string | null;
}

/**
 * A file of the shared folder by its path inside it, e.g.
 * `sharedFile('data/home-credit/application_test_sample.csv')`. When it is absent, says so on
 * stderr and returns the reason (use it with `describe.skipIf(file.missing !== null)`); under
 * CI=true throws instead, failing the test file.
 */
export function sharedFile(relative: string): SharedFile {
  const path = join(sharedDir(), relative);
  if (existsSync(path)) return { path, missing: null };
  const reason = `no ${path} (the shared folder beside the checkout, or CREDITLENS_SHARED_DIR)`;
  if (process.env.CI === 'true') {
    throw new Error(`${reason}: CI must run the tests that read it`);
  }
  process.stderr.write(`${reason}: the tests reading it are skipped\n`);
  return { path, missing: reason };
}
