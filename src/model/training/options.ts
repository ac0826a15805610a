/** Options of a training run, their defaults, and what a run produces. */
import type { ProgressFactory } from '../../data/progress.ts';
import { ModelError } from '../errors.ts';
import { DEFAULT_COSTS, DEFAULT_SCORE_SCALE } from '../evaluation/index.ts';
import type { CostSpec, RunDraft, ScoreScaleSpec } from '../run-record.ts';
import type { ScoringModel } from '../scoring-model/index.ts';
import { DEFAULT_TRAINING_SEED } from './defaults.ts';
import type { SearchStrategy } from './sampler.ts';

export interface TrainingOptions {
  /** Cross-validation folds. Default 5. */
  folds?: number;
  /** Share of rows set aside (stratified) for the final report. Default 0.2. */
  holdoutShare?: number;
  /** Search trials at most; default 12 unless timeBudgetSeconds is given (then the budget rules). */
  trials?: number;
  /** Stop starting new search trials after this many seconds (the running one ends). */
  timeBudgetSeconds?: number;
  /** Search sampler. Default 'tpe'. */
  strategy?: SearchStrategy;
  /** Cap on boosting rounds per model in the search. Default 500. */
  numRounds?: number;
  /** Costs of a false negative and a false positive. Default DEFAULT_COSTS (10 / 1). */
  costs?: CostSpec;
  /** F-beta weight of recall. Default 10. */
  beta?: number;
  /** Seed of every random choice (splits, search, subsampling, samples). Default 42 (defaults.ts). */
  seed?: number;
  scoreScale?: ScoreScaleSpec;
  /** false (default): gender and family-status columns are left out of the model. */
  includeProtected?: boolean;
  /**
   * true (default): the declared monotone directions (src/data/features/monotone.ts) are imposed,
   * and the features that would break them left out. false: `train --no-monotone`.
   */
  monotone?: boolean;
  /** true: learn from the client-explainable features only. Default false. */
  clientExplainableOnly?: boolean;
  /**
   * Which features a client can be given as reasons. Default: the reason-code catalogue's flag
   * (isClientExplainable of src/data/features/reason-codes.ts).
   */
  clientExplainable?: (feature: string) => boolean;
  /**
   * true (default): also train, with the served hyper-parameters on the same folds and holdout, the
   * model that differs in each setting (monotone or not; client-explainable features only or all),
   * and report both side by side. About one search trial and one refit per comparison.
   */
  compare?: boolean;
  /** From src/data/progress.ts; the search bar shows the best score so far. */
  progress?: ProgressFactory;
  /** One line per finished stage / trial. */
  log?: (line: string) => void;
}

export interface TrainingOutcome {
  /** The served model, trees or logistic regression (raw probabilities; the draft's calibrator maps them). */
  model: ScoringModel;
  draft: RunDraft;
}

/** Trials when neither a count nor a budget is given; the cap when only a budget is. */
export const DEFAULT_TRIALS = 12;
export const BUDGET_TRIAL_CAP = 200;

export interface ResolvedOptions {
  readonly folds: number;
  readonly holdoutShare: number;
  readonly trials: number;
  readonly timeBudgetSeconds: number | undefined;
  readonly strategy: SearchStrategy;
  readonly numRounds: number;
  readonly costs: CostSpec;
  readonly beta: number;
  readonly seed: number;
  readonly scoreScale: ScoreScaleSpec;
  readonly includeProtected: boolean;
  readonly monotone: boolean;
  readonly clientExplainableOnly: boolean;
  readonly compare: boolean;
}

export function resolveOptions(options: TrainingOptions): ResolvedOptions {
  const folds = options.folds ?? 5;
  if (!Number.isInteger(folds) || folds < 2) {
    throw new ModelError('BAD_OPTION', {
      name: 'folds',
      value: String(folds),
      rule: 'an integer ≥ 2',
    });
  }
  const holdoutShare = options.holdoutShare ?? 0.2;
  if (!(holdoutShare > 0 && holdoutShare < 1)) {
    throw new ModelError('BAD_OPTION', {
      name: 'holdoutShare',
      value: String(holdoutShare),
      rule: 'in (0, 1)',
    });
  }
  const trials =
    options.trials ?? (options.timeBudgetSeconds === undefined ? DEFAULT_TRIALS : BUDGET_TRIAL_CAP);
  if (!Number.isInteger(trials) || trials < 1) {
    throw new ModelError('BAD_OPTION', {
      name: 'trials',
      value: String(trials),
      rule: 'an integer ≥ 1',
    });
  }
  return {
    folds,
    holdoutShare,
    trials,
    timeBudgetSeconds: options.timeBudgetSeconds,
    strategy: options.strategy ?? 'tpe',
    numRounds: options.numRounds ?? 500,
    costs: options.costs ?? DEFAULT_COSTS,
    beta: options.beta ?? 10,
    seed: options.seed ?? DEFAULT_TRAINING_SEED,
    scoreScale: options.scoreScale ?? DEFAULT_SCORE_SCALE,
    includeProtected: options.includeProtected ?? false,
    monotone: options.monotone ?? true,
    clientExplainableOnly: options.clientExplainableOnly ?? false,
    compare: options.compare ?? true,
  };
}
