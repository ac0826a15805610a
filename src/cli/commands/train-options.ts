/**
 * The options of `creditlens train`, checked before anything is read or written: every mistake
 * is a UserError naming the option and what was given.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseOutcomeDate } from '../../api/outcomes/outcome-date.ts';
import type { CostSpec } from '../../model/run-record.ts';
import {
  type DataDirFlags,
  dbPathOf,
  modelsDirOf,
  parseInteger,
  parsePositiveNumber,
  parseSeed,
} from '../options.ts';
import { UserError } from '../user-error.ts';

/** The raw strings commander hands over. */
export interface TrainCliOptions extends DataDirFlags {
  folds: string;
  trials?: string;
  timeBudget?: string;
  costFn: string;
  costFp: string;
  beta: string;
  seed: string;
  includeProtected?: boolean;
  /** false with --no-monotone. */
  monotone?: boolean;
  clientExplainableOnly?: boolean;
  /** false with --no-compare. */
  compare?: boolean;
  /** false with --no-activate. */
  activate: boolean;
  csv?: string;
  target?: string;
  id?: string;
  positive?: string;
  quiet?: boolean;
  /** --challenger: train without promoting, then compare with the active model. */
  challenger?: boolean;
  windowSince?: string;
  windowUntil?: string;
  applications?: string;
  outcomes?: string;
  appDb?: string;
}

/** `train --challenger`: what to learn from beside the development data, and what to compare on. */
export interface ChallengerPlan {
  /**
   * The stored applications with an outcome received in [since, until) join the development data
   * (src/model/challenger/training-window.ts); null: the development data alone.
   */
  readonly window: { readonly since: number; readonly until?: number } | null;
  /** The labelled applications both models are scored on. */
  readonly compareOn:
    | { readonly kind: 'files'; readonly applications: string; readonly outcomes: string }
    /** The stored applications with a stored outcome, those of the training window left out. */
    | { readonly kind: 'store' };
  /** The app store (SQLite file or postgres:// URL); undefined: the data directory's. */
  readonly appDb?: string;
}

export type TrainSource =
  | { readonly kind: 'feature-table'; readonly dbPath: string }
  | {
      readonly kind: 'csv';
      readonly file: string;
      readonly target: string;
      readonly id?: string;
      readonly positive?: string;
    };

export interface TrainPlan {
  readonly source: TrainSource;
  readonly modelsDir: string;
  readonly folds: number;
  readonly trials?: number;
  readonly timeBudgetSeconds?: number;
  readonly costs: CostSpec;
  readonly beta: number;
  readonly seed: number;
  readonly includeProtected: boolean;
  /** Impose the declared monotone constraints (default; --no-monotone). */
  readonly monotone: boolean;
  readonly clientExplainableOnly: boolean;
  /** Train the comparison models (default; --no-compare). */
  readonly compare: boolean;
  /** true: activate the new model; undefined: only when none is active (--no-activate). */
  readonly activate: true | undefined;
  readonly quiet: boolean;
  /** Set with --challenger. */
  readonly challenger: ChallengerPlan | null;
}

function dayOf(flag: string, text: string): number {
  const ms = parseOutcomeDate(text);
  if (ms === null)
    throw new UserError(`invalid ${flag}: expected a day as YYYY-MM-DD, got '${text}'`);
  return ms;
}

