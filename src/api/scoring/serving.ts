/**
 * Installs what keeps the served state current and consistent: every request pinned to one state
 * (ServedModel.pin, from its first hook to its answer), the active model followed across replicas
 * (./model-watcher.ts) and the feature store followed across swaps (./feature-store-watcher.ts),
 * both stopped when the server closes.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../data/db.ts';
import type { PromotionChannel } from '../store/types.ts';
import { watchFeatureStore } from './feature-store-watcher.ts';
import { watchActiveModel } from './model-watcher.ts';
import type { ServedModel } from './served-model.ts';

/** How often the registry's active pointer and the feature store's file are checked. */
export const WATCH_INTERVAL_MS = 1000;

export async function installServing(
  app: FastifyInstance,
  options: {
    served: ServedModel;
    /** The feature store's file, watched when this server opened it (db); else null. */
    dbPath: string | null;
    db: Db | null;
    modelsDir: string;
    promotions?: PromotionChannel;
  },
): Promise<void> {
  const { served } = options;
  const pins = new WeakMap<object, ReturnType<ServedModel['pin']>>();
  app.addHook('onRequest', (request, reply, done) => {
    const pin = served.pin();
    pins.set(request, pin);
    // A connection gone before the answer ends the request too (release runs once).
    reply.raw.once('close', pin.release);
    served.within(pin.state, done);
  });
  // Again once the body is read: the stream's events do not carry the request's async context.
  app.addHook('preValidation', (request, _reply, done) => {
    const pin = pins.get(request);
    if (pin) served.within(pin.state, done);
    else done();
  });
  app.addHook('onResponse', async (request) => {
    pins.get(request)?.release();
  });
  const model = await watchActiveModel({
    modelsDir: options.modelsDir,
    served,
    ...(options.promotions ? { promotions: options.promotions } : {}),
    intervalMs: WATCH_INTERVAL_MS,
    log: app.log,
  });
  const data =
    options.dbPath === null
      ? null
      : watchFeatureStore({
          dbPath: options.dbPath,
          modelsDir: options.modelsDir,
          served,
          db: options.db,
          intervalMs: WATCH_INTERVAL_MS,
          log: app.log,
        });
  app.addHook('onClose', async () => {
    await model.stop();
    data?.stop();
  });
}
