/**
 * Hyper-parameter search for the trees. Each trial cross-validates one setting (early stopping on
 * every fold's validation part, `numRounds` as the cap) and is ranked by its pooled out-of-fold
 * log-loss. The search stops after `trials` trials or once `timeBudgetSeconds` is spent: a running
 * trial always finishes, and a new one is not started when the mean trial time says it would end
 * past the budget (the first trial always runs). Deterministic for a seed and a trial count.
 */
import { type ProgressFactory, silentProgress } from '../../data/progress.ts';
import { type ParamInput, Rng } from '../../engine/index.ts';
import type { SearchTrial } from '../run-record.ts';
import type { FoldSet } from './fold-data.ts';
import { nextPoint, type Observation, type SearchStrategy } from './sampler.ts';
import { firstPoint, paramsAt, SEARCH_SPACE } from './search-space.ts';
import { crossValidateTrees, type TreesCv } from './trees-cv.ts';

export interface SearchOptions {
  readonly strategy?: SearchStrategy;
  /** Trials at most. */
  readonly trials: number;
  readonly timeBudgetSeconds?: number;
  /** Cap on boosting rounds per fold model. Default 500. */
  readonly numRounds?: number;
  /** Default 20. */
  readonly earlyStoppingRounds?: number;
  readonly seed: number;
  /** Extra engine parameters of every trial (e.g. maxBin). */
  readonly fixed?: ParamInput;
  readonly progress?: ProgressFactory;
  readonly log?: (line: string) => void;
}

export interface SearchResult {
  readonly strategy: SearchStrategy;
  readonly trials: SearchTrial[];
  /** Engine parameters of the best trial (numRounds is the cap, not the rounds to refit with). */
  readonly bestParams: ParamInput;
  /** The best trial's cross-validation (out-of-fold predictions, fold models). */
  readonly best: TreesCv;
}

/** Engine parameters of one trial. */
export function trialParams(
  searched: Record<string, number>,
  options: Pick<SearchOptions, 'numRounds' | 'earlyStoppingRounds' | 'seed' | 'fixed'>,
): ParamInput {
  return {
    objective: 'binary:logistic',
    numRounds: options.numRounds ?? 500,
    earlyStoppingRounds: options.earlyStoppingRounds ?? 20,
    evalMetric: 'logloss',
    seed: options.seed,
    ...options.fixed,
    ...searched,
  };
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

export function searchTrees(
  folds: FoldSet,
  featureNames: readonly string[],
  options: SearchOptions,
): SearchResult {
  const strategy = options.strategy ?? 'tpe';
  const random = new Rng(options.seed, 0x5ea7c4);
  const budget = options.timeBudgetSeconds ?? Number.POSITIVE_INFINITY;
  const bar = (options.progress ?? silentProgress)('search', options.trials, 'trials');
  const history: Observation[] = [];
  const trials: SearchTrial[] = [];
  let best: { cv: TreesCv; params: ParamInput; score: number } | null = null;
  const started = performance.now();
  for (let t = 0; t < options.trials; t++) {
    const elapsed = (performance.now() - started) / 1000;
    if (t > 0 && elapsed + elapsed / t > budget) break;
    const point =
      t === 0 ? firstPoint() : nextPoint(strategy, history, random, SEARCH_SPACE.length);
    const searched = paramsAt(point);
    const params = trialParams(searched, options);
    const trialStart = performance.now();
    const cv = crossValidateTrees(folds, params, featureNames);
    const seconds = (performance.now() - trialStart) / 1000;
    const bestIteration = Math.round(
      cv.bestIterations.reduce((s, b) => s + b, 0) / cv.bestIterations.length,
    );
    history.push({ point, score: cv.logLoss });
    trials.push({
      trial: t + 1,
      params: { ...searched },
      score: cv.logLoss,
      bestIteration,
      seconds,
    });
    if (best === null || cv.logLoss < best.score) best = { cv, params, score: cv.logLoss };
    bar.setLabel?.(`search (best log-loss ${best.score.toFixed(4)})`);
    bar.tick();
    options.log?.(
      `trial ${t + 1}: log-loss ${cv.logLoss.toFixed(5)} at ${bestIteration + 1} rounds in ${seconds.toFixed(1)} s (${Object.entries(
        searched,
      )
        .map(([k, v]) => `${k}=${round4(v)}`)
        .join(', ')}); best ${best.score.toFixed(5)}`,
    );
  }
  bar.finish(`${trials.length} trials, best out-of-fold log-loss ${best?.score.toFixed(5)}`);
  if (best === null) throw new Error('the search ran no trial (trials must be ≥ 1)');
  return { strategy, trials, bestParams: best.params, best: best.cv };
}
