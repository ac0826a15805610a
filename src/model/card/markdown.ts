/** The model card as Markdown (card.md): tables only, the charts live in card.html. */
import type { RunRecord } from '../run-record.ts';
import type { Block, TableBlock } from './blocks.ts';
import { modelCardBlocks } from './content.ts';

/** Table cells keep their text on one line and their pipes escaped. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function table(block: TableBlock): string {
  const lines: string[] = [];
  if (block.caption !== undefined) lines.push(`*${block.caption}*`, '');
  lines.push(`| ${block.header.map(cell).join(' | ')} |`);
  lines.push(
    `|${block.header.map((_, i) => (block.numeric?.[i] === true ? ' ---: ' : ' --- ')).join('|')}|`,
  );
  for (const row of block.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

function render(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`;
    case 'paragraph':
      return block.text;
    case 'warning':
      return `> **Warning.** ${block.text}`;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'link':
      return `${block.text} [${block.label}](${block.href})`;
    case 'table':
      return table(block);
    case 'chart':
      return `${table(block.table)}\n\n(Chart "${block.title}" in card.html.)`;
  }
}

export function renderModelCardMarkdown(record: RunRecord): string {
  return `${modelCardBlocks(record).map(render).join('\n\n')}\n`;
}
