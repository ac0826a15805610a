/**
 * One client's whole explanation, as the API serves it: contributions (top N and the rest),
 * the same grouped by theme, and the main adverse and favourable reasons.
 */
import type { ShapRow } from '../engine/index.ts';
import { applyCalibrator } from '../model/evaluation/calibrator.ts';
import type { RunRecord } from '../model/run-record.ts';
import { type ContributionSet, contributionsOf } from './contributions.ts';
import { type ReasonSet, reasonsOf } from './reasons.ts';
import type { ReferenceStat } from './reference-stats.ts';
import { contributionsByTheme, type ThemeContribution } from './themes.ts';

export interface Explanation {
  readonly contributions: ContributionSet;
  readonly themes: readonly ThemeContribution[];
  readonly reasons: ReasonSet;
}

export interface ExplainOptions {
  /** The serving run: its score scale for points and its calibrator for probabilities. */
  readonly run: Pick<RunRecord, 'scoreScale' | 'calibrator'>;
  /** Population references (referenceStats), computed once. */
  readonly stats: ReadonlyMap<string, ReferenceStat>;
  readonly topN?: number;
  readonly maxReasons?: number;
}

/** Explains one row from its SHAP values (log-odds) and feature values in the model's order. */
export function explainRow(
  shap: ShapRow,
  featureNames: readonly string[],
  row: ArrayLike<number>,
  options: ExplainOptions,
): Explanation {
  const { run } = options;
  const contributions = contributionsOf(shap, featureNames, row, {
    scale: run.scoreScale,
    topN: options.topN,
    calibrate: (p) => applyCalibrator(run.calibrator, p),
  });
  return {
    contributions,
    themes: contributionsByTheme(contributions.all),
    reasons: reasonsOf(contributions.all, options.stats, { max: options.maxReasons }),
  };
}
