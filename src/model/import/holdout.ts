/**
 * Our holdout's clients (SK_ID_CURR): the rows `creditlens train` and `models import` score a model
 * on — the stratified split of the feature table's train rows, in SK_ID_CURR order, with the
 * training's share and seed. The Parquet export lists them, so that a model trained elsewhere can
 * leave them out and its card's holdout figures stay honest.
 */
import { quoteIdent, withDb } from '../../data/db.ts';
import { DataError } from '../../data/errors.ts';
import { FEATURES_TABLE, hasTables } from '../../data/features/feature-table.ts';
import { resolveOptions, type TrainingOptions } from '../training/options.ts';
import { stratifiedHoldout } from '../training/split.ts';

export async function holdoutIds(
  dbPath: string,
  options: Pick<TrainingOptions, 'holdoutShare' | 'seed'> = {},
): Promise<{ ids: Float64Array; share: number; seed: number }> {
  const { holdoutShare, seed } = resolveOptions(options);
  const read = await withDb(
    dbPath,
    async (db) => {
      if (!(await hasTables(db, [FEATURES_TABLE])))
        throw new DataError('NO_FEATURES', { db: dbPath });
      return db.numericColumns(
        `SELECT SK_ID_CURR, TARGET FROM ${quoteIdent(FEATURES_TABLE)} WHERE split = 'train' ORDER BY SK_ID_CURR`,
      );
    },
    { readOnly: true },
  );
  const [ids, labels] = read.columns as [Float64Array, Float64Array];
  const { holdout } = stratifiedHoldout(labels, holdoutShare, seed);
  return { ids: Float64Array.from(holdout, (r) => ids[r] as number), share: holdoutShare, seed };
}
