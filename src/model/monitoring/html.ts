/**
 * The monitoring report as one self-contained HTML page (`creditlens monitor --format html`, and
 * report.html beside report.md): the document of ./report-document.ts with each SVG chart inline
 * followed by its table, a small inline style sheet, no script and nothing fetched — it opens
 * from a mail attachment or a file share as it is.
 */
import { escapeXml } from '../card/charts/svg.ts';
import { reportCharts } from './markdown.ts';
import type { TrafficLight } from './psi.ts';
import type { MonitoringReport } from './report.ts';
import { type Block, type Cell, type Inline, reportDocument } from './report-document.ts';

/** HTML text and attribute values escape as XML's do. */
const esc = escapeXml;

/** Colour and a mark besides it, so a light reads without colour too. */
const LIGHT: Record<TrafficLight, { mark: string; label: string }> = {
  green: { mark: '●', label: 'green' },
  amber: { mark: '▲', label: 'amber' },
  red: { mark: '■', label: 'red' },
};

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; }
th { background: #f2f2f2; }
.scroll { overflow-x: auto; }
figure { margin: 0.5rem 0; } figure svg { max-width: 100%; height: auto; }
code { background: #f2f2f2; padding: 0 0.2rem; word-break: break-all; }
.light { font-weight: 600; white-space: nowrap; }
.light.green { color: #00734d; } .light.amber { color: #a35a00; } .light.red { color: #b3261e; }
`;

function inline(parts: readonly Inline[]): string {
  return parts
    .map((p) =>
      typeof p === 'string'
        ? esc(p)
        : 'strong' in p
          ? `<strong>${esc(p.strong)}</strong>`
          : `<code>${esc(p.code)}</code>`,
    )
    .join('');
}

function cell(c: Cell): string {
  if (typeof c === 'string') return esc(c);
  const l = LIGHT[c.light];
  return `<span class="light ${c.light}">${l.mark} ${l.label}</span>`;
}

function block(b: Block, charts: Record<string, string>): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${inline(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inline(b.text)}</p>`;
    case 'table':
      return (
        `<div class="scroll"><table><thead><tr>${b.header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` +
        `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table></div>`
      );
    case 'chart': {
      const svg = charts[b.file];
      // An SVG file's XML declaration has no place inside HTML.
      return svg === undefined
        ? ''
        : `<figure aria-label="${esc(b.alt)}">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</figure>`;
    }
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  }
}

/** The report as a complete HTML document. */
export function reportHtml(report: MonitoringReport): string {
  const charts = reportCharts(report);
  const body = reportDocument(report)
    .map((b) => block(b, charts))
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Monitoring report · ${esc(report.model.id)} · ${esc(report.createdAt.slice(0, 10))}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
