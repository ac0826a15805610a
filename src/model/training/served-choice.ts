/**
 * Which candidate is served: the one with the lowest out-of-fold normalised cost among logistic
 * regression and the two trees candidates (the baseline is the yardstick, never served). A
 * logistic regression is served only if it keeps the promise the monotone constraints make for
 * trees: under `monotone` (the default), each declared feature's coefficient must point the
 * declared way (a linear model is monotone in each feature, so its sign is the whole story);
 * otherwise the next candidate is served and the record says why.
 */
import type { MonotoneDirection } from '../../data/features/monotone.ts';
import type { CandidateName, SelectionReport } from '../run-record.ts';
import type { LogisticParts } from '../scoring-model/index.ts';
import type { LogisticModel } from './logistic/index.ts';

/** The servable candidates, lowest out-of-fold normalised cost first (ties keep the given order). */
export function rankByOofCost<T extends { readonly oofNormalisedCost: number }>(
  candidates: readonly T[],
): T[] {
  return candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.oofNormalisedCost - b.c.oofNormalisedCost || a.i - b.i)
    .map(({ c }) => c);
}

/** A fitted logistic regression as the registry stores it. */
export function logisticPartsOf(
  model: LogisticModel,
  featureNames: readonly string[],
  encoding?: Readonly<Record<string, unknown>>,
): LogisticParts {
  return {
    featureNames: [...featureNames],
    C: model.C,
    columns: model.preprocessor.columns,
    coef: Array.from(model.coef),
    intercept: model.intercept,
    ...(encoding === undefined ? {} : { encoding }),
  };
}

/** Declared features whose coefficient goes against their direction (missing indicators aside). */
export function monotoneViolations(
  parts: LogisticParts,
  constraints: readonly { readonly feature: string; readonly direction: MonotoneDirection }[],
): string[] {
  const at = new Map(parts.featureNames.map((name, f) => [name, f]));
  return constraints.flatMap(({ feature, direction }) => {
    const f = at.get(feature);
    const j = parts.columns.findIndex((c) => c.source === f && c.kind === 'value');
    if (j < 0) return []; // not a feature of the model, or constant: no slope to check
    return (parts.coef[j] as number) * direction < 0 ? [feature] : [];
  });
}

/** The record's account of the choice. */
export function selectionReport(
  ranking: readonly { name: CandidateName; oofNormalisedCost: number }[],
  notes: ReadonlyMap<CandidateName, string>,
  served: CandidateName,
): SelectionReport {
  return {
    criterion: 'oof-normalised-cost',
    served,
    ranking: ranking.map((c) => ({
      name: c.name,
      oofNormalisedCost: c.oofNormalisedCost,
      note: notes.get(c.name) ?? null,
    })),
  };
}
