/** What `creditlens train` (and `start`) print about a saved run: short, aligned, plain text. */

import {
  baselineVerdict,
  noBetterThanBaselineSentence,
} from '../../model/evaluation/baseline-verdict.ts';
import type { RunSummary } from '../../model/registry/index.ts';
import type { RunRecord } from '../../model/run-record.ts';

function num(value: number | null | undefined, digits = 3): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** Rows of text in columns, the first left-aligned and the others right-aligned. */
export function alignColumns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Candidates with CV AUC ± std, holdout AUC and holdout normalised cost; the served one starred. */
export function candidatesTable(record: RunRecord): string {
  return alignColumns([
    ['candidate', 'CV ROC-AUC', 'holdout ROC-AUC', 'holdout cost'],
    ...record.candidates.map((c) => [
      `${c.name === record.chosen ? '*' : ' '} ${c.name}`,
      `${num(c.cv.mean.rocAuc)} ± ${num(c.cv.std.rocAuc)}`,
      num(c.holdout.rocAuc),
      num(c.holdout.normalisedCost),
    ]),
  ]);
}

/**
 * The monotone constraints in one line, then the served model beside each comparison model (empty
 * lines when there is nothing to say).
 */
export function settingsReport(record: RunRecord): string {
  const m = record.monotone;
  const constraints = m.enabled
    ? `monotone constraints: ${m.constraints.length} (declared in src/data/features/monotone.ts)`
    : 'monotone constraints: none (--no-monotone)';
  if (record.comparisons.length === 0) return constraints;
  const word = (c: RunRecord['comparisons'][number], v: (typeof c)['served']) =>
    c.setting === 'monotone'
      ? v.monotone
        ? 'monotone'
        : 'unconstrained'
      : v.clientExplainableOnly
        ? 'explainable only'
        : 'all features';
  const rows = record.comparisons.flatMap((c) =>
    [c.served, c.alternative].map((v, i) => [
      `${i === 0 ? '*' : ' '} ${word(c, v)}`,
      String(v.featureCount),
      `${num(v.cvRocAuc)} ± ${num(v.cvRocAucStd)}`,
      num(v.cvNormalisedCost),
      num(v.holdoutRocAuc),
      num(v.holdoutNormalisedCost),
    ]),
  );
  return `${constraints}\n${alignColumns([
    ['setting (* served)', 'features', 'CV ROC-AUC', 'CV cost', 'holdout ROC-AUC', 'holdout cost'],
    ...rows,
  ])}`;
}

/** The served candidate and why: the out-of-fold ranking, and any candidate passed over. */
export function choiceReport(record: RunRecord): string {
  const s = record.selection;
  if (s === undefined) return `served: ${record.chosen}`;
  return [
    `served: ${record.chosen}, the lowest out-of-fold normalised cost (${s.ranking.map((r) => `${r.name} ${num(r.oofNormalisedCost)}`).join(', ')})`,
    ...s.ranking.filter((r) => r.note !== null).map((r) => `  ${r.name}: ${r.note}`),
  ].join('\n');
}

/**
 * When the served model does no better than the baseline on the holdout: a block set apart in
 * capitals, printed last so nobody scrolls past it; '' otherwise.
 */
export function baselineWarning(record: RunRecord): string {
  const verdict = baselineVerdict(record);
  if (verdict === null || verdict.beatsBaseline) return '';
  const rule = '!'.repeat(72);
  return [
    '',
    rule,
    `WARNING: NO BETTER THAN THE BASELINE. ${noBetterThanBaselineSentence(verdict)}`,
    rule,
    '',
  ].join('\n');
}

/** One line: id, chosen candidate, holdout AUC and cost, threshold. */
export function runOneLiner(record: RunRecord): string {
  const chosen = record.candidates.find((c) => c.name === record.chosen);
  return `${record.id} (${record.chosen}, holdout ROC-AUC ${num(chosen?.holdout.rocAuc)}, normalised cost ${num(chosen?.holdout.normalisedCost)}, threshold ${num(record.threshold)})`;
}

/** The table of `models list`. */
export function runsTable(runs: readonly RunSummary[]): string {
  return alignColumns([
    ['  id', 'created (UTC)', 'chosen', 'holdout AUC', 'cost', 'threshold'],
    ...runs.map((r) => [
      `${r.active ? '*' : ' '} ${r.id}`,
      r.createdAt.replace('T', ' ').slice(0, 19),
      r.chosen,
      num(r.holdoutAuc),
      num(r.holdoutCost),
      num(r.threshold),
    ]),
  ]);
}
