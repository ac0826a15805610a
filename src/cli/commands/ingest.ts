import type { Command } from 'commander';
import { DataError } from '../../data/errors.ts';
import { type IngestReport, ingestDirectory } from '../../data/ingest/index.ts';
import { type DataDirFlags, dataDirOption, dbOption, dbPathOf } from '../options.ts';
import { barFactory, formatCount, formatDuration } from '../progress.ts';

interface IngestCliOptions extends DataDirFlags {
  quiet?: boolean;
}

/** The final table: one line per file with rows, orphans, extra columns and time. */
export function formatIngestReport(report: IngestReport): string {
  const header = ['file', 'rows', 'orphans', 'extra columns', 'time'];
  const body = report.tables.map((t) => [
    t.file,
    t.present ? formatCount(t.rows) : 'absent',
    t.present ? formatCount(t.orphans) : '',
    t.extraColumns.join(', '),
    t.present ? formatDuration(t.seconds) : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const numeric = [false, true, true, false, true];
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const total = report.tables.reduce((sum, t) => sum + t.rows, 0);
  return [
    line(header),
    ...body.map(line),
    '',
    `${formatCount(total)} rows into ${report.dbPath} in ${formatDuration(report.seconds)}`,
    ...report.warnings.map((w) => `warning: ${w}`),
  ].join('\n');
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'load the Home Credit CSV files of DIR into a DuckDB database, replacing it only on success',
    )
    .argument(
      '<dir>',
      'directory of the Kaggle files (application_train.csv or application_test.csv required, history files optional)',
    )
    .addOption(dataDirOption('where the database lives'))
    .addOption(dbOption('database file to create or replace'))
    .option('-q, --quiet', 'no progress bars (the final table is still printed)')
    .action(async (dir: string, options: IngestCliOptions) => {
      try {
        const report = await ingestDirectory({
          dir,
          dbPath: dbPathOf(options),
          progress: barFactory({ quiet: options.quiet ?? false }),
        });
        process.stdout.write(`${formatIngestReport(report)}\n`);
      } catch (error) {
        if (error instanceof DataError && error.code === 'INTERRUPTED') {
          process.stderr.write(`creditlens: ${error.message}\n`);
          process.exitCode = 130; // the shell's code for Ctrl-C
          return;
        }
        throw error;
      }
    });
}
