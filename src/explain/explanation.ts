/**
 * One client's whole explanation, as the API serves it: contributions (top N and the rest), the
 * same grouped by theme, the main adverse and favourable reasons (the adviser's view, every unit
 * labelled by its reason code), the client's view of them, and for a new application the
 * information to complete.
 */
import type { ShapRow } from '../engine/index.ts';
import { applyCalibrator } from '../model/evaluation/calibrator.ts';
import type { RunRecord } from '../model/run-record.ts';
import { type ClientReasonSet, clientReasonsOf } from './client-reasons.ts';
import { type ContributionSet, contributionsOf } from './contributions.ts';
import { type ReasonSet, reasonsOf } from './reasons.ts';
import type { ReferenceStat } from './reference-stats.ts';
import { contributionsByTheme, type ThemeContribution } from './themes.ts';
import { type ToComplete, toCompleteOf } from './to-complete.ts';
import type { UnknownFields } from './unknown-fields.ts';

export interface Explanation {
  readonly contributions: ContributionSet;
  readonly themes: readonly ThemeContribution[];
  /** The adviser's view: the largest units each way, each with its code. */
  readonly reasons: ReasonSet;
  /** The client's view: client-explainable codes, each family once, the rest pooled. */
  readonly clientReasons: ClientReasonSet;
  /** A new application's unknown fields that weigh, by code; empty for a stored client. */
  readonly toComplete: readonly ToComplete[];
}

export interface ExplainOptions {
  /** The serving run: its score scale for points and its calibrator for probabilities. */
  readonly run: Pick<RunRecord, 'scoreScale' | 'calibrator'>;
  /** Population references (referenceStats), computed once. */
  readonly stats: ReadonlyMap<string, ReferenceStat>;
  readonly topN?: number;
  readonly maxReasons?: number;
  /**
   * A new application's unknown fields (unknownFieldsOf(application)): information to complete,
   * never reasons. Absent for a stored file.
   */
  readonly unknown?: UnknownFields;
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
  const { unknown } = options;
  const reasonOptions = { max: options.maxReasons, unknown };
  return {
    contributions,
    themes: contributionsByTheme(contributions.all),
    reasons: reasonsOf(contributions.all, options.stats, reasonOptions),
    clientReasons: clientReasonsOf(contributions.all, options.stats, reasonOptions),
    toComplete: unknown ? toCompleteOf(contributions.all, unknown) : [],
  };
}
