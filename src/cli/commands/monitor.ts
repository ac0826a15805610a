import type { Command } from 'commander';
import { openDb } from '../../data/db.ts';
import {
  monitor,
  monitoringDir,
  reportMarkdown,
  saveReport,
} from '../../model/monitoring/index.ts';
import { loadActiveRun } from '../../model/registry/index.ts';
import {
  type DataDirFlags,
  dataDirOf,
  dataDirOption,
  dbOption,
  dbPathOf,
  modelsDirOf,
} from '../options.ts';
import { UserError } from '../user-error.ts';

interface MonitorCliOptions extends DataDirFlags {
  applications: string;
  outcomes?: string;
  format: string;
}

/**
 * `creditlens monitor`: the monitoring report of a window of applications (and their outcomes)
 * against the active model's development population, stored under <data-dir>/monitoring/ (the
 * last one served by GET /api/monitoring) and printed as Markdown or JSON.
 */
export function registerMonitor(program: Command): void {
  program
    .command('monitor')
    .description(
      'drift and back-testing report of the active model on a window of applications: PSI of the ' +
        'score and of each feature, band mix, what the probabilities imply, and with --outcomes ' +
        'the AUC interval, Jeffreys test per band, Brier and reliability (docs/monitoring.md)',
    )
    .requiredOption(
      '--applications <file.csv>',
      'application rows of the window (Kaggle application schema, header included)',
    )
    .option('--outcomes <file.csv>', 'observed outcomes of window rows: SK_ID_CURR, TARGET (0/1)')
    .option('--format <md|json>', 'what to print', 'md')
    .addOption(dataDirOption('where the database, the models and monitoring/ live'))
    .addOption(dbOption())
    .addHelpText(
      'after',
      '\nExamples:\n  creditlens generate --out data/drift --scenario incomes-up\n' +
        '  creditlens monitor --applications data/drift/applications-incomes-up.csv',
    )
    .action(async (options: MonitorCliOptions) => {
      if (options.format !== 'md' && options.format !== 'json') {
        throw new UserError(`invalid --format: expected md or json, got '${options.format}'`);
      }
      const run = await loadActiveRun(modelsDirOf(options));
      if (run === null) throw new UserError('no active model: run creditlens train first');
      const db = await openDb(dbPathOf(options), { readOnly: true });
      try {
        const report = await monitor({
          db,
          run,
          applications: options.applications,
          ...(options.outcomes === undefined ? {} : { outcomes: options.outcomes }),
        });
        const stored = await saveReport(monitoringDir(dataDirOf(options)), report);
        process.stdout.write(
          options.format === 'json'
            ? `${JSON.stringify(report, null, 2)}\n`
            : `${reportMarkdown(report)}\n`,
        );
        process.stderr.write(`monitor: ${report.summary.status} · report → ${stored}\n`);
      } finally {
        db.close();
      }
    });
}
