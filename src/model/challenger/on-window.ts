/**
 * Scores the labelled window with both models — each from the applications' raw fields through
 * its own feature list — keeps the rows both could read (a paired comparison needs the same
 * rows), and compares them (./compare.ts).
 */
import { fromColumns } from '../../engine/index.ts';
import { applyCalibratorAll } from '../evaluation/index.ts';
import type { RunRecord } from '../run-record.ts';
import type { ScoringModel } from '../scoring-model/index.ts';
import { type Challenge, challenge } from './compare.ts';
import { featureRows, type HistoryOf } from './feature-rows.ts';
import type { LabelledApplication } from './labelled.ts';

export interface RunToCompare {
  readonly record: RunRecord;
  readonly model: ScoringModel;
}

export interface WindowChallenge {
  readonly challenge: Challenge;
  /** Rows neither model could use (a field it cannot read), named. */
  readonly rejected: { readonly where: string; readonly message: string }[];
}

/** The served probability (calibrated) of each kept row under one run. */
function probabilities(run: RunToCompare, columns: Float64Array[], rows: number[]): Float64Array {
  const taken = columns.map((c) => Float64Array.from(rows, (r) => c[r] as number));
  return applyCalibratorAll(run.record.calibrator, run.model.predict(fromColumns(taken)));
}

export function challengeOnWindow(
  champion: RunToCompare,
  challenger: RunToCompare,
  window: readonly LabelledApplication[],
  history: HistoryOf,
): WindowChallenge {
  const a = featureRows(window, champion.model.featureNames, history);
  const b = featureRows(window, challenger.model.featureNames, history);
  // Rows both read, by their position in the window; each model's column index of it.
  const inB = new Map(b.kept.map((row, at) => [row, at]));
  const rowsA: number[] = [];
  const rowsB: number[] = [];
  a.kept.forEach((row, at) => {
    const other = inB.get(row);
    if (other === undefined) return;
    rowsA.push(at);
    rowsB.push(other);
  });
  const seen = new Set<string>();
  const rejected = [...a.rejected, ...b.rejected].filter((r) => {
    const fresh = !seen.has(r.where);
    seen.add(r.where);
    return fresh;
  });
  const keptRows = rowsA.map((at) => a.kept[at] as number);
  const labels = Float64Array.from(
    keptRows,
    (row) => (window[row] as LabelledApplication).defaulted,
  );
  return {
    challenge: challenge(
      { record: champion.record, probability: probabilities(champion, a.columns, rowsA) },
      { record: challenger.record, probability: probabilities(challenger, b.columns, rowsB) },
      labels,
    ),
    rejected,
  };
}
