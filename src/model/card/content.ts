/** What the model card says, section by section, as blocks (rendered by markdown.ts and html.ts). */
import { dictionaryEntry } from '../../data/features/dictionary.ts';
import {
  ADVERSE_IMPACT_LIMIT,
  baselineVerdict,
  MIN_FLAGGED_GROUP_SIZE,
  noBetterThanBaselineSentence,
  pdOfPoints,
} from '../evaluation/index.ts';
import type {
  BinaryMetrics,
  CandidateReport,
  Curve,
  MetricName,
  RunRecord,
} from '../run-record.ts';
import { comparisonSection, monotoneSection } from './behaviour.ts';
import { type Block, type TableBlock, thinIndices } from './blocks.ts';
import { costChart } from './charts/cost-chart.ts';
import { importanceChart } from './charts/importance-chart.ts';
import { reliabilityChart } from './charts/reliability-chart.ts';
import { rocChart } from './charts/roc-chart.ts';
import { count, duration, fixed, meanStd, percent } from './format.ts';

const CANDIDATE_LABELS: Record<string, string> = {
  baseline: 'Baseline (majority class)',
  logistic: 'Logistic regression',
  gbdt: 'Gradient-boosted trees',
  'gbdt-weighted': 'Gradient-boosted trees, class-weighted',
};

const METRIC_COLUMNS: readonly [MetricName, string, number][] = [
  ['rocAuc', 'ROC-AUC', 3],
  ['gini', 'Gini', 3],
  ['ks', 'KS', 3],
  ['prAuc', 'PR-AUC', 3],
  ['brier', 'Brier', 4],
  ['logLoss', 'Log-loss', 4],
  ['normalisedCost', 'Norm. cost', 3],
  ['recall', 'Recall', 3],
  ['precision', 'Precision', 3],
  ['fBeta', 'F-β', 3],
];

const TOP_FEATURES = 15;
const CURVE_TABLE_ROWS = 11;

function candidateLabel(record: RunRecord, c: CandidateReport): string {
  const label = CANDIDATE_LABELS[c.name] ?? c.name;
  return c.name === record.chosen ? `${label} (served)` : label;
}

function numericColumns(n: number): boolean[] {
  return [false, ...Array.from({ length: n - 1 }, () => true)];
}

function curveTable(caption: string, curve: Curve, xName: string, yName: string): TableBlock {
  const n = Math.min(curve.x.length, curve.y.length);
  const rows = thinIndices(n, CURVE_TABLE_ROWS).map((i) => [
    fixed(curve.x[i], 3),
    fixed(curve.y[i], 3),
  ]);
  const note = n > CURVE_TABLE_ROWS ? ` (${rows.length} of ${n} points)` : '';
  return {
    kind: 'table',
    caption: `${caption}${note}`,
    header: [xName, yName],
    rows,
    numeric: [true, true],
  };
}

/** Why this candidate is served: the out-of-fold criterion, and any candidate passed over. */
function selectionSentence(record: RunRecord): string {
  const s = record.selection;
  if (s === undefined) return '';
  const passed = s.ranking.filter((r) => r.note !== null);
  const linear =
    record.chosen === 'logistic'
      ? ` Logistic regression has no constraints to impose: it is monotone in every feature, and ${record.monotone.enabled ? 'its coefficients were checked to point every declared direction before it was served' : 'the declared directions were not asked for (--no-monotone)'}. Its contributions are exact: coefficient × (standardised value − training mean), summing with the intercept to the margin.`
      : '';
  return ` It has the lowest out-of-fold normalised cost among logistic regression and the trees (${s.ranking.map((r) => `${r.name} ${fixed(r.oofNormalisedCost)}`).join(', ')})${passed.map((r) => `; ${r.name} was ${r.note}`).join('')}.${linear}`;
}

function overview(record: RunRecord): Block[] {
  const chosen = record.candidates.find((c) => c.name === record.chosen);
  const verdict = baselineVerdict(record);
  return [
    { kind: 'heading', level: 1, text: `Model card: ${record.id}` },
    ...(verdict !== null && !verdict.beatsBaseline
      ? [{ kind: 'warning', text: noBetterThanBaselineSentence(verdict) } as const]
      : []),
    {
      kind: 'paragraph',
      text: `Probability-of-default model for consumer credit applications, served by creditlens. Served candidate: ${CANDIDATE_LABELS[record.chosen] ?? record.chosen}, holdout ROC-AUC ${fixed(chosen?.holdout.rocAuc)}, refusing applications whose calibrated probability of default is at least ${fixed(record.threshold)}.${selectionSentence(record)} Trained ${record.createdAt} in ${duration(record.durationSeconds)}; code ${record.codeVersion}; seed ${record.seed}.`,
    },
  ];
}

