/**
 * `creditlens outcomes --input FILE.csv`: records the observed outcomes of granted loans in the app
 * store, under the rules of POST /api/outcomes (src/api/outcomes/): every row checked first
 * (./outcomes-file.ts: errors name the file, line and column), only stored applications whose
 * final decision is grant, then one transaction — all rows or none. The same outcome again is
 * unchanged; a different one for a client who has one is refused, and nothing is written.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { fingerprint } from '../../api/audit/fingerprint.ts';
import { dataPaths } from '../../api/config.ts';
import { outcomeRefusals } from '../../api/outcomes/eligibility.ts';
import { OUTCOMES_ACTION } from '../../api/outcomes/routes.ts';
import { openAppStore } from '../../api/store/open.ts';
import { OutcomeConflictError } from '../../api/store/outcome-conflict.ts';
import { StoreOpenError } from '../../api/store/postgres-store.ts';
import { type DataDirFlags, dataDirOf, dataDirOption } from '../options.ts';
import { createProgress, formatCount } from '../progress.ts';
import { UserError } from '../user-error.ts';
import { describeProblem, type OutcomeFileProblem, readOutcomeFile } from './outcomes-file.ts';

interface OutcomesCliOptions extends DataDirFlags {
  input: string;
  appDb?: string;
  quiet?: boolean;
}

/** At most this many problems are printed (the count of the others follows). */
const SHOWN = 20;

function refuse(file: string, problems: OutcomeFileProblem[]): never {
  const lines = problems.slice(0, SHOWN).map((p) => `  ${describeProblem(file, p)}`);
  if (problems.length > SHOWN) lines.push(`  … and ${problems.length - SHOWN} more`);
  throw new UserError(
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}; nothing was recorded:\n${lines.join('\n')}`,
  );
}

export function registerOutcomes(program: Command): void {
  program
    .command('outcomes')
    .description(
      'records observed outcomes of granted loans (id or SK_ID_CURR, defaulted 0/1, date YYYY-MM-DD) ' +
        'in the app store, all rows or none; the same outcome again is unchanged (docs/monitoring.md)',
    )
    .requiredOption('--input <file.csv>', 'the outcomes: a header naming id, defaulted and date')
    .option(
      '--app-db <path|url>',
      `the app store: a SQLite file (default ${dataPaths('<data-dir>').appDbPath}) or a postgres:// URL (env CREDITLENS_APP_DB)`,
    )
    .option('--quiet', 'no progress bar')
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      '\nExample (a file of outcomes of applications saved by `creditlens score --save`):\n' +
        '  id,defaulted,date\n  900000003,0,2026-11-30\n  900000007,1,2026-11-30\n\n' +
        '  creditlens outcomes --input outcomes-november.csv',
    )
    .action(async (options: OutcomesCliOptions) => {
      const file = options.input;
      if (!existsSync(file)) throw new UserError(`${file}: no such file`);
      const progress = createProgress({
        label: 'outcomes',
        unit: 'rows',
        quiet: options.quiet === true,
      });
      const read = await readOutcomeFile(file, { onLine: () => progress.tick() });
      progress.finish();
      if (read.problems.length > 0) refuse(file, read.problems);
      if (read.rows.length === 0) throw new UserError(`${file}: no outcome rows under the header`);
      const location =
        options.appDb ?? (process.env.CREDITLENS_APP_DB || dataPaths(dataDirOf(options)).appDbPath);
      let store: Awaited<ReturnType<typeof openAppStore>>;
      try {
        store = await openAppStore(location);
      } catch (error) {
        if (error instanceof StoreOpenError) throw new UserError(error.message);
        throw error;
      }
      try {
        const recordedBy = `cli:${process.env.USER ?? 'unknown'}`;
        const outcomes = read.rows.map((r) => ({ ...r, recordedBy }));
        const refusals = await outcomeRefusals(store, outcomes);
        if (refusals.length > 0) {
          refuse(
            file,
            refusals.map((r) => ({
              line: read.rows[r.index]?.line ?? 0,
              column: read.idColumn,
              message: r.reason,
            })),
          );
        }
        let result: Awaited<ReturnType<typeof store.outcomes.recordAll>>;
        try {
          result = await store.outcomes.recordAll(
            outcomes.map(({ clientId, defaulted, observedAt }) => ({
              clientId,
              defaulted,
              observedAt,
              recordedBy,
            })),
          );
        } catch (error) {
          if (!(error instanceof OutcomeConflictError)) throw error;
          refuse(file, [
            {
              line: read.rows[error.index]?.line ?? 0,
              column: read.idColumn,
              message: error.message,
            },
          ]);
        }
        await store.audit.append({
          at: Date.now(),
          userId: null,
          username: recordedBy,
          role: null,
          action: OUTCOMES_ACTION,
          clientId: null,
          modelVersion: null,
          inputsFingerprint: fingerprint(outcomes.map(({ line: _, ...o }) => o)),
          outputSummary: JSON.stringify({
            items: outcomes.length,
            recorded: result.recorded,
            unchanged: result.unchanged,
            source: 'cli',
          }),
          requestId: 'cli',
        });
        const stored = await store.outcomes.count();
        process.stdout.write(
          `outcomes: ${formatCount(result.recorded)} recorded, ${formatCount(result.unchanged)} unchanged · ${formatCount(stored)} in the store\n`,
        );
      } finally {
        await store.close();
      }
    });
}
