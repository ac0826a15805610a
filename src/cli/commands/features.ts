import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { buildFeatures } from '../../data/features/index.ts';
import { type DataDirFlags, dataDirOption, dbOption, dbPathOf } from '../options.ts';
import { barFactory, formatCount } from '../progress.ts';
import { UserError } from '../user-error.ts';

/**
 * `creditlens features`: computes the feature table (training and scoring), the per-group tables
 * the what-if path reuses, and the feature dictionary, in the ingested database.
 */
export function registerFeatures(program: Command): void {
  program
    .command('features')
    .description(
      'compute the feature table (one row per client, train and test), its group tables and the bilingual feature dictionary',
    )
    .addOption(dataDirOption('where the database lives'))
    .addOption(dbOption('DuckDB database written by `creditlens ingest`'))
    .action(async (options: DataDirFlags) => {
      const dbPath = dbPathOf(options);
      if (!existsSync(dbPath)) {
        throw new UserError(`no database at ${dbPath}: run \`creditlens ingest\` first`);
      }
      const summary = await buildFeatures({ dbPath, progress: barFactory() });
      process.stdout.write(
        `features: ${formatCount(summary.featureCount)} features for ${formatCount(summary.rows.train)} train and ${formatCount(summary.rows.test)} test clients in ${summary.seconds.toFixed(1)}s (${dbPath})\n`,
      );
    });
}
