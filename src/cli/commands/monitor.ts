import type { Command } from 'commander';
import { dataPaths } from '../../api/config.ts';
import { parseOutcomeDate } from '../../api/outcomes/outcome-date.ts';
import { openAppStore } from '../../api/store/open.ts';
import { StoreOpenError } from '../../api/store/postgres-store.ts';
import { openDb } from '../../data/db.ts';
import {
  type MonitoringReport,
  monitor,
  monitoringDir,
  monitorWindow,
  reportHtml,
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
  applications?: string;
  outcomes?: string;
  since?: string;
  until?: string;
  appDb?: string;
  format: string;
}

const FORMATS = ['md', 'html', 'json'] as const;

function dayOption(flag: string, text: string): number {
  const ms = parseOutcomeDate(text);
  if (ms === null)
    throw new UserError(`invalid ${flag}: expected a day as YYYY-MM-DD, got '${text}'`);
  return ms;
}

/** Which window: a file of applications, or the stored ones of a period (never both). */
function checkWindow(options: MonitorCliOptions): { since: number; until?: number } | null {
  if (options.applications !== undefined) {
    if (options.since !== undefined || options.until !== undefined) {
      throw new UserError('give either --applications FILE.csv or --since DATE, not both');
    }
    return null;
  }
  if (options.since === undefined) {
    throw new UserError(
      'which window? --applications FILE.csv (a file), or --since DATE [--until DATE] (the stored applications)',
    );
  }
  if (options.outcomes !== undefined) {
    throw new UserError(
      '--outcomes goes with --applications: with --since the stored outcomes are used',
    );
  }
  const since = dayOption('--since', options.since);
  if (options.until === undefined) return { since };
  const until = dayOption('--until', options.until);
  if (until <= since)
    throw new UserError(`--until ${options.until} must come after --since ${options.since}`);
  return { since, until };
}

function printed(report: MonitoringReport, format: (typeof FORMATS)[number]): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'html') return reportHtml(report);
  return `${reportMarkdown(report)}\n`;
}

/**
 * `creditlens monitor`: the monitoring report of a window of applications (and their outcomes)
 * against the active model's development population — a file of applications, or the
 * applications stored in the app store over a period with their stored outcomes — stored under
 * <data-dir>/monitoring/ (the last one served by GET /api/monitoring) and printed as Markdown,
 * HTML or JSON.
 */
export function registerMonitor(program: Command): void {
  program
    .command('monitor')
    .description(
      'drift and back-testing report of the active model on a window of applications: PSI of the ' +
        'score and of each feature, band mix, what the probabilities imply, and once outcomes exist ' +
        'the AUC interval, Jeffreys test per band, Brier and reliability (docs/monitoring.md)',
    )
    .option(
      '--applications <file.csv>',
      'application rows of the window (Kaggle application schema, header included)',
    )
    .option(
      '--outcomes <file.csv>',
      'with --applications: outcomes of window rows: SK_ID_CURR, TARGET (0/1)',
    )
    .option(
      '--since <YYYY-MM-DD>',
      'the stored applications from this day (inclusive), with their stored outcomes',
    )
    .option('--until <YYYY-MM-DD>', 'with --since: up to this day (exclusive; default: now)')
    .option(
      '--app-db <path|url>',
      `with --since: the app store, a SQLite file (default ${dataPaths('<data-dir>').appDbPath}) or a postgres:// URL (env CREDITLENS_APP_DB)`,
    )
    .option('--format <md|html|json>', 'what to print (html: one self-contained page)', 'md')
    .addOption(dataDirOption('where the database, the models and monitoring/ live'))
    .addOption(dbOption())
    .addHelpText(
      'after',
      '\nExamples:\n  creditlens generate --out data/drift --scenario incomes-up\n' +
        '  creditlens monitor --applications data/drift/applications-incomes-up.csv\n' +
        '  creditlens monitor --since 2026-11-01 --until 2026-12-01 --format html > report.html',
    )
    .action(async (options: MonitorCliOptions) => {
      const format = FORMATS.find((f) => f === options.format);
      if (format === undefined) {
        throw new UserError(`invalid --format: expected md, html or json, got '${options.format}'`);
      }
      const stored = checkWindow(options);
      const run = await loadActiveRun(modelsDirOf(options));
      if (run === null) throw new UserError('no active model: run creditlens train first');
      const db = await openDb(dbPathOf(options), { readOnly: true });
      try {
        let report: MonitoringReport;
        if (stored === null) {
          report = await monitor({
            db,
            run,
            applications: options.applications as string,
            ...(options.outcomes === undefined ? {} : { outcomes: options.outcomes }),
          });
        } else {
          const location =
            options.appDb ??
            (process.env.CREDITLENS_APP_DB || dataPaths(dataDirOf(options)).appDbPath);
          const store = await openAppStore(location).catch((error: unknown) => {
            throw error instanceof StoreOpenError ? new UserError(error.message) : error;
          });
          try {
            const result = await monitorWindow({ db, run, store, ...stored });
            report = result.report;
            if (result.recomputed > 0) {
              process.stderr.write(
                `monitor: ${result.recomputed} applications scored by another model: features recomputed from their fields\n`,
              );
            }
          } finally {
            await store.close();
          }
        }
        const dir = await saveReport(monitoringDir(dataDirOf(options)), report);
        process.stdout.write(printed(report, format));
        process.stderr.write(`monitor: ${report.summary.status} · report → ${dir}\n`);
      } finally {
        db.close();
      }
    });
}
