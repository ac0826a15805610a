import { join } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_DEFAULTS } from '../../api/config.ts';
import { listRuns, saveRun } from '../../model/registry/index.ts';
import { DEFAULT_TRAINING_SEED } from '../../model/training/defaults.ts';
import type { TrainingOptions } from '../../model/training/index.ts';
import { dataDirOf, dataDirOption, dbOption, seedOption } from '../options.ts';
import { barFactory, formatDuration } from '../progress.ts';
import { planTraining, type TrainCliOptions } from './train-options.ts';
import { baselineWarning, candidatesTable, choiceReport, settingsReport } from './train-report.ts';

/**
 * `creditlens train`: the whole training pipeline (holdout, cross-validation, baselines, search,
 * threshold, calibration, explanation, fairness) on the feature table or a CSV file, then the
 * registry: model, run record and model card under <data-dir>/models/<id>/.
 */
export function registerTrain(program: Command): void {
  program
    .command('train')
    .description(
      'train and compare scoring models (baseline, logistic regression, gradient-boosted trees), choose the cost-optimal threshold, calibrate, and save the model with its model card',
    )
    .addOption(dataDirOption('where the database and the models directory (models/) live'))
    .addOption(dbOption('DuckDB database with the features table'))
    .option('--folds <k>', 'stratified cross-validation folds (2 to 20)', '5')
    .option('--trials <n>', 'hyper-parameter search trials for the trees (default 12)')
    .option(
      '--time-budget <seconds>',
      'search for this many seconds instead of a number of trials (the running trial finishes)',
    )
    .option(
      '--cost-fn <a>',
      'cost of granting a loan to a client who defaults (false negative)',
      '10',
    )
    .option(
      '--cost-fp <b>',
      'cost of refusing a client who would have repaid (false positive)',
      '1',
    )
    .option('--beta <b>', 'β of the F-beta score reported (recall weighs β times precision)', '10')
    .addOption(seedOption('seed of the holdout, the folds and the search', DEFAULT_TRAINING_SEED))
    .option(
      '--include-protected',
      'let protected attributes (gender, family status) into the model; left out by default',
    )
    .option(
      '--no-monotone',
      'train without the monotone constraints declared in the feature dictionary (src/data/features/monotone.ts); imposed by default',
    )
    .option(
      '--client-explainable-only',
      'train on the client-explainable features alone (reason-code catalogue), to see what full explainability costs',
    )
    .option(
      '--no-compare',
      'skip the comparison models (the served setup trained without its monotone constraints, and on the client-explainable features only, or the reverse), which add about one search trial and one refit each',
    )
    .option(
      '--no-activate',
      'keep the currently active model (the first model of an empty registry is activated anyway)',
    )
    .option(
      '--csv <file>',
      'train on this CSV file instead of the feature table (bring your own table)',
    )
    .option('--target <column>', 'with --csv: the target column (0/1 or two labels)')
    .option('--id <column>', 'with --csv: an identifier column, never a feature')
    .option(
      '--positive <value>',
      'with --csv: the target label meaning default (the positive class)',
    )
    .option('-q, --quiet', 'no progress bars nor stage lines')
    .option(
      '--challenger',
      'train a challenger WITHOUT promoting it, then compare it with the active model on the same applications with outcomes (AUC with the paired DeLong test, cost at each threshold, Brier), recommend, and print the promote command',
    )
    .option(
      '--window-since <YYYY-MM-DD>',
      'with --challenger: also learn from the stored applications received from this day (inclusive) that have an outcome',
    )
    .option(
      '--window-until <YYYY-MM-DD>',
      'with --window-since: up to this day (exclusive; default now)',
    )
    .option(
      '--applications <file.csv>',
      'with --challenger: compare on these applications (Kaggle application schema) instead of the stored ones',
    )
    .option('--outcomes <file.csv>', 'with --applications: their outcomes (SK_ID_CURR, TARGET 0/1)')
    .option(
      '--app-db <path|url>',
      'with --challenger: the app store holding the stored applications and outcomes (default <data-dir>/creditlens-app.sqlite, or env CREDITLENS_APP_DB)',
    )
    .addHelpText(
      'after',
      '\nChampion and challenger:\n' +
        '  creditlens train --challenger --window-since 2026-11-01 --window-until 2026-12-01\n' +
        '  creditlens train --challenger --applications month.csv --outcomes month-outcomes.csv\n' +
        '  creditlens models promote <challenger id>   (if the comparison recommends it)',
    )
    .action(async (options: TrainCliOptions) => {
      const plan = planTraining(options);
      const training: TrainingOptions = {
        folds: plan.folds,
        ...(plan.trials === undefined ? {} : { trials: plan.trials }),
        ...(plan.timeBudgetSeconds === undefined
          ? {}
          : { timeBudgetSeconds: plan.timeBudgetSeconds }),
        costs: plan.costs,
        beta: plan.beta,
        seed: plan.seed,
        includeProtected: plan.includeProtected,
        monotone: plan.monotone,
        clientExplainableOnly: plan.clientExplainableOnly,
        compare: plan.compare,
        progress: barFactory({ quiet: plan.quiet }),
        log: (line: string) => {
          if (!plan.quiet) process.stderr.write(`${line}\n`);
        },
      };
      const source = plan.source;
      if (plan.challenger !== null && source.kind === 'feature-table') {
        const { trainChallenger } = await import('./train-challenger.ts');
        const result = await trainChallenger(
          { ...plan, challenger: plan.challenger, source },
          training,
          dataDirOf(options),
          options.dataDir === CONFIG_DEFAULTS.dataDir,
        );
        process.stdout.write(result.markdown);
        if (!plan.quiet) process.stderr.write(`challenge: ${result.saved}\n`);
        return;
      }
      // Loaded on use: the other commands start without the training code.
      const { trainFromCsv, trainFromFeatureTable } = await import('../../model/training/index.ts');
      const outcome =
        source.kind === 'csv'
          ? await trainFromCsv(
              source.file,
              {
                target: source.target,
                ...(source.id === undefined ? {} : { id: source.id }),
                ...(source.positive === undefined ? {} : { positive: source.positive }),
              },
              training,
            )
          : await trainFromFeatureTable(source.dbPath, training);
      const record = await saveRun(plan.modelsDir, outcome, { activate: plan.activate });
      const runDir = join(plan.modelsDir, record.id);
      const active = (await listRuns(plan.modelsDir)).some((r) => r.active && r.id === record.id);
      const { falseNegative, falsePositive } = record.costs;
      process.stdout.write(
        [
          candidatesTable(record),
          '',
          settingsReport(record),
          '',
          `threshold: ${record.threshold.toFixed(3)} (refuse when the calibrated probability of default is at or above it; costs FN ${falseNegative}, FP ${falsePositive})`,
          choiceReport(record),
          `chosen: ${record.chosen}, calibrated with ${record.calibration.method} (Brier ${record.calibration.brierBefore.toFixed(4)} → ${record.calibration.brierAfter.toFixed(4)})`,
          `model: ${record.id}${active ? ' (active)' : ' (not active: creditlens models promote ID)'}, trained in ${formatDuration(record.durationSeconds)}`,
          `card: ${join(runDir, 'card.html')} (Markdown: card.md)`,
          '',
        ].join('\n') + baselineWarning(record),
      );
    });
}
