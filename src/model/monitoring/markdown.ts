/**
 * The monitoring report as Markdown (the document of ./report-document.ts), with its charts as
 * separate SVG files the Markdown links to (`psi.svg`, `bands.svg`, and `reliability.svg` once
 * outcomes exist). Every chart has its table.
 */
import { lineChart } from '../card/charts/line-chart.ts';
import { PALETTE } from '../card/charts/svg.ts';
import { bandChart } from './band-chart.ts';
import { psiChart } from './psi-chart.ts';
import type { MonitoringReport } from './report.ts';
import { type Block, type Cell, type Inline, reportDocument } from './report-document.ts';

/** The SVG charts of a report, by file name. */
export function reportCharts(report: MonitoringReport): Record<string, string> {
  const charts: Record<string, string> = {
    'psi.svg': psiChart([
      { name: report.score.name, psi: report.score.psi, status: report.score.status },
      { name: 'band mix', psi: report.bandMix.psi, status: report.bandMix.status },
      ...report.features,
    ]),
  };
  charts['bands.svg'] = bandChart(report.bandMix.bands);
  const perf = report.performance;
  if (perf !== null && perf.reliability.predicted.length > 0) {
    const top = Math.min(
      1,
      Math.max(0.01, ...perf.reliability.predicted, ...perf.reliability.observed) * 1.05,
    );
    charts['reliability.svg'] = lineChart({
      title: 'Reliability of the window',
      description:
        'Observed default rate against mean predicted probability per decile of probability; on the diagonal the probabilities hold.',
      xLabel: 'Mean predicted probability',
      yLabel: 'Observed default rate',
      xDomain: [0, top],
      yDomain: [0, top],
      diagonal: { label: 'perfect calibration' },
      series: [
        {
          name: 'window',
          x: perf.reliability.predicted,
          y: perf.reliability.observed,
          colour: PALETTE.blue,
          dots: true,
        },
      ],
    });
  }
  return charts;
}

const LIGHT = { green: '🟢 green', amber: '🟠 amber', red: '🔴 red' } as const;

function inline(parts: readonly Inline[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : 'strong' in p ? `**${p.strong}**` : `\`${p.code}\``))
    .join('');
}

function cell(c: Cell): string {
  return typeof c === 'string' ? c : LIGHT[c.light];
}

function table(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${inline(b.text)}`;
    case 'paragraph':
      return inline(b.text);
    case 'table':
      return table(b.header, b.rows);
    case 'chart':
      return `![${b.alt}](${b.file})`;
    case 'list':
      return b.items.map((i) => `- ${i}`).join('\n');
  }
}

/** The report as Markdown; its charts are the files of reportCharts, linked by name. */
export function reportMarkdown(report: MonitoringReport): string {
  return `${reportDocument(report).map(block).join('\n\n')}\n`;
}
