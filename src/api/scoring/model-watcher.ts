/**
 * Every replica serves the model the registry marks active, within about a second of its
 * promotion wherever it was made (an admin's POST on another replica, `creditlens models promote`
 * on the data directory): the registry's active pointer is read every `intervalMs` (the fallback
 * that needs nothing but the shared files), and a promotion announced on the shared store's
 * channel (PostgreSQL NOTIFY) is checked at once. A new model is scored over the served clients
 * first and swapped in whole (ServedModel.follow), inside `exclusive`, so it never interleaves
 * with a promotion made here or a new feature store. A run that cannot be served is logged once
 * and the old model kept.
 */
import type { FastifyBaseLogger } from 'fastify';
import { ModelError } from '../../model/errors.ts';
import { listRuns, loadRun } from '../../model/registry/index.ts';
import type { PromotionChannel } from '../store/types.ts';
import { ScoreTable } from './score-table.ts';
import type { ServedModel } from './served-model.ts';

export interface ModelWatch {
  /** Serves the registry's active run if it is not served yet; resolves once done. */
  check(): Promise<void>;
  stop(): Promise<void>;
}

/** The registry's active run id, or null (none, or no registry yet). */
async function activeRunId(modelsDir: string): Promise<string | null> {
  try {
    return (await listRuns(modelsDir)).find((r) => r.active)?.id ?? null;
  } catch (error) {
    if (error instanceof ModelError) return null;
    throw error;
  }
}

export async function watchActiveModel(options: {
  modelsDir: string;
  served: ServedModel;
  promotions?: PromotionChannel;
  intervalMs?: number;
  log: FastifyBaseLogger;
}): Promise<ModelWatch> {
  const { modelsDir, served, promotions, log } = options;
  /** A run that failed to load: not retried until another run is active. */
  let failed: string | null = null;
  let stopped = false;

  const check = () =>
    served.exclusive(async () => {
      if (stopped) return;
      const active = await activeRunId(modelsDir);
      const { clients, scores } = served.latest;
      if (!active || !clients || active === scores?.record.id || active === failed) return;
      try {
        const table = await ScoreTable.compute(clients, await loadRun(modelsDir, active));
        served.follow(table);
        failed = null;
        log.info(
          { model: active, previous: scores?.record.id ?? null },
          'serving the promoted model',
        );
      } catch (error) {
        failed = active;
        log.error(
          { model: active, err: error },
          'cannot serve the active model; keeping the old one',
        );
      }
    });
  const checkLogged = () => {
    check().catch((error: unknown) => log.warn({ err: error }, 'cannot read the model registry'));
  };

  const timer = setInterval(checkLogged, options.intervalMs ?? 1000);
  timer.unref();
  served.announceWith((runId) => {
    promotions?.announce(runId).catch((error: unknown) => {
      log.warn({ err: error }, 'cannot announce the promotion; the others see it by polling');
    });
  });
  const unlisten = promotions ? await promotions.listen(checkLogged) : null;
  return {
    check,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await unlisten?.();
    },
  };
}
