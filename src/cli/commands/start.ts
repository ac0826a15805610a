import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { dataPaths } from '../../api/config.ts';
import { WEB_DIR } from '../../api/web/paths.ts';
import { withDb } from '../../data/db.ts';
import { FEATURES_TABLE, hasTables } from '../../data/features/feature-table.ts';
import { buildFeatures } from '../../data/features/index.ts';
import {
  DEFAULT_CLIENTS,
  DEFAULT_SEED,
  DEFAULT_TEST_CLIENTS,
} from '../../data/generate/defaults.ts';
import { generateDataset } from '../../data/generate/index.ts';
import { ingestDirectory } from '../../data/ingest/index.ts';
import { TABLES } from '../../data/schema.ts';
import { loadActiveRun, saveRun } from '../../model/registry/index.ts';
import {
  dataDirOf,
  dataDirOption,
  hostOption,
  parseInteger,
  parsePort,
  parsePositiveNumber,
  parseSeed,
  portOption,
  seedOption,
} from '../options.ts';
import { barFactory, formatCount } from '../progress.ts';
import { ensureWebBuild } from '../web-build.ts';
import { runServer } from './serve.ts';
import { baselineWarning, runOneLiner } from './train-report.ts';

interface StartOptions {
  dataDir: string;
  clients: string;
  testClients: string;
  seed: string;
  timeBudget: string;
  port: string;
  host: string;
  /** False with --no-serve. */
  serve: boolean;
}

/** Newest modification time among the Kaggle files present in a directory (0 if none). */
function newestCsv(dir: string): number {
  let newest = 0;
  for (const spec of TABLES) {
    const path = join(dir, spec.file);
    if (existsSync(path)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

async function hasFeatureTable(dbPath: string): Promise<boolean> {
  if (!existsSync(dbPath)) return false;
  return withDb(dbPath, (db) => hasTables(db, [FEATURES_TABLE]), { readOnly: true });
}

/**
 * `creditlens start`: everything a fresh machine needs to show the product, doing only what is
 * missing: demo data (generated when data/demo has none), the DuckDB database (ingested when
 * missing or older than the files), the feature table, a trained model (when none is active), the
 * dashboard build (when web/dist is missing or older than web/src).
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      'prepare everything the product needs, doing only what is missing (demo data, database, features, model, dashboard build), then serve it',
    )
    .addOption(dataDirOption())
    .option(
      '--clients <n>',
      'train clients of the demo data when it must be generated',
      String(DEFAULT_CLIENTS),
    )
    .option(
      '--test-clients <n>',
      'test clients of the demo data when it must be generated',
      String(DEFAULT_TEST_CLIENTS),
    )
    .addOption(seedOption('seed of the demo data and of the training', DEFAULT_SEED))
    .option(
      '--time-budget <seconds>',
      'hyper-parameter search time when a model must be trained (see creditlens train)',
      '45',
    )
    .addOption(portOption('port of the server started at the end'))
    .addOption(hostOption('interface the server listens on'))
    .option('--no-serve', 'prepare only: do not start the server at the end')
    .action(async (options: StartOptions) => {
      const sizes = {
        clients: parseInteger('--clients', options.clients, 0),
        testClients: parseInteger('--test-clients', options.testClients, 0),
        seed: parseSeed(options.seed),
      };
      const timeBudgetSeconds = parsePositiveNumber('--time-budget', options.timeBudget);
      parsePort(options.port); // checked now, not after minutes of preparation
      const dataDir = dataDirOf(options);
      const { dbPath, modelsDir } = dataPaths(dataDir);
      const demoDir = join(dataDir, 'demo');
      const progress = barFactory();
      const made: string[] = [];

      if (newestCsv(demoDir) === 0) {
        process.stderr.write(`No data in ${demoDir}: generating the demo data set.\n`);
        const summary = await generateDataset({
          outDir: demoDir,
          ...sizes,
          progress,
        });
        const rows = summary.files.reduce((sum, f) => sum + f.rows, 0);
        made.push(
          `demo data: ${summary.files.length} files, ${formatCount(rows)} rows in ${demoDir} (${(summary.defaultRate * 100).toFixed(1)}% defaults)`,
        );
      }

      const dbFresh = existsSync(dbPath) && statSync(dbPath).mtimeMs >= newestCsv(demoDir);
      if (!dbFresh) {
        const report = await ingestDirectory({ dir: demoDir, dbPath, progress });
        const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
        made.push(`database: ${formatCount(rows)} rows in ${dbPath}`);
      }

      if (!dbFresh || !(await hasFeatureTable(dbPath))) {
        const summary = await buildFeatures({ dbPath, progress });
        made.push(
          `features: ${formatCount(summary.featureCount)} features for ${formatCount(summary.rows.train)} train and ${formatCount(summary.rows.test)} test clients`,
        );
      }

      if ((await loadActiveRun(modelsDir)) === null) {
        process.stderr.write('No active model: training one on the feature table.\n');
        // Loaded on use: starting an already prepared installation needs no training code.
        const { trainFromFeatureTable } = await import('../../model/training/index.ts');
        const outcome = await trainFromFeatureTable(dbPath, {
          timeBudgetSeconds,
          seed: sizes.seed,
          progress,
          log: (line: string) => process.stderr.write(`${line}\n`),
        });
        const record = await saveRun(modelsDir, outcome, { activate: true });
        made.push(
          `model: ${runOneLiner(record)} trained in ${record.durationSeconds.toFixed(0)}s, active; card in ${join(modelsDir, record.id, 'card.html')}`,
        );
        // Said at once and set apart, as `train` does: nobody should miss it among the rest.
        process.stderr.write(baselineWarning(record));
      }

      const dashboard = await ensureWebBuild({
        webDir: WEB_DIR,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      if (dashboard) made.push(dashboard);

      if (made.length === 0) made.push(`everything was already in place in ${dataDir}`);
      process.stdout.write(`creditlens is ready:\n${made.map((m) => `  - ${m}`).join('\n')}\n`);
      if (options.serve) {
        await runServer({
          port: options.port,
          host: options.host,
          dataDir: options.dataDir,
          secureCookies: 'auto',
          logLevel: 'warn',
        });
      }
    });
}
