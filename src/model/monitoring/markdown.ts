/**
 * The monitoring report as Markdown, with its charts as separate SVG files the Markdown links to
 * (`psi.svg`, `bands.svg`, and `reliability.svg` once outcomes exist). Every chart has its table.
 */
import { lineChart } from '../card/charts/line-chart.ts';
import { PALETTE } from '../card/charts/svg.ts';
import { bandChart } from './band-chart.ts';
import { psiChart } from './psi-chart.ts';
import type { MonitoringReport } from './report.ts';

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);
const num = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));
const LIGHT = { green: '🟢 green', amber: '🟠 amber', red: '🔴 red' } as const;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

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

export function reportMarkdown(report: MonitoringReport): string {
  const out: string[] = [];
  out.push(
    '# Monitoring report',
    '',
    `Model \`${report.model.id}\` (trained ${report.model.createdAt}) · window \`${report.source.applications}\`` +
      (report.source.outcomes ? ` · outcomes \`${report.source.outcomes}\`` : '') +
      ` · computed ${report.createdAt}`,
    '',
    `**Overall: ${LIGHT[report.summary.status]}** — ${report.rows.window} applications against ${report.rows.reference} of the development population` +
      (report.rows.rejected > 0 ? `; ${report.rows.rejected} rows skipped` : '') +
      '.',
    '',
  );
  if (report.summary.red.length > 0)
    out.push(`Red (PSI ≥ ${report.thresholds.psi.red}): ${report.summary.red.join(', ')}.`, '');
  if (report.summary.amber.length > 0)
    out.push(
      `Amber (PSI ≥ ${report.thresholds.psi.amber}): ${report.summary.amber.join(', ')}.`,
      '',
    );

  out.push('## Stability', '', '![PSI per variable](psi.svg)', '');
  out.push(
    table(
      ['variable', 'PSI', 'light', 'missing (dev → window)', 'unseen in window'],
      [report.score, ...report.features].map((f) => [
        f.name,
        num(f.psi),
        LIGHT[f.status],
        `${pct(f.missingReference)} → ${pct(f.missingWindow)}`,
        f.unseenWindow > 0 ? pct(f.unseenWindow) : '–',
      ]),
    ),
    '',
  );
  out.push(
    `### Band mix (PSI ${num(report.bandMix.psi)}, ${LIGHT[report.bandMix.status]})`,
    '',
    '![Band mix](bands.svg)',
    '',
  );
  out.push(
    table(
      ['band', 'development', 'window'],
      report.bandMix.bands.map((b) => [b.band, pct(b.reference), pct(b.window)]),
    ),
    '',
  );
  if (report.unseenCategories.length > 0) {
    out.push('### Categories the development data never had', '');
    out.push(
      table(
        ['field', 'values (rows)', 'share of window'],
        report.unseenCategories.map((u) => [
          u.column,
          u.values.map((v) => `${v.value} (${v.count})`).join(', '),
          pct(u.share),
        ]),
      ),
      '',
    );
  }
  const e = report.expected;
  out.push(
    '## What the probabilities imply',
    '',
    table(
      ['', 'development', 'window'],
      [
        [
          'expected default rate',
          pct(e.reference.expectedDefaultRate),
          pct(e.window.expectedDefaultRate),
        ],
        ['expected AUC', num(e.reference.expectedAuc), num(e.window.expectedAuc)],
      ],
    ),
    '',
  );
  const perf = report.performance;
  out.push('## Performance', '');
  if (perf === null) {
    out.push('No outcomes given (`--outcomes FILE.csv`).', '');
  } else {
    out.push(
      `${perf.count} outcomes (${perf.defaults} defaults, ${pct(perf.observedRate)} observed against ${pct(perf.predictedRate)} predicted)` +
        (perf.unmatched > 0
          ? `; ${perf.unmatched} outcome lines match no application of the window`
          : '') +
        '.',
      '',
    );
    if (perf.auc !== null) {
      const a = perf.auc;
      out.push(
        `AUC ${num(a.auc)} (95 % DeLong interval ${num(a.lower)}–${num(a.upper)}), Gini ${num(a.gini)} (${num(a.giniLower)}–${num(a.giniUpper)}); ` +
          `development AUC ${num(a.test.developmentAuc)}, drop test S = ${num(a.test.statistic, 2)}, one-sided p = ${num(a.test.pValue, 4)}. Brier ${num(perf.brier, 4)}.`,
        '',
      );
    } else {
      out.push(`AUC: the outcomes hold one class only. Brier ${num(perf.brier, 4)}.`, '');
    }
    out.push(
      table(
        ['band', 'loans', 'defaults', 'observed', 'predicted', 'Jeffreys 95 %', 'p-value', 'light'],
        perf.bands.map((b) => [
          b.band,
          String(b.count),
          String(b.defaults),
          pct(b.observedRate),
          pct(b.predicted),
          `${pct(b.lower)}–${pct(b.upper)}`,
          num(b.pValue, 4),
          LIGHT[b.status],
        ]),
      ),
      '',
    );
    if (perf.reliability.predicted.length > 0) {
      out.push('![Reliability](reliability.svg)', '');
      out.push(
        table(
          ['predicted', 'observed', 'loans'],
          perf.reliability.predicted.map((p, i) => [
            pct(p),
            pct(perf.reliability.observed[i] ?? null),
            String(perf.reliability.count[i]),
          ]),
        ),
        '',
      );
    }
  }
  if (report.rejected.length > 0) {
    out.push(
      '## Rows skipped',
      '',
      ...report.rejected.map((r) => `- line ${r.line}: ${r.message}`),
      '',
    );
  }
  out.push('Thresholds and definitions: docs/monitoring.md.', '');
  return out.join('\n');
}
