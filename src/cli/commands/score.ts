/**
 * `creditlens score --input FILE.csv --out FILE.csv [--reasons N] [--save]`: batch scoring of new
 * applications (Kaggle application schema, one per line; no history: a new applicant has none)
 * with the active model, as POST /api/applications scores one. Streaming: a line is read, scored
 * and written before the next (memory stays flat on any file), with a progress bar (rows, rate,
 * ETA estimated from the bytes read). A bad line is named (file, line, column, field), written to
 * `<out>.rejects.csv` with the reason, and skipped; the others go on. `--save` records the scored
 * applications in the app store (source 'batch', 500 per transaction, each with its audit entry), each
 * with a new client id, written in the output's `client_id` column.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, rmSync, statSync, type WriteStream } from 'node:fs';
import type { Command } from 'commander';
import { fingerprint } from '../../api/audit/fingerprint.ts';
import { dataPaths } from '../../api/config.ts';
import { openAppStore } from '../../api/store/open.ts';
import { StoreOpenError } from '../../api/store/postgres-store.ts';
import type { AppStore, StoredApplication } from '../../api/store/types.ts';
import { scorerFromModel } from '../../explain/index.ts';
import { loadActiveRun } from '../../model/registry/index.ts';
import { csvField, csvNumber } from '../../model/tabular/index.ts';
import {
  type DataDirFlags,
  dataDirOf,
  dataDirOption,
  modelsDirOf,
  parseInteger,
} from '../options.ts';
import { createProgress, formatCount } from '../progress.ts';
import { type ApplicationLine, describeLine, readApplications } from '../score/application-csv.ts';
import { batchScorer, type ScoredLine } from '../score/batch-scorer.ts';
import { UserError } from '../user-error.ts';

interface ScoreCliOptions extends DataDirFlags {
  input: string;
  out: string;
  reasons: string;
  save?: boolean;
  appDb?: string;
  quiet?: boolean;
}

/** The audit action of a saved batch (one entry per transaction of applications). */
export const BATCH_ACTION = 'applications.batch';
/** Applications saved per transaction (and audit entry). */
const SAVE_CHUNK = 500;
/** At most this many rejected lines are printed (all are in the reject file). */
const SHOWN = 10;