/** The --challenger options, checked; null without --challenger (and then none may be given). */
function challengerPlan(options: TrainCliOptions): ChallengerPlan | null {
  const flags = [
    ['--window-since', options.windowSince],
    ['--window-until', options.windowUntil],
    ['--applications', options.applications],
    ['--outcomes', options.outcomes],
    ['--app-db', options.appDb],
  ] as const;
  if (options.challenger !== true) {
    for (const [flag, value] of flags) {
      if (value !== undefined) throw new UserError(`${flag} goes with --challenger`);
    }
    return null;
  }
  if (options.csv !== undefined) {
    throw new UserError(
      '--challenger compares with the active model on applications: train it on the feature table, not --csv',
    );
  }
  let window: ChallengerPlan['window'] = null;
  if (options.windowSince !== undefined) {
    const since = dayOf('--window-since', options.windowSince);
    if (options.windowUntil === undefined) window = { since };
    else {
      const until = dayOf('--window-until', options.windowUntil);
      if (until <= since) {
        throw new UserError(
          `--window-until ${options.windowUntil} must come after --window-since ${options.windowSince}`,
        );
      }
      window = { since, until };
    }
  } else if (options.windowUntil !== undefined) {
    throw new UserError('--window-until needs --window-since (the first day of the window)');
  }
  if ((options.applications === undefined) !== (options.outcomes === undefined)) {
    throw new UserError(
      '--applications and --outcomes go together: the applications to compare on and their outcomes (SK_ID_CURR, TARGET)',
    );
  }
  let compareOn: ChallengerPlan['compareOn'] = { kind: 'store' };
  if (options.applications !== undefined && options.outcomes !== undefined) {
    const applications = resolve(options.applications);
    const outcomes = resolve(options.outcomes);
    requireFile('--applications', applications, '');
    requireFile('--outcomes', outcomes, '');
    compareOn = { kind: 'files', applications, outcomes };
  }
  return { window, compareOn, ...(options.appDb === undefined ? {} : { appDb: options.appDb }) };
}

function requireFile(option: string, path: string, hint: string): void {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new UserError(`${option}: no file at ${path}${hint}`);
  }
}

function source(options: TrainCliOptions): TrainSource {
  if (options.csv === undefined) {
    for (const [flag, value] of [
      ['--target', options.target],
      ['--id', options.id],
      ['--positive', options.positive],
    ] as const) {
      if (value !== undefined)
        throw new UserError(`${flag} needs --csv (it names a column of that file)`);
    }
    const dbPath = dbPathOf(options);
    requireFile('--db', dbPath, ' (build it with: creditlens start)');
    return { kind: 'feature-table', dbPath };
  }
  if (options.db !== undefined) {
    throw new UserError(
      '--db and --csv exclude each other: train on the feature table or on a CSV file',
    );
  }
  if (options.target === undefined) {
    throw new UserError('--csv needs --target COLUMN (the column holding 0/1 or two labels)');
  }
  const file = resolve(options.csv);
  requireFile('--csv', file, '');
  return {
    kind: 'csv',
    file,
    target: options.target,
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.positive === undefined ? {} : { positive: options.positive }),
  };
}

/** Checks every option; returns what to do. Reads nothing but the existence of input files. */
export function planTraining(options: TrainCliOptions): TrainPlan {
  if (options.trials !== undefined && options.timeBudget !== undefined) {
    throw new UserError('give --trials or --time-budget, not both');
  }
  const folds = parseInteger('--folds', options.folds, 2, 20);
  const trials =
    options.trials === undefined ? undefined : parseInteger('--trials', options.trials, 1, 10_000);
  const timeBudgetSeconds =
    options.timeBudget === undefined
      ? undefined
      : parsePositiveNumber('--time-budget', options.timeBudget);
  const costs = {
    falseNegative: parsePositiveNumber('--cost-fn', options.costFn),
    falsePositive: parsePositiveNumber('--cost-fp', options.costFp),
  };
  const beta = parsePositiveNumber('--beta', options.beta);
  const seed = parseSeed(options.seed);
  const challenger = challengerPlan(options);
  return {
    source: source(options),
    modelsDir: modelsDirOf(options),
    folds,
    ...(trials === undefined ? {} : { trials }),
    ...(timeBudgetSeconds === undefined ? {} : { timeBudgetSeconds }),
    costs,
    beta,
    seed,
    includeProtected: options.includeProtected === true,
    monotone: options.monotone !== false,
    clientExplainableOnly: options.clientExplainableOnly === true,
    compare: options.compare !== false,
    activate: options.activate === false ? undefined : true,
    quiet: options.quiet === true,
    challenger,
  };
}
