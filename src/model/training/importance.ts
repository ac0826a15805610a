/**
 * Global explanation of the served model: mean |SHAP| (or the exact linear contributions of LR) (log-odds) per feature and per theme over a
 * seeded sample of holdout rows, (value, contribution) samples of the top features for the
 * dashboard's dependence plots, and the direction learned for the features asked about.
 */
import { type DenseMatrix, Rng } from '../../engine/index.ts';
import type {
  FeatureImportance,
  LearnedDirection,
  ShapSummary,
  ThemeImportance,
} from '../run-record.ts';
import type { ScoringModel } from '../scoring-model/index.ts';
import { learnedDirection } from './learned-direction.ts';
import { takeRows } from './rows.ts';

export interface ImportanceOptions {
  /** Rows explained at most. Default 2,000. */
  readonly maxRows?: number;
  /** Features with a SHAP summary. Default 20. */
  readonly topFeatures?: number;
  /** Pairs per summary at most. Default 300. */
  readonly maxPairs?: number;
  readonly seed: number;
  /** Features whose learned direction is wanted, with their declared direction (0: none). */
  readonly directionsOf?: readonly { readonly feature: string; readonly declared: -1 | 0 | 1 }[];
}

/** `k` distinct indices of 0..n−1 (all when k ≥ n), ascending, seeded. */
export function sampleIndices(n: number, k: number, random: Rng): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  if (k >= n) return all;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random.next() * (n - i));
    const t = all[i] as number;
    all[i] = all[j] as number;
    all[j] = t;
  }
  return all.slice(0, k).sort();
}

/** Over the served model's contributions: TreeSHAP for trees, coefficient × centred value for LR. */
export function globalImportance(
  model: ScoringModel,
  features: DenseMatrix,
  themes: readonly string[],
  options: ImportanceOptions,
): {
  features: FeatureImportance[];
  themes: ThemeImportance[];
  shapSummaries: ShapSummary[];
  directions: LearnedDirection[];
} {
  const { maxRows = 2000, topFeatures = 20, maxPairs = 300 } = options;
  const random = new Rng(options.seed, 0x5ba9);
  const rows = sampleIndices(features.numRows, maxRows, random);
  const sample = takeRows(features, rows);
  const shap = model.explainer().explainBatch(sample);
  const p = shap.numFeatures;
  const n = shap.numRows;
  const meanAbs = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    for (let f = 0; f < p; f++)
      meanAbs[f] = (meanAbs[f] as number) + Math.abs(shap.values[r * p + f] as number);
  }
  for (let f = 0; f < p; f++) meanAbs[f] = (meanAbs[f] as number) / Math.max(1, n);

  const byFeature = model.featureNames
    .map((name, f) => ({ name, meanAbsShap: meanAbs[f] as number, f }))
    .sort((a, b) => b.meanAbsShap - a.meanAbsShap || (a.name < b.name ? -1 : 1));
  const themeTotals = new Map<string, number>();
  byFeature.forEach(({ f, meanAbsShap }) => {
    const theme = themes[f] ?? 'other';
    themeTotals.set(theme, (themeTotals.get(theme) ?? 0) + meanAbsShap);
  });
  const byTheme = [...themeTotals]
    .map(([theme, meanAbsShap]) => ({ theme, meanAbsShap }))
    .sort((a, b) => b.meanAbsShap - a.meanAbsShap || (a.theme < b.theme ? -1 : 1));

  const pairs = sampleIndices(n, maxPairs, random);
  const shapSummaries = byFeature
    .slice(0, topFeatures)
    .filter((entry) => entry.meanAbsShap > 0)
    .map(({ name, f }) => ({
      name,
      values: Array.from(pairs, (r) => {
        const v = sample.values[f * n + r] as number;
        return Number.isNaN(v) ? null : v;
      }),
      contributions: Array.from(pairs, (r) => shap.values[r * p + f] as number),
    }));
  const column = new Map(model.featureNames.map((name, f) => [name, f]));
  const directions = (options.directionsOf ?? []).flatMap(({ feature, declared }) => {
    const f = column.get(feature);
    if (f === undefined) return [];
    const values = sample.values.subarray(f * n, (f + 1) * n);
    const contributions = Float64Array.from(
      { length: n },
      (_, r) => shap.values[r * p + f] as number,
    );
    return [learnedDirection(feature, declared, values, contributions)];
  });
  return {
    features: byFeature.map(({ name, meanAbsShap }) => ({ name, meanAbsShap })),
    themes: byTheme,
    shapSummaries,
    directions,
  };
}
