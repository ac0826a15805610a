/**
 * The model card's sections on expected behaviour: the monotone constraints imposed (declared in
 * src/data/features/monotone.ts), the directions the model learned where none is imposed, and what
 * each setting costs (the served model beside the one trained without it).
 */
import { dictionaryEntry } from '../../data/features/dictionary.ts';
import type {
  LearnedDirection,
  ModelComparison,
  RunRecord,
  VariantMetrics,
} from '../run-record.ts';
import type { Block, TableBlock } from './blocks.ts';
import { count, fixed, meanStd } from './format.ts';

const DIRECTION_WORDS: Record<number, string> = {
  1: 'more → riskier',
  [-1]: 'more → safer',
  0: 'none declared',
};

const LEARNED_WORDS: Record<LearnedDirection['direction'], string> = {
  riskier: 'higher → riskier',
  safer: 'higher → safer',
  mixed: 'no single direction',
  unused: 'not used by the model',
};

function learnedCell(d: LearnedDirection | undefined): string {
  if (d === undefined) return '—';
  return d.correlation === null
    ? LEARNED_WORDS[d.direction]
    : `${LEARNED_WORDS[d.direction]} (ρ = ${fixed(d.correlation, 2)})`;
}

const label = (name: string) => dictionaryEntry(name)?.label_en ?? '—';

function constraintsTable(record: RunRecord): TableBlock {
  const learned = new Map(record.monotone.learned.map((d) => [d.feature, d]));
  return {
    kind: 'table',
    caption: `Monotone constraints imposed (${record.monotone.constraints.length})`,
    header: ['Feature', 'Meaning', 'Imposed', 'Learned (SHAP dependence on the holdout)'],
    rows: record.monotone.constraints.map((c) => [
      c.feature,
      label(c.feature),
      DIRECTION_WORDS[c.direction] ?? String(c.direction),
      learnedCell(learned.get(c.feature)),
    ]),
  };
}

function freeTable(record: RunRecord, free: readonly LearnedDirection[]): TableBlock {
  return {
    kind: 'table',
    caption: record.monotone.enabled
      ? 'Directions learned where none is imposed'
      : 'Directions learned (no constraint imposed)',
    header: ['Feature', 'Meaning', 'Declared', 'Learned (SHAP dependence on the holdout)'],
    rows: free.map((d) => [
      d.feature,
      label(d.feature),
      DIRECTION_WORDS[d.declared] ?? String(d.declared),
      learnedCell(d),
    ]),
  };
}

/** Constraints imposed, and directions learned. */
export function monotoneSection(record: RunRecord): Block[] {
  const m = record.monotone;
  const imposed = new Set(m.constraints.map((c) => c.feature));
  const free = m.learned.filter((d) => !imposed.has(d.feature));
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Expected directions' }];
  const how =
    'Learned directions are read from the SHAP dependence on the holdout: the rank correlation ρ between a feature’s values and its contributions (|ρ| < 0.2 reads as no single direction).';
  if (m.enabled) {
    blocks.push({
      kind: 'paragraph',
      text: `Trained with monotone constraints where credit people expect a direction beyond doubt (affordability, payment incidents, overdue amounts, external scores), declared in the feature dictionary's table of directions (src/data/features/monotone.ts, docs/features.md): the probability of default never falls when a "more → riskier" feature rises, and never rises when a "more → safer" one does, other things equal. With them, asking for less money over the same term, or having more income, never raises the probability. Features that would break that guarantee are left out (see Features and themes). ${how}`,
    });
    if (m.constraints.length > 0) blocks.push(constraintsTable(record));
  } else {
    blocks.push({
      kind: 'paragraph',
      text: `Trained without monotone constraints (--no-monotone): the model may, for some clients, give a higher probability of default to a smaller loan or a higher income. ${how}`,
    });
  }
  if (free.length > 0) blocks.push(freeTable(record, free));
  return blocks;
}

const SETTING_WORDS: Record<ModelComparison['setting'], string> = {
  monotone: 'Monotone constraints',
  'client-explainable-only': 'Client-explainable features only',
};

function describe(v: VariantMetrics, setting: ModelComparison['setting']): string {
  return setting === 'monotone'
    ? v.monotone
      ? 'with constraints'
      : 'without constraints'
    : v.clientExplainableOnly
      ? 'client-explainable features only'
      : 'all features';
}

function comparisonRows(c: ModelComparison): string[][] {
  const row = (v: VariantMetrics, served: boolean) => [
    SETTING_WORDS[c.setting],
    `${describe(v, c.setting)}${served ? ' (served)' : ''}`,
    count(v.featureCount),
    meanStd(v.cvRocAuc, v.cvRocAucStd, 3),
    meanStd(v.cvNormalisedCost, v.cvNormalisedCostStd, 3),
    fixed(v.holdoutRocAuc, 3),
    fixed(v.holdoutNormalisedCost, 3),
  ];
  return [row(c.served, true), row(c.alternative, false)];
}

/** What each setting costs: the served model beside the one differing in that setting. */
export function comparisonSection(record: RunRecord): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'What the settings cost' }];
  if (record.comparisons.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'No comparison was trained (train --no-compare, or no setting changes the model on these features).',
    });
    return blocks;
  }
  blocks.push(
    {
      kind: 'paragraph',
      text: `Each comparison trains a second model like the served one but for one setting: the served hyper-parameters (no search of its own, so they were tuned for the served setting, which favours it slightly), the same ${record.folds} folds and the same holdout, calibrated, thresholded at its own cost optimum and refitted the same way. Out-of-fold: mean ± standard deviation over folds. Below the table, served minus alternative: a negative ROC-AUC difference or a positive cost difference is what the served setting costs.`,
    },
    {
      kind: 'table',
      caption: 'Served model beside the alternative',
      header: [
        'Setting',
        'Model',
        'Features',
        'CV ROC-AUC',
        'CV norm. cost',
        'Holdout ROC-AUC',
        'Holdout norm. cost',
      ],
      rows: record.comparisons.flatMap(comparisonRows),
      numeric: [false, false, true, true, true, true, true],
    },
    {
      kind: 'list',
      items: record.comparisons.map((c) => {
        const s = c.served;
        const a = c.alternative;
        return `${SETTING_WORDS[c.setting]}: served (${describe(s, c.setting)}) minus alternative (${describe(a, c.setting)}): ROC-AUC ${signed(s.cvRocAuc - a.cvRocAuc)} out-of-fold, ${signed(s.holdoutRocAuc - a.holdoutRocAuc)} on the holdout; normalised cost ${signed(s.cvNormalisedCost - a.cvNormalisedCost)} out-of-fold, ${signed(s.holdoutNormalisedCost - a.holdoutNormalisedCost)} on the holdout.`;
      }),
    },
  );
  return blocks;
}

function signed(x: number): string {
  return Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}` : '—';
}