function intendedUse(): Block[] {
  return [
    { kind: 'heading', level: 2, text: 'Intended use and users' },
    {
      kind: 'list',
      items: [
        'Purpose: estimate the probability that an applicant for a consumer credit at "Prêt à dépenser" defaults, to support the decision to grant or refuse it, with an explanation of each score.',
        'Users: the credit advisers of "Prêt à dépenser", who decide and explain the decision; and, through them, applicants with little or no credit history, who are owed a clear account of it.',
        'Not intended for: other products (mortgages, business or revolving credit), other lenders or countries, fully automatic refusal without an adviser, or any population unlike the training data.',
      ],
    },
  ];
}

function data(record: RunRecord): Block[] {
  const source = record.source;
  const from =
    source.kind === 'feature-table'
      ? `The train split of the \`${source.table}\` table of ${source.database}: one row per application of the Home Credit Default Risk schema (Kaggle, 2018), with features aggregated from the bureau, previous applications, instalments, POS and card balances. The data carries no application dates: its period is that of the Home Credit snapshot (or of the generated demo data).`
      : `The CSV file ${source.file}, target column "${source.target}"${source.positive === undefined ? '' : ` (positive label "${source.positive}")`}${source.id === undefined ? '' : `, identifier "${source.id}" (not a feature)`}. Its period is whatever the file covers; creditlens does not know it.`;
  return [
    { kind: 'heading', level: 2, text: 'Data' },
    { kind: 'paragraph', text: from },
    {
      kind: 'table',
      header: ['Item', 'Value'],
      rows: [
        ['Rows for training and cross-validation', count(record.rows.train)],
        ['Holdout rows (touched only for the final report)', count(record.rows.holdout)],
        ['Default rate', percent(record.rows.positiveRate, 2)],
        ['Cross-validation folds (stratified)', String(record.folds)],
        ['Data fingerprint (SHA-256)', `\`${record.dataFingerprint}\``],
      ],
    },
  ];
}

/** The training loaders' reason for a protected attribute starts so (feature-table.ts, csv-source.ts). */
const PROTECTED_REASON = 'protected attribute';

function protectedLeftOut(record: RunRecord): boolean {
  return record.excludedFeatures.some((f) => f.reason.startsWith(PROTECTED_REASON));
}

/** Up to this many features of one reason are named one per row; more share one row. */
const NAMED_PER_REASON = 6;

function excludedRows(excluded: RunRecord['excludedFeatures']): string[][] {
  const byReason = new Map<string, string[]>();
  for (const f of excluded) byReason.set(f.reason, [...(byReason.get(f.reason) ?? []), f.name]);
  return [...byReason].flatMap(([reason, names]) =>
    names.length <= NAMED_PER_REASON
      ? names.map((name) => [name, reason])
      : [[`${count(names.length)} features (${names.slice(0, 3).join(', ')}, …)`, reason]],
  );
}

function features(record: RunRecord): Block[] {
  const byTheme = new Map<string, number>();
  for (const name of record.featureNames) {
    const theme = dictionaryEntry(name)?.theme ?? 'other (not in the feature dictionary)';
    byTheme.set(theme, (byTheme.get(theme) ?? 0) + 1);
  }
  const themes = [...byTheme].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Features and themes' },
    {
      kind: 'paragraph',
      text: `${count(record.featureNames.length)} features enter the model${record.clientExplainableOnly ? ', the client-explainable ones only (--client-explainable-only: each can be given to a client as a reason, per the reason-code catalogue)' : ''}. Identifiers and the target never do.`,
    },
    {
      kind: 'table',
      caption: 'Features per theme',
      header: ['Theme', 'Features'],
      rows: themes.map(([theme, n]) => [theme, String(n)]),
      numeric: [false, true],
    },
  ];
  if (record.excludedFeatures.length > 0) {
    blocks.push(
      {
        kind: 'paragraph',
        text: 'Left out on purpose, each for the reason given: protected attributes must not drive a credit decision (non-discrimination) and are kept aside to check fairness below; features that would break the monotone guarantee, or that a client could not be told about (with --client-explainable-only), are left to the features they are made of.',
      },
      {
        kind: 'table',
        caption: 'Excluded features',
        header: ['Feature', 'Reason'],
        rows: excludedRows(record.excludedFeatures),
      },
    );
  }
  if (!protectedLeftOut(record)) {
    blocks.push({
      kind: 'paragraph',
      text: 'No protected attribute was excluded: if protected attributes (gender, family status) are present, the model may use them (trained with --include-protected).',
    });
  }
  return blocks;
}

