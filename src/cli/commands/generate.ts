import type { Command } from 'commander';
import {
  DEFAULT_CLIENTS,
  DEFAULT_SEED,
  DEFAULT_TEST_CLIENTS,
} from '../../data/generate/defaults.ts';
import { generateDataset } from '../../data/generate/index.ts';
import { formatRealismReport, realismReport } from '../../data/generate/realism.ts';
import { SCENARIOS } from '../../data/generate/scenario.ts';
import { writeScenarioFiles } from '../../data/generate/scenario-file.ts';
import { parseInteger, parseSeed, seedOption } from '../options.ts';
import { barFactory, formatCount } from '../progress.ts';
import { UserError } from '../user-error.ts';

interface GenerateCliOptions {
  out?: string;
  clients: string;
  testClients: string;
  seed: string;
  workers?: string;
  compare?: string;
  generated?: string;
  scenario?: string;
  from?: string;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e3).toFixed(1)} kB`;
}

/**
 * `creditlens generate`: writes a synthetic Home Credit data set (the eight Kaggle files), or with
 * --compare prints the realism report of the generated application rows against a real file.
 */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description(
      'write a synthetic Home Credit data set (the eight Kaggle CSV files, exact headers) into --out; ' +
        'with --compare, print the realism report of generated application rows against a real file instead',
    )
    .option(
      '--out <dir>',
      'directory to write the eight CSV files into (required unless --compare)',
    )
    .option(
      '--clients <n>',
      'number of train clients (application_train rows)',
      String(DEFAULT_CLIENTS),
    )
    .option(
      '--test-clients <n>',
      'number of test clients (application_test rows)',
      String(DEFAULT_TEST_CLIENTS),
    )
    .addOption(seedOption('seed of the random streams (same seed, same bytes)', DEFAULT_SEED))
    .option(
      '--workers <n>',
      'worker threads (default 2 above 50,000 clients in all, else 1; output does not depend on it)',
    )
    .option(
      '--compare <real.csv>',
      'realism report: compare application columns with this real application CSV ' +
        '(missing-rate difference, TVD of categories, KS of numbers) instead of generating files',
    )
    .option(
      '--generated <file.csv>',
      'with --compare: the generated application CSV to check (default: a fresh in-memory sample ' +
        'of test clients with the default seed, as many rows as the real file)',
    )
    .option(
      '--scenario <name>',
      `write drifted applications instead: the test clients' application rows of this seed and sizes ` +
        `(or of --from), shifted, as applications-<name>.csv with the ground truth beside it ` +
        `(${SCENARIOS.map((s) => s.name).join(', ')}; see docs/monitoring.md)`,
    )
    .option('--from <application.csv>', 'with --scenario: the application file to shift')
    .addHelpText(
      'after',
      '\nExamples:\n  creditlens generate --out data/demo\n' +
        '  creditlens generate --out data/full --clients 307511 --test-clients 48744\n' +
        '  creditlens generate --out data/drift --scenario incomes-up\n' +
        '  creditlens generate --compare ../shared/data/home-credit/application_test_sample.csv',
    )
    .action(async (options: GenerateCliOptions) => {
      if (options.compare) {
        const report = await realismReport(options.compare, options.generated);
        process.stdout.write(`${formatRealismReport(report)}\n`);
        return;
      }
      if (options.generated) throw new UserError('--generated needs --compare');
      if (options.from && !options.scenario) throw new UserError('--from needs --scenario');
      if (options.scenario) {
        if (!options.out) throw new UserError('missing --out <dir> (where to write the scenario)');
        const written = await writeScenarioFiles({
          scenario: options.scenario,
          outDir: options.out,
          ...(options.from === undefined ? {} : { from: options.from }),
          clients: parseInteger('--clients', options.clients, 0),
          testClients: parseInteger('--test-clients', options.testClients, 0),
          seed: parseSeed(options.seed),
        });
        const { truth } = written;
        process.stdout.write(
          `scenario ${truth.scenario}: ${formatCount(truth.rows)} rows → ${written.file}\n` +
            `  moved: ${truth.moved.join(', ') || '(nothing)'}\n  truth → ${written.truthFile}\n`,
        );
        return;
      }
      if (!options.out) throw new UserError('missing --out <dir> (where to write the CSV files)');
      const summary = await generateDataset({
        outDir: options.out,
        clients: parseInteger('--clients', options.clients, 0),
        testClients: parseInteger('--test-clients', options.testClients, 0),
        seed: parseSeed(options.seed),
        ...(options.workers === undefined
          ? {}
          : { workers: parseInteger('--workers', options.workers, 1) }),
        progress: barFactory(),
      });
      const lines = summary.files.map(
        (f) => `  ${f.file}  ${formatCount(f.rows)} rows  ${formatBytes(f.bytes)}`,
      );
      process.stdout.write(
        `${lines.join('\n')}\ndefault rate ${(summary.defaultRate * 100).toFixed(2)}% · ${summary.seconds.toFixed(1)}s\n`,
      );
    });
}