/** A CSV file written line by line, waiting when the disk is behind (constant memory). */
class CsvOut {
  private readonly stream: WriteStream;
  constructor(path: string, header: readonly string[]) {
    this.stream = createWriteStream(path);
    this.stream.write(`${header.map(csvField).join(',')}\n`);
  }
  async write(fields: readonly string[]): Promise<void> {
    if (!this.stream.write(`${fields.join(',')}\n`)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** The reject file's path for an output path. */
export function rejectsPathOf(out: string): string {
  return `${out}.rejects.csv`;
}

async function openStore(location: string): Promise<AppStore> {
  try {
    return await openAppStore(location);
  } catch (error) {
    if (error instanceof StoreOpenError) throw new UserError(error.message);
    throw error;
  }
}

export function registerScore(program: Command): void {
  program
    .command('score')
    .description(
      'batch scoring of new applications (Kaggle application schema) with the active model: ' +
        'id, probability, points, band, decision and reason codes per row; bad rows to <out>.rejects.csv',
    )
    .requiredOption(
      '--input <file.csv>',
      'applications: a header of application fields (docs/application-fields.md)',
    )
    .requiredOption('--out <file.csv>', 'the scores (the rejected rows go to <out>.rejects.csv)')
    .option('--reasons <n>', 'principal adverse reason codes per row, 0 to 10', '0')
    .option('--save', "records the scored applications in the app store (source 'batch')")
    .option(
      '--app-db <path|url>',
      `with --save: the app store, a SQLite file (default ${dataPaths('<data-dir>').appDbPath}) or a postgres:// URL (env CREDITLENS_APP_DB)`,
    )
    .option('-q, --quiet', 'no progress bar')
    .addOption(dataDirOption())
    .action(async (options: ScoreCliOptions) => {
      const reasons = parseInteger('--reasons', options.reasons, 0, 10);
      if (!existsSync(options.input)) throw new UserError(`${options.input}: no such file`);
      const run = await loadActiveRun(modelsDirOf(options));
      if (!run) {
        throw new UserError(
          `no active model in ${modelsDirOf(options)}: train one (creditlens train)`,
        );
      }
      const score = batchScorer(scorerFromModel(run.model), run.record, reasons);
      const lines = readApplications(options.input);
      // The header is checked before anything is written.
      const first = await lines.next();
      const store = options.save
        ? await openStore(
            options.appDb ??
              (process.env.CREDITLENS_APP_DB || dataPaths(dataDirOf(options)).appDbPath),
          )
        : null;
      try {
        await scoreFile(options, run.record.id, reasons, score, store, first, lines);
      } finally {
        await store?.close();
      }
    });
}

async function scoreFile(
  options: ScoreCliOptions,
  modelVersion: string,
  reasons: number,
  score: (a: NonNullable<ApplicationLine['application']>) => ScoredLine,
  store: AppStore | null,
  first: IteratorResult<ApplicationLine>,
  rest: AsyncGenerator<ApplicationLine>,
): Promise<void> {
  const { input, out } = options;
  const rejectsPath = rejectsPathOf(out);
  rmSync(rejectsPath, { force: true });
  const reasonColumns = Array.from({ length: reasons }, (_, i) => `reason_${i + 1}`);
  const output = new CsvOut(out, [
    'id',
    ...(store ? ['client_id'] : []),
    'probability',
    'points',
    'band',
    'decision',
    ...reasonColumns,
  ]);
  let rejects: CsvOut | null = null;
  const size = statSync(input).size;
  const progress = createProgress({ label: 'score', unit: 'rows', quiet: options.quiet === true });
  let scored = 0;
  let rejected = 0;
  const shown: string[] = [];
  const pending: { line: ApplicationLine; result: ScoredLine }[] = [];
  const user = `cli:${process.env.USER ?? 'unknown'}`;

  const fieldsOf = (line: ApplicationLine, result: ScoredLine, clientId?: number) => [
    csvField(line.id ?? ''),
    ...(clientId === undefined ? [] : [String(clientId)]),
    csvNumber(result.probability),
    csvNumber(result.points),
    result.band,
    result.decision,
    ...reasonColumns.map((_, i) => result.reasons[i] ?? ''),
  ];

  const save = async (): Promise<void> => {
    if (!store || pending.length === 0) return;
    const now = Date.now();
    // The chunk and its audit entry commit together, or neither does.
    const saved = await store.applications.createMany(
      pending.map(({ line, result }) => ({
        createdAt: now,
        createdBy: null,
        source: 'batch' as const,
        application: line.application as StoredApplication['application'],
        modelVersion,
        features: result.features,
        probability: result.probability,
        decision: result.decision,
      })),
      {
        entry: (stored) => ({
          at: now,
          userId: null,
          username: user,
          role: null,
          action: BATCH_ACTION,
          clientId: null,
          modelVersion,
          inputsFingerprint: fingerprint(pending.map(({ line }) => line.application)),
          outputSummary: JSON.stringify({
            source: 'batch',
            file: input,
            lines: [pending[0]?.line.line, pending.at(-1)?.line.line],
            clientIds: [stored[0]?.clientId, stored.at(-1)?.clientId],
            items: stored.length,
          }),
          requestId: 'cli',
        }),
      },
    );
    for (const [i, { line, result }] of pending.entries()) {
      await output.write(fieldsOf(line, result, saved[i]?.clientId));
    }
    pending.length = 0;
  };

  const handle = async (line: ApplicationLine): Promise<void> => {
    if (line.application) {
      const result = score(line.application);
      scored++;
      if (store) {
        pending.push({ line, result });
        if (pending.length >= SAVE_CHUNK) await save();
      } else {
        await output.write(fieldsOf(line, result));
      }
    } else {
      rejected++;
      const { column, message } = line.problem;
      if (shown.length < SHOWN) shown.push(describeLine(input, line.line, column, message));
      rejects ??= new CsvOut(rejectsPath, ['line', 'column', 'field', 'id', 'reason']);
      await rejects.write([
        String(line.line),
        column && column.number > 0 ? String(column.number) : '',
        csvField(column?.name ?? ''),
        csvField(line.id ?? ''),
        csvField(message),
      ]);
    }
    const done = scored + rejected;
    progress.tick();
    // Rows to come, estimated from the bytes read so far: the ETA of a stream.
    if (done % 1000 === 0 && line.bytes > 0)
      progress.setTotal(Math.round((done * size) / line.bytes));
  };

  try {
    if (!first.done) await handle(first.value);
    for await (const line of rest) await handle(line);
    await save();
  } finally {
    progress.setTotal(scored + rejected);
    progress.finish();
    await output.close();
    await (rejects as CsvOut | null)?.close();
  }
  for (const text of shown) process.stderr.write(`creditlens: ${text}\n`);
  if (rejected > shown.length) {
    process.stderr.write(`creditlens: … and ${formatCount(rejected - shown.length)} more\n`);
  }
  process.stdout.write(
    `score: ${formatCount(scored)} scored${store ? ' and saved' : ''} → ${out}` +
      (rejected > 0 ? `; ${formatCount(rejected)} rejected → ${rejectsPath}` : '') +
      '\n',
  );
  if (scored === 0 && rejected > 0) process.exitCode = 1;
}