function metricsTable(
  record: RunRecord,
  caption: string,
  cell: (c: CandidateReport, name: MetricName, digits: number) => string,
): TableBlock {
  const header = ['Candidate', ...METRIC_COLUMNS.map(([, label]) => label)];
  return {
    kind: 'table',
    caption,
    header,
    rows: record.candidates.map((c) => [
      candidateLabel(record, c),
      ...METRIC_COLUMNS.map(([name, , digits]) => cell(c, name, digits)),
    ]),
    numeric: numericColumns(header.length),
  };
}

function candidates(record: RunRecord): Block[] {
  const chosen = record.candidates.find((c) => c.name === record.chosen);
  const auc = chosen?.holdout.rocAuc ?? Number.NaN;
  return [
    { kind: 'heading', level: 2, text: 'Candidates and metrics' },
    {
      kind: 'paragraph',
      text: `Every candidate is scored the same way: ${record.folds}-fold cross-validation on the training rows (mean ± standard deviation over folds, each fold at its own cost-optimal threshold), then the holdout at the threshold chosen out-of-fold. Normalised cost below 1 beats the better of granting all and refusing all. F-β uses β = ${record.beta}.`,
    },
    metricsTable(record, `Cross-validation, mean ± std over ${record.folds} folds`, (c, name, d) =>
      meanStd(c.cv.mean[name], c.cv.std[name], d),
    ),
    metricsTable(record, 'Holdout', (c, name, d) => fixed(c.holdout[name], d)),
    {
      kind: 'chart',
      title: 'ROC curve of the served model on the holdout',
      svg: rocChart(record.curves.roc, auc),
      table: curveTable(
        'ROC curve',
        record.curves.roc,
        'False-positive rate',
        'True-positive rate',
      ),
    },
  ];
}

function confusionTable(m: BinaryMetrics): TableBlock {
  const c = m.confusion;
  return {
    kind: 'table',
    caption: `Holdout decisions of the served model at threshold ${fixed(m.threshold)}`,
    header: ['', 'Refused (predicted default)', 'Granted (predicted repaid)'],
    rows: [
      [
        'Defaulted',
        `${count(c.truePositive)} (true positive)`,
        `${count(c.falseNegative)} (false negative)`,
      ],
      [
        'Repaid',
        `${count(c.falsePositive)} (false positive)`,
        `${count(c.trueNegative)} (true negative)`,
      ],
    ],
  };
}

function thresholdAndCosts(record: RunRecord): Block[] {
  const { falseNegative: fn, falsePositive: fp } = record.costs;
  const chosen = record.candidates.find((c) => c.name === record.chosen);
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Threshold and costs' },
    {
      kind: 'paragraph',
      text: `Granting a loan to a client who defaults (false negative) costs ${fn}; refusing a client who would have repaid (false positive) costs ${fp}. The threshold ${fixed(record.threshold)} minimises the normalised cost on out-of-fold predictions: an application whose calibrated probability of default is ${fixed(record.threshold)} or more is refused.`,
    },
  ];
  if (chosen !== undefined) blocks.push(confusionTable(chosen.holdout));
  blocks.push({
    kind: 'chart',
    title: 'Business cost against the threshold',
    svg: costChart(record.curves.cost, record.threshold),
    table: curveTable(
      'Cost curve (out-of-fold)',
      record.curves.cost,
      'Threshold',
      'Normalised cost',
    ),
  });
  const bands = record.decisionBands;
  blocks.push(
    { kind: 'heading', level: 3, text: 'Decision bands' },
    bands === null
      ? {
          kind: 'paragraph',
          text: 'No accept / refer / decline bands: the threshold alone decides.',
        }
      : {
          kind: 'table',
          header: ['Recommendation', 'Calibrated probability of default'],
          rows: [
            ['Accept', `below ${fixed(bands.acceptBelow)}`],
            ['Refer to an adviser', `${fixed(bands.acceptBelow)} to ${fixed(bands.declineFrom)}`],
            ['Decline', `${fixed(bands.declineFrom)} or more`],
          ],
        },
  );
  return blocks;
}

