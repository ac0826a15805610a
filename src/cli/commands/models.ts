import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { renderModelCardMarkdown } from '../../model/card/index.ts';
import { importXgboostRun } from '../../model/import/xgboost-run.ts';
import {
  listRuns,
  loadActiveRun,
  loadRun,
  promoteRun,
  RUN_FILES,
  saveRun,
} from '../../model/registry/index.ts';
import { type DataDirFlags, dataDirOption, dbOption, dbPathOf, modelsDirOf } from '../options.ts';
import { runOneLiner, runsTable } from './train-report.ts';

type ModelsOptions = Pick<DataDirFlags, 'dataDir'>;

const DATA_DIR_HELP = 'where the models directory (models/) lives';

/** `creditlens models list | show ID | promote ID | import FILE`: the registry of trained models. */
export function registerModels(program: Command): void {
  const models = program
    .command('models')
    .description('list, show and promote the trained models of the registry (<data-dir>/models)');

  models
    .command('list')
    .description('every trained model, newest first; * marks the active one')
    .addOption(dataDirOption(DATA_DIR_HELP))
    .action(async (options: ModelsOptions) => {
      const runs = await listRuns(modelsDirOf(options));
      process.stdout.write(
        runs.length === 0 ? 'No models yet: creditlens train\n' : `${runsTable(runs)}\n`,
      );
    });

  models
    .command('show')
    .description('print the model card (Markdown) of a model, or a summary with --summary')
    .argument('<id>', 'model id, or an unambiguous beginning of it')
    .addOption(dataDirOption(DATA_DIR_HELP))
    .option('--summary', 'a few lines and the paths of the model card instead of the whole card')
    .action(async (id: string, options: ModelsOptions & { summary?: boolean }) => {
      const modelsDir = modelsDirOf(options);
      const { record } = await loadRun(modelsDir, id);
      const runDir = join(modelsDir, record.id);
      if (options.summary === true) {
        const active = (await loadActiveRun(modelsDir))?.record.id === record.id;
        process.stdout.write(
          [
            `${runOneLiner(record)}${active ? ', active' : ''}`,
            `trained ${record.createdAt} on ${record.source.kind === 'csv' ? record.source.file : `${record.source.database} (${record.source.table})`}, ${record.rows.train + record.rows.holdout} rows, ${record.featureNames.length} features`,
            `card: ${join(runDir, RUN_FILES.cardHtml)}`,
            `      ${join(runDir, RUN_FILES.cardMarkdown)}`,
            '',
          ].join('\n'),
        );
        return;
      }
      // The stored card is what was published with the model; re-render only if it is missing.
      const card = await readFile(join(runDir, RUN_FILES.cardMarkdown), 'utf8').catch(() =>
        renderModelCardMarkdown(record),
      );
      process.stdout.write(card);
    });

  models
    .command('import')
    .description(
      'register an XGBoost JSON model trained elsewhere, with a model card computed on our holdout (threshold by our cost); not served unless --promote',
    )
    .argument(
      '<file>',
      'XGBoost JSON model (save_model("model.json")), binary:logistic, features named as in the feature table',
    )
    .addOption(dataDirOption(DATA_DIR_HELP))
    .addOption(dbOption('DuckDB database with the feature table (our holdout)'))
    .option('--promote', 'make it the active model once registered')
    .action(async (file: string, options: DataDirFlags & { promote?: boolean }) => {
      const modelsDir = modelsDirOf(options);
      const outcome = await importXgboostRun({ file, dbPath: dbPathOf(options) });
      const record = await saveRun(modelsDir, outcome, { activate: options.promote === true });
      const active = (await loadActiveRun(modelsDir))?.record.id === record.id;
      process.stdout.write(
        [
          `${runOneLiner(record)}${active ? ', active' : `, not active (creditlens models promote ${record.id})`}`,
          `imported from ${file}: ${record.featureNames.length} features, scored on our holdout of ${record.rows.holdout} clients`,
          `card: ${join(modelsDir, record.id, RUN_FILES.cardHtml)}`,
          '',
        ].join('\n'),
      );
    });

  models
    .command('promote')
    .description('make a model the active one (the one the API serves)')
    .argument('<id>', 'model id, or an unambiguous beginning of it')
    .addOption(dataDirOption(DATA_DIR_HELP))
    .action(async (id: string, options: ModelsOptions) => {
      const modelsDir = modelsDirOf(options);
      const previous = (await listRuns(modelsDir)).find((r) => r.active)?.id;
      const promoted = await promoteRun(modelsDir, id);
      process.stdout.write(
        previous === promoted
          ? `${promoted} was already the active model\n`
          : `${promoted} is now the active model${previous === undefined ? '' : ` (was ${previous})`}\n`,
      );
    });
}
