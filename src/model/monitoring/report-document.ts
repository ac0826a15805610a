/**
 * The monitoring report as a document: headings, paragraphs, tables and charts, in order, built
 * once from the report and rendered as Markdown (./markdown.ts, charts as linked SVG files) or as
 * one self-contained HTML page (./html.ts, charts inline). Every chart is followed by its table.
 */
import type { TrafficLight } from './psi.ts';
import type { MonitoringReport } from './report.ts';

/** A run of text: plain, strong or code. */
export type Inline = string | { readonly strong: string } | { readonly code: string };
/** A table cell: text, or a traffic light. */
export type Cell = string | { readonly light: TrafficLight };

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: Inline[] }
  | { readonly kind: 'paragraph'; readonly text: Inline[] }
  | { readonly kind: 'table'; readonly header: string[]; readonly rows: Cell[][] }
  | { readonly kind: 'chart'; readonly file: string; readonly alt: string }
  | { readonly kind: 'list'; readonly items: string[] };

export const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);
export const num = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));

/** A list of names cut after `shown`, saying how many more (the tables below list them all). */
function names(list: readonly string[], shown = 12): string {
  if (list.length <= shown) return list.join(', ');
  return `${list.slice(0, shown).join(', ')} … and ${list.length - shown} more (in the table below)`;
}

function windowText(report: MonitoringReport): Inline[] {
  return [
    'Model ',
    { code: report.model.id },
    ` (trained ${report.model.createdAt}) · window `,
    { code: report.source.applications },
    ...(report.source.outcomes ? [' · outcomes ', { code: report.source.outcomes }] : []),
    ` · computed ${report.createdAt}`,
  ];
}

function stability(report: MonitoringReport): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: ['Stability'] },
    { kind: 'chart', file: 'psi.svg', alt: 'PSI per variable' },
    {
      kind: 'table',
      header: ['variable', 'PSI', 'light', 'missing (dev → window)', 'unseen in window'],
      rows: [report.score, ...report.features].map((f) => [
        f.name,
        num(f.psi),
        { light: f.status },
        `${pct(f.missingReference)} → ${pct(f.missingWindow)}`,
        f.unseenWindow > 0 ? pct(f.unseenWindow) : '–',
      ]),
    },
    {
      kind: 'heading',
      level: 3,
      text: [`Band mix (PSI ${num(report.bandMix.psi)}, ${report.bandMix.status})`],
    },
    { kind: 'chart', file: 'bands.svg', alt: 'Band mix' },
    {
      kind: 'table',
      header: ['band', 'development', 'window'],
      rows: report.bandMix.bands.map((b) => [b.band, pct(b.reference), pct(b.window)]),
    },
  ];
  if (report.unseenCategories.length > 0) {
    blocks.push(
      { kind: 'heading', level: 3, text: ['Categories the development data never had'] },
      {
        kind: 'table',
        header: ['field', 'values (rows)', 'share of window'],
        rows: report.unseenCategories.map((u) => [
          u.column,
          u.values.map((v) => `${v.value} (${v.count})`).join(', '),
          pct(u.share),
        ]),
      },
    );
  }
  return blocks;
}

function performance(report: MonitoringReport): Block[] {
  const perf = report.performance;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: ['Performance'] }];
  if (perf === null) {
    blocks.push({
      kind: 'paragraph',
      text: [
        'No outcomes yet (',
        { code: 'creditlens outcomes' },
        ', or ',
        { code: '--outcomes FILE.csv' },
        ').',
      ],
    });
    return blocks;
  }
  blocks.push({
    kind: 'paragraph',
    text: [
      `${perf.count} outcomes (${perf.defaults} defaults, ${pct(perf.observedRate)} observed against ${pct(perf.predictedRate)} predicted)` +
        (perf.unmatched > 0
          ? `; ${perf.unmatched} outcome lines match no application of the window`
          : '') +
        '.',
    ],
  });
  const a = perf.auc;
  blocks.push({
    kind: 'paragraph',
    text: [
      a === null
        ? `AUC: the outcomes hold one class only. Brier ${num(perf.brier, 4)}.`
        : `AUC ${num(a.auc)} (95 % DeLong interval ${num(a.lower)}–${num(a.upper)}), Gini ${num(a.gini)} (${num(a.giniLower)}–${num(a.giniUpper)}); ` +
          `development AUC ${num(a.test.developmentAuc)}, drop test S = ${num(a.test.statistic, 2)}, one-sided p = ${num(a.test.pValue, 4)}. Brier ${num(perf.brier, 4)}.`,
    ],
  });
  blocks.push({
    kind: 'table',
    header: [
      'band',
      'loans',
      'defaults',
      'observed',
      'predicted',
      'Jeffreys 95 %',
      'p-value',
      'light',
    ],
    rows: perf.bands.map((b) => [
      b.band,
      String(b.count),
      String(b.defaults),
      pct(b.observedRate),
      pct(b.predicted),
      `${pct(b.lower)}–${pct(b.upper)}`,
      num(b.pValue, 4),
      { light: b.status },
    ]),
  });
  if (perf.reliability.predicted.length > 0) {
    blocks.push(
      { kind: 'chart', file: 'reliability.svg', alt: 'Reliability' },
      {
        kind: 'table',
        header: ['predicted', 'observed', 'loans'],
        rows: perf.reliability.predicted.map((p, i) => [
          pct(p),
          pct(perf.reliability.observed[i] ?? null),
          String(perf.reliability.count[i]),
        ]),
      },
    );
  }
  return blocks;
}

/** The report's blocks, in reading order. */
export function reportDocument(report: MonitoringReport): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: ['Monitoring report'] },
    { kind: 'paragraph', text: windowText(report) },
    {
      kind: 'paragraph',
      text: [
        { strong: `Overall: ${report.summary.status}` },
        ` — ${report.rows.window} applications against ${report.rows.reference} of the development population` +
          (report.rows.rejected > 0 ? `; ${report.rows.rejected} rows skipped` : '') +
          '.',
      ],
    },
  ];
  if (report.summary.red.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: [`Red (PSI ≥ ${report.thresholds.psi.red}): ${names(report.summary.red)}.`],
    });
  }
  if (report.summary.amber.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: [`Amber (PSI ≥ ${report.thresholds.psi.amber}): ${names(report.summary.amber)}.`],
    });
  }
  const gone = report.features.filter((f) => f.missingWindow === 1 && f.missingReference < 1);
  if (gone.length > 0 && report.rows.window > 0) {
    blocks.push({
      kind: 'paragraph',
      text: [
        { strong: `Missing for every application of the window: ${gone.length} features` },
        ` (${names(
          gone.map((f) => f.name),
          5,
        )}) — a feed that stopped, or new applicants without the credit history these features read.`,
      ],
    });
  }
  blocks.push(...stability(report));
  const e = report.expected;
  blocks.push(
    { kind: 'heading', level: 2, text: ['What the probabilities imply'] },
    {
      kind: 'table',
      header: ['', 'development', 'window'],
      rows: [
        [
          'expected default rate',
          pct(e.reference.expectedDefaultRate),
          pct(e.window.expectedDefaultRate),
        ],
        ['expected AUC', num(e.reference.expectedAuc), num(e.window.expectedAuc)],
      ],
    },
  );
  blocks.push(...performance(report));
  if (report.rejected.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: ['Rows skipped'] },
      { kind: 'list', items: report.rejected.map((r) => `line ${r.line}: ${r.message}`) },
    );
  }
  blocks.push({ kind: 'paragraph', text: ['Thresholds and definitions: docs/monitoring.md.'] });
  return blocks;
}