function calibration(record: RunRecord): Block[] {
  const cal = record.calibration;
  const before = cal.reliabilityBefore;
  const after = cal.reliabilityAfter;
  const bins = Math.max(before.predicted.length, after.predicted.length);
  return [
    { kind: 'heading', level: 2, text: 'Calibration' },
    {
      kind: 'paragraph',
      text: `The served probability is calibrated (${cal.method}, chosen by cross-validated Brier score, fitted out-of-fold). Holdout Brier score: ${fixed(cal.brierBefore, 4)} before, ${fixed(cal.brierAfter, 4)} after.${cal.method === 'identity' ? ' No calibrator beat the raw probabilities, so they are served as they are (the two curves coincide).' : ''}`,
    },
    {
      kind: 'table',
      caption: 'Cross-validated Brier score per method (lower is better)',
      header: ['Method', 'Brier'],
      rows: Object.entries(cal.cvBrier).map(([method, brier]) => [
        method === cal.method ? `${method} (chosen)` : method,
        fixed(brier, 4),
      ]),
      numeric: [false, true],
    },
    {
      kind: 'chart',
      title: 'Reliability diagram',
      svg: reliabilityChart(before, after),
      table: {
        kind: 'table',
        caption: 'Reliability per bin (holdout)',
        header: [
          'Bin',
          'Predicted before',
          'Observed before',
          'Predicted after',
          'Observed after',
          'Clients after',
        ],
        rows: Array.from({ length: bins }, (_, i) => [
          String(i + 1),
          fixed(before.predicted[i], 3),
          fixed(before.observed[i], 3),
          fixed(after.predicted[i], 3),
          fixed(after.observed[i], 3),
          count(after.count[i]),
        ]),
        numeric: numericColumns(6),
      },
    },
  ];
}

function scoreScale(record: RunRecord): Block[] {
  const s = record.scoreScale;
  const bands = record.scoreBands;
  return [
    { kind: 'heading', level: 2, text: 'Score scale and bands' },
    {
      kind: 'paragraph',
      text: `Points = ${s.basePoints} at odds ${s.baseOdds}:1 (good:bad), ${s.pointsToDoubleOdds} more points each time the odds double; more points, less risk. Explanations are told in points.`,
    },
    {
      kind: 'paragraph',
      text: `Bands never straddle the decision threshold (${percent(record.threshold, 2)}): its points are a band edge, so every client of a band gets the same decision.`,
    },
    {
      kind: 'table',
      header: ['Band', 'Decision', 'From (points)', 'Probability of default up to'],
      rows: bands.map((b) => [
        b.name,
        b.decision === 'grant' ? 'granted' : 'refused',
        b.minPoints === null
          ? 'lowest'
          : b.minPoints.toFixed(Number.isInteger(b.minPoints) ? 0 : 1),
        b.minPoints === null ? '—' : percent(pdOfPoints(b.minPoints, s), 2),
      ]),
      numeric: [false, false, true, true],
    },
  ];
}

/** Levels with fewer holdout clients than this are listed but not counted in the summary. */
const SENTENCE_MIN_CLIENTS = 30;

function scoreSentence(record: RunRecord): Block[] {
  const levels = record.calibration.sentence;
  const heading: Block = {
    kind: 'heading',
    level: 2,
    text: 'The score sentence against the holdout',
  };
  if (!levels) {
    return [
      heading,
      { kind: 'paragraph', text: 'This run was recorded before the check of the score sentence.' },
    ];
  }
  const counted = levels.filter((l) => l.clients >= SENTENCE_MIN_CLIENTS);
  const holding = counted.filter((l) => l.holds).length;
  return [
    heading,
    {
      kind: 'paragraph',
      text: `The dashboard tells a probability p as "Sur 100 clients au même niveau de risque, environ N ne remboursent pas" (N = 100 p, rounded). On the holdout, the clients whose probability lies within ±1 point of N % defaulted at the rate below; with at least ${SENTENCE_MIN_CLIENTS} such clients, N % lies within the 95 % Jeffreys interval of that rate at ${holding} of ${counted.length} levels.`,
    },
    {
      kind: 'table',
      caption: 'Holdout clients within ±1 point of each level',
      header: ['N of 100', 'Clients', 'Defaulted', 'Observed', '95 % interval', 'N % inside'],
      rows: levels.map((l) => [
        String(l.level),
        count(l.clients),
        count(l.defaults),
        percent(l.observed, 1),
        `${percent(l.lower, 1)} – ${percent(l.upper, 1)}`,
        l.clients < SENTENCE_MIN_CLIENTS
          ? l.holds
            ? 'yes (few clients)'
            : 'no (few clients)'
          : l.holds
            ? 'yes'
            : 'no',
      ]),
      numeric: [true, true, true, true, false, false],
    },
  ];
}

