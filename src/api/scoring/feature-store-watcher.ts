/**
 * Replicas pick up a new DuckDB feature store without a restart. The one writer (ingest,
 * features, train) builds the new database beside the live one and renames it over it
 * (src/data/ingest/atomic-db.ts), so the path names a new file (a new inode) once it is complete;
 * each replica keeps its old file open read-only meanwhile. Every `intervalMs` the file's identity
 * (device, inode, size, mtime) is compared with the one opened: on a change the new file is
 * opened read-only, its clients scored with the active model, and both swapped in together
 * (ServedModel.replaceData); the old file is closed once the requests using it have ended. A file
 * that cannot be served is logged and retried only when it changes again.
 */
import { type Stats, statSync } from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../data/db.ts';
import { openServedState } from './open-served.ts';
import type { ServedModel } from './served-model.ts';

export interface FeatureStoreWatch {
  /** Serves the file at the path if it is not the one served; resolves once done. */
  check(): Promise<void>;
  stop(): void;
}

/** A file's identity: another file renamed over the path, or the file rewritten, changes it. */
export function fileIdentity(path: string): string | null {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    return null;
  }
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

export function watchFeatureStore(options: {
  dbPath: string;
  modelsDir: string;
  served: ServedModel;
  /** The database served now (closed when replaced); null when none could be opened. */
  db: Db | null;
  intervalMs?: number;
  log: FastifyBaseLogger;
}): FeatureStoreWatch {
  const { dbPath, modelsDir, served, log } = options;
  let db = options.db;
  /** The identity of the file served, or last tried. */
  let seen = fileIdentity(dbPath);
  let stopped = false;

  const check = () =>
    served.exclusive(async () => {
      const identity = fileIdentity(dbPath);
      if (stopped || identity === null || identity === seen) return;
      seen = identity;
      const opened = await openServedState(dbPath, modelsDir);
      if (!opened.state.clients) {
        log.error({ problem: opened.state.clientsProblem }, 'cannot open the new feature store');
        return;
      }
      const old = db;
      db = opened.db;
      served.replaceData(opened.state, () => old?.close());
      log.info(
        { clients: opened.state.clients.size, model: opened.state.scores?.record.id ?? null },
        'serving the new feature store',
      );
    });

  const timer = setInterval(() => {
    check().catch((error: unknown) => log.error({ err: error }, 'cannot swap the feature store'));
  }, options.intervalMs ?? 1000);
  timer.unref();
  return {
    check,
    stop() {
      stopped = true;
      clearInterval(timer);
      db?.close();
      db = null;
      served.closeRetired();
    },
  };
}
