/**
 * One client's SHAP contributions (log-odds of default) turned into explanation units: one per
 * plain feature and one per categorical (its one-hot columns summed), each in log-odds, in
 * points of the score scale and in percentage points of probability, sorted by size, with the
 * top N kept and "the rest" summed.
 */
import type { Theme, Unit } from '../data/features/dictionary.ts';
import type { ShapRow } from '../engine/index.ts';
import { pointsOfContribution } from '../model/evaluation/score-scale.ts';
import type { ScoreScaleSpec } from '../model/run-record.ts';
import { categoryOf, type FeatureGroup, featureGroups } from './feature-groups.ts';

export interface Contribution {
  /** Feature name, or the raw categorical column for a one-hot group. */
  readonly key: string;
  /** The model features summed into this unit. */
  readonly features: readonly string[];
  readonly labelFr: string;
  readonly labelEn: string;
  /**
   * Its reason code (src/data/features/reason-codes.ts): what a client is told about it, its
   * family, whether it is client-explainable and actionable. R-OTHER outside the dictionary.
   */
  readonly code: string;
  readonly theme: Theme | 'other';
  readonly unit: Unit | 'category';
  readonly actionable: boolean;
  readonly immutable: boolean;
  /** A protected attribute or derived from one (present only when the model includes it). */
  readonly sensitive: boolean;
  /** The client's value (null = missing; null for a categorical: see `category`). */
  readonly value: number | null;
  /** For a categorical: the client's category, null when missing or unknown. */
  readonly category: string | null;
  /** SHAP value in log-odds of default: > 0 raises the risk. */
  readonly logOdds: number;
  /** The same on the score scale: > 0 raises the score (lowers the risk). */
  readonly points: number;
  /** Share of the probability change, in percentage points: > 0 raises the probability. */
  readonly probabilityPoints: number;
}

/** What the top N leave out, summed. */
export interface RestOfContributions {
  readonly count: number;
  readonly logOdds: number;
  readonly points: number;
  readonly probabilityPoints: number;
}

export interface ContributionSet {
  /** The model's mean margin (log-odds) over its training data. */
  readonly expectedLogOdds: number;
  /** This client's margin: expectedLogOdds + Σ logOdds. */
  readonly logOdds: number;
  /** The probability at the expected margin (through the calibrator when one is given). */
  readonly expectedProbability: number;
  /** The client's probability (through the calibrator when one is given). */
  readonly probability: number;
  /** Every unit, largest |logOdds| first. */
  readonly all: readonly Contribution[];
  readonly top: readonly Contribution[];
  readonly rest: RestOfContributions;
}

export interface ContributionOptions {
  readonly scale: ScoreScaleSpec;
  /** Units listed one by one; default 10. */
  readonly topN?: number;
  /** Raw probability → served probability (the run's calibrator); identity when absent. */
  readonly calibrate?: (rawProbability: number) => number;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

const groupsCache = new WeakMap<readonly string[], FeatureGroup[]>();

/** featureGroups, computed once per feature-name array (the model's, in practice). */
export function groupsOf(featureNames: readonly string[]): FeatureGroup[] {
  let groups = groupsCache.get(featureNames);
  if (!groups) {
    groups = featureGroups(featureNames);
    groupsCache.set(featureNames, groups);
  }
  return groups;
}

/**
 * Percentage points are the change from the expected probability p₀ to the client's probability
 * p, shared in proportion to the log-odds contributions: ppᵢ = 100 · (p − p₀) · φᵢ / Σφ. Exact in
 * sum; when Σφ is ~0 the local slope p(1 − p) · φᵢ stands in (then the sum is approximate).
 */
export function contributionsOf(
  shap: ShapRow,
  featureNames: readonly string[],
  row: ArrayLike<number>,
  options: ContributionOptions,
): ContributionSet {
  if (shap.values.length !== featureNames.length || row.length !== featureNames.length) {
    throw new RangeError(
      `contributions: ${shap.values.length} SHAP values and ${row.length} values for ${featureNames.length} features`,
    );
  }
  const calibrate = options.calibrate ?? ((p: number) => p);
  let total = 0;
  for (let i = 0; i < shap.values.length; i++) total += shap.values[i] as number;
  const margin = shap.expectedValue + total;
  const probability = calibrate(sigmoid(margin));
  const expectedProbability = calibrate(sigmoid(shap.expectedValue));
  const change = probability - expectedProbability;
  const proportional = Math.abs(total) > 1e-12;
  const slope = probability * (1 - probability);
  const all: Contribution[] = groupsOf(featureNames).map((g) => {
    let logOdds = 0;
    for (const m of g.members) logOdds += shap.values[m] as number;
    const value = g.categories === null ? (row[g.members[0] as number] as number) : Number.NaN;
    return {
      key: g.key,
      features: g.features,
      labelFr: g.labelFr,
      labelEn: g.labelEn,
      code: g.code,
      theme: g.theme,
      unit: g.unit,
      actionable: g.actionable,
      immutable: g.immutable,
      sensitive: g.sensitive,
      value: Number.isNaN(value) ? null : value,
      category: categoryOf(g, row),
      logOdds,
      points: pointsOfContribution(logOdds, options.scale),
      probabilityPoints: 100 * (proportional ? (change * logOdds) / total : slope * logOdds),
    };
  });
  all.sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds));
  const topN = Math.max(0, options.topN ?? 10);
  const top = all.slice(0, topN);
  const rest = { count: 0, logOdds: 0, points: 0, probabilityPoints: 0 };
  for (const c of all.slice(topN)) {
    rest.count++;
    rest.logOdds += c.logOdds;
    rest.points += c.points;
    rest.probabilityPoints += c.probabilityPoints;
  }
  return {
    expectedLogOdds: shap.expectedValue,
    logOdds: margin,
    expectedProbability,
    probability,
    all,
    top,
    rest,
  };
}