function importance(record: RunRecord): Block[] {
  const top = [...record.importance.features]
    .sort((a, b) => b.meanAbsShap - a.meanAbsShap)
    .slice(0, TOP_FEATURES);
  const themes = [...record.importance.themes].sort((a, b) => b.meanAbsShap - a.meanAbsShap);
  return [
    { kind: 'heading', level: 2, text: 'Top features and themes' },
    {
      kind: 'paragraph',
      text: `Mean absolute SHAP contribution on the holdout, in log-odds: how much a feature moves scores on average, in either direction${record.chosen === 'logistic' ? ' (for logistic regression the exact linear contribution, which is its SHAP value)' : ''}. Association, not causation.`,
    },
    {
      kind: 'chart',
      title: `Top ${top.length} features`,
      svg: importanceChart(
        `Top ${top.length} features by mean |SHAP|`,
        top.map((f) => ({ label: f.name, value: f.meanAbsShap })),
      ),
      table: {
        kind: 'table',
        caption: `Top ${top.length} features`,
        header: ['Feature', 'Meaning', 'Theme', 'Mean |SHAP|'],
        rows: top.map((f) => {
          const entry = dictionaryEntry(f.name);
          return [f.name, entry?.label_en ?? '—', entry?.theme ?? '—', fixed(f.meanAbsShap, 4)];
        }),
        numeric: [false, false, false, true],
      },
    },
    {
      kind: 'chart',
      title: 'Themes',
      svg: importanceChart(
        'Themes by mean |SHAP|',
        themes.map((t) => ({ label: t.theme, value: t.meanAbsShap })),
      ),
      table: {
        kind: 'table',
        caption: 'Themes',
        header: ['Theme', 'Mean |SHAP|'],
        rows: themes.map((t) => [t.theme, fixed(t.meanAbsShap, 4)]),
        numeric: [false, true],
      },
    },
  ];
}

function fairness(record: RunRecord): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Fairness summary' }];
  if (record.fairness.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'No fairness summary: the data has no gender or age column creditlens recognises.',
    });
    return blocks;
  }
  const flagged = record.fairness.flatMap((f) =>
    f.groups
      .filter((g) => g.flagged)
      .map((g) => `${f.attribute} ${g.group} (ratio ${fixed(g.adverseImpactRatio, 2)})`),
  );
  blocks.push({
    kind: 'paragraph',
    text: `On the holdout at the served threshold. Adverse impact ratio = approval rate of the group / approval rate of the reference group; below ${ADVERSE_IMPACT_LIMIT} is flagged (four-fifths rule) for groups of at least ${MIN_FLAGGED_GROUP_SIZE} clients. ${
      flagged.length === 0
        ? 'No group is flagged.'
        : `Flagged: ${flagged.join('; ')}. Review these before use; differences in default rate may explain part of the gap, but it must be justified.`
    }`,
  });
  for (const f of record.fairness) {
    blocks.push({
      kind: 'table',
      caption: `By ${f.attribute} (reference: ${f.referenceGroup})`,
      header: [
        'Group',
        'Clients',
        'Approval rate',
        'Default rate',
        'Adverse impact ratio',
        'Approval of repayers',
        'Flag',
      ],
      rows: f.groups.map((g) => [
        g.group,
        count(g.count),
        percent(g.approvalRate),
        percent(g.defaultRate),
        fixed(g.adverseImpactRatio, 2),
        percent(g.approvalRateOfRepayers),
        g.flagged
          ? `⚠ below ${ADVERSE_IMPACT_LIMIT}`
          : g.adverseImpactRatio < ADVERSE_IMPACT_LIMIT
            ? 'below, too few clients to judge'
            : '',
      ]),
      numeric: [false, true, true, true, true, true, false],
    });
  }
  return blocks;
}

