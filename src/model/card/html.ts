/** The model card as one self-contained HTML page (card.html): inline CSS and SVG, no fetches. */
import type { RunRecord } from '../run-record.ts';
import type { Block, TableBlock } from './blocks.ts';
import { escapeXml } from './charts/svg.ts';
import { modelCardBlocks } from './content.ts';

/** Escapes text, then turns `code` spans into <code>. */
function inline(text: string): string {
  return escapeXml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function table(block: TableBlock): string {
  const align = (i: number): string => (block.numeric?.[i] === true ? ' class="num"' : '');
  return [
    '<div class="table-wrap">',
    '<table>',
    block.caption === undefined ? '' : `<caption>${inline(block.caption)}</caption>`,
    `<thead><tr>${block.header.map((h, i) => `<th scope="col"${align(i)}>${inline(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...block.rows.map(
      (row) => `<tr>${row.map((c, i) => `<td${align(i)}>${inline(c)}</td>`).join('')}</tr>`,
    ),
    '</tbody>',
    '</table>',
    '</div>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function render(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${inline(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inline(block.text)}</p>`;
    case 'warning':
      return `<p class="warning" role="note"><strong>Warning.</strong> ${inline(block.text)}</p>`;
    case 'list':
      return `<ul>\n${block.items.map((item) => `<li>${inline(item)}</li>`).join('\n')}\n</ul>`;
    case 'link':
      return `<p>${inline(block.text)} <a href="${escapeXml(block.href)}">${inline(block.label)}</a></p>`;
    case 'table':
      return table(block);
    case 'chart':
      return [
        '<figure>',
        block.svg,
        `<figcaption>${inline(block.title)}</figcaption>`,
        `<details><summary>The numbers of this chart</summary>\n${table(block.table)}\n</details>`,
        '</figure>',
      ].join('\n');
  }
}

const STYLE = `
body { font-family: system-ui, sans-serif; max-width: 980px; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.75rem 0; font-size: 0.9rem; }
caption { text-align: left; font-style: italic; padding-bottom: 0.25rem; }
th, td { border: 1px solid #ddd; padding: 0.25rem 0.5rem; vertical-align: top; }
th { background: #f4f4f4; } .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1rem 0; } .table-wrap { overflow-x: auto; max-width: 100%; } figcaption { font-size: 0.9rem; color: #555; }
.warning { border-left: 4px solid #b3261e; background: #fdecea; padding: 0.5rem 0.75rem; }
svg { max-width: 100%; height: auto; display: block; } code { font-size: 0.85em; word-break: break-all; }
`.trim();

export function renderModelCardHtml(record: RunRecord): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Model card ${escapeXml(record.id)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...modelCardBlocks(record).map(render),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
