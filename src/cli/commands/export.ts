import type { Command } from 'commander';
import { exportFeaturesParquet } from '../../data/export/parquet.ts';
import { holdoutIds } from '../../model/import/holdout.ts';
import { type DataDirFlags, dataDirOption, dbOption, dbPathOf } from '../options.ts';
import { formatCount } from '../progress.ts';
import { UserError } from '../user-error.ts';

/**
 * `creditlens export --parquet DIR`: the feature table (ids, split, label, features) and its
 * dictionary as Parquet, for training elsewhere (src/data/export/parquet.ts).
 */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'write the feature table (SK_ID_CURR, split, TARGET and every feature) and its dictionary as Parquet files, for training elsewhere',
    )
    .requiredOption(
      '--parquet <dir>',
      'folder to write (a new one, or a previous export: replaced whole)',
    )
    .addOption(dataDirOption('where the database lives'))
    .addOption(dbOption('DuckDB database with the feature table'))
    .action(async (options: DataDirFlags & { parquet: string }) => {
      if (options.parquet.trim() === '') throw new UserError('invalid --parquet: empty');
      const dbPath = dbPathOf(options);
      // Listed so that a model trained elsewhere leaves them out: `models import` scores it on them.
      const holdout = await holdoutIds(dbPath);
      const made = await exportFeaturesParquet({
        dbPath,
        outDir: options.parquet,
        ...(holdout
          ? {
              holdout: {
                ids: holdout.ids,
                note: `the train clients of the holdout that creditlens train and models import score models on (share ${holdout.share}, seed ${holdout.seed}): train elsewhere without them`,
              },
            }
          : {}),
      });
      process.stdout.write(
        `export: ${formatCount(made.rows.train)} train and ${formatCount(made.rows.test)} test clients × ${formatCount(made.columns.length - 3)} features → ${options.parquet} (${made.files.join(', ')})\n`,
      );
    });
}