function search(record: RunRecord): Block[] {
  const trials = record.search.trials;
  const best = trials.reduce<(typeof trials)[number] | undefined>(
    (b, t) => (b === undefined || t.score < b.score ? t : b),
    undefined,
  );
  const chosen = record.candidates.find((c) => c.name === record.chosen);
  return [
    { kind: 'heading', level: 2, text: 'Hyper-parameter search' },
    {
      kind: 'paragraph',
      text: `${record.search.strategy === 'tpe' ? 'TPE-style' : 'Random'} search, ${trials.length} trials with early stopping, ranked by mean out-of-fold log-loss${best === undefined ? '' : `; best ${fixed(best.score, 4)} (trial ${best.trial}, ${best.bestIteration} rounds)`}.`,
    },
    {
      kind: 'table',
      caption: 'Parameters of the served model',
      header: ['Parameter', 'Value'],
      rows: Object.entries(chosen?.params ?? {}).map(([k, v]) => [
        k,
        typeof v === 'number' ? String(Number(v.toPrecision(6))) : JSON.stringify(v),
      ]),
    },
  ];
}

function limitations(record: RunRecord): Block[] {
  const items = [
    record.source.kind === 'feature-table'
      ? 'When the database was built from generated demo data (as `creditlens start` does), every row is synthetic: the generator follows the real schema and how risk shows in it, but the metrics describe the generator, not real clients. Retrain on real data before any real decision.'
      : 'The file was not checked for representativeness: the model is only as good as the rows it was given.',
    'Drift: applicant populations, products and the economy change; monitor the score distribution and the default rate of granted loans, and retrain when they move.',
    'Not a causal model: a feature that raises the score is associated with risk in the data, it does not cause it; recourse suggestions are indications, not promises.',
    'Trained on granted loans only (the outcomes of refused applicants are unknown): risk among profiles that used to be refused is less certain.',
    'Probabilities are calibrated on this data; on another population they may be too high or too low.',
  ];
  if (!protectedLeftOut(record)) {
    items.push('Protected attributes were allowed into the model: justify this before use.');
  }
  const sensitive = record.featureNames.filter((name) => dictionaryEntry(name)?.sensitive === true);
  if (sensitive.length > 0) {
    items.push(
      `The model uses ${sensitive.length} feature${sensitive.length === 1 ? '' : 's'} derived from a protected attribute (${sensitive.join(', ')}): age may lawfully inform credit risk in many places, but check the age-band fairness summary above.`,
    );
  }
  return [
    { kind: 'heading', level: 2, text: 'Limitations' },
    { kind: 'list', items },
  ];
}

function reproducibility(record: RunRecord): Block[] {
  return [
    { kind: 'heading', level: 2, text: 'Reproducibility' },
    {
      kind: 'table',
      header: ['Item', 'Value'],
      rows: [
        ['Model id', record.id],
        ['Created', record.createdAt],
        ['Training time', duration(record.durationSeconds)],
        ['Code version', record.codeVersion],
        ['Seed', String(record.seed)],
        ['Data fingerprint', `\`${record.dataFingerprint}\``],
      ],
    },
  ];
}

/**
 * Where the model is watched once served: the last monitoring report, written after the card by
 * `creditlens monitor` (or the dashboard's monitoring page) as <data>/monitoring/latest.html, two
 * folders up from <data>/models/<run>/card.html; the report names the model it measured.
 */
function monitoringSection(): Block[] {
  return [
    { kind: 'heading', level: 2, text: 'Monitoring' },
    {
      kind: 'paragraph',
      text: "Once served, the model is watched on the applications it scores: population stability (PSI of the score and of each feature, band mix), what its probabilities imply, and — once outcomes are recorded — the AUC with its DeLong interval against the development AUC, a Jeffreys test per band, the Brier score and the reliability curve (docs/monitoring.md). Run `creditlens monitor --since DATE` or use the dashboard's monitoring page (/monitoring).",
    },
    {
      kind: 'link',
      text: 'The last report (it names the model it measured; absent until a report is computed):',
      label: 'monitoring/latest.html',
      href: '../../monitoring/latest.html',
    },
  ];
}

/** Every section of the model card, in reading order. */
export function modelCardBlocks(record: RunRecord): Block[] {
  return [
    ...overview(record),
    ...intendedUse(),
    ...data(record),
    ...features(record),
    ...candidates(record),
    ...monotoneSection(record),
    ...comparisonSection(record),
    ...thresholdAndCosts(record),
    ...calibration(record),
    ...scoreSentence(record),
    ...scoreScale(record),
    ...importance(record),
    ...fairness(record),
    ...search(record),
    ...limitations(record),
    ...monitoringSection(),
    ...reproducibility(record),
  ];
}
