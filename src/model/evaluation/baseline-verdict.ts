/**
 * Does the served model beat the baseline on the holdout? The baseline gives everyone the training
 * default rate, so at its threshold it grants everyone or refuses everyone: a model whose holdout
 * cost is not below that does no better than a policy needing no model, and `train` and the card
 * must say so plainly (docs/training.md).
 */
import type { RunRecord } from '../run-record.ts';

export interface BaselineVerdict {
  /** The served model's holdout cost is strictly below the baseline's. */
  readonly beatsBaseline: boolean;
  /** Mean cost per application on the holdout, at each one's out-of-fold threshold. */
  readonly modelCost: number;
  readonly baselineCost: number;
  /** The same divided by the cost of the better trivial policy (< 1 beats it). */
  readonly modelNormalisedCost: number;
  readonly baselineNormalisedCost: number;
}

/** The verdict of a run, or null when its record lacks the served or the baseline candidate. */
export function baselineVerdict(
  record: Pick<RunRecord, 'candidates' | 'chosen'>,
): BaselineVerdict | null {
  const model = record.candidates.find((c) => c.name === record.chosen)?.holdout;
  const baseline = record.candidates.find((c) => c.name === 'baseline')?.holdout;
  if (model === undefined || baseline === undefined) return null;
  return {
    beatsBaseline: model.cost < baseline.cost,
    modelCost: model.cost,
    baselineCost: baseline.cost,
    modelNormalisedCost: model.normalisedCost,
    baselineNormalisedCost: baseline.normalisedCost,
  };
}

/** The plain sentence train prints and the card shows when the model does no better. */
export function noBetterThanBaselineSentence(v: BaselineVerdict): string {
  return (
    `On the holdout the served model does no better than the baseline: its cost is ` +
    `${v.modelCost.toFixed(3)} per application (normalised ${v.modelNormalisedCost.toFixed(3)}) ` +
    `against ${v.baselineCost.toFixed(3)} (normalised ${v.baselineNormalisedCost.toFixed(3)}) ` +
    'for the baseline, which grants or refuses everyone alike. Its decisions should not be ' +
    'relied on without review.'
  );
}
