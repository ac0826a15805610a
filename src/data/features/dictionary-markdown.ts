/**
 * The dictionary as a Markdown table, kept in docs/features.md between two markers; a test checks
 * the file is in step. Regenerate with:
 *   node --import tsx src/data/features/dictionary-markdown.ts --write
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FEATURE_DICTIONARY } from './dictionary.ts';

export const START_MARKER = '<!-- generated from src/data/features/dictionary.ts: start -->';
export const END_MARKER = '<!-- generated from src/data/features/dictionary.ts: end -->';
export const DOC_PATH = resolve(import.meta.dirname, '../../../docs/features.md');

const cell = (text: string) => text.replaceAll('|', '\\|');

export function dictionaryMarkdown(): string {
  const lines = [
    '| feature | label (fr) | label (en) | theme | unit | source | flags |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const e of FEATURE_DICTIONARY) {
    const flags = [
      e.actionable && 'actionable',
      e.immutable && 'immutable',
      e.sensitive && 'sensitive',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `| \`${e.name}\` | ${cell(e.label_fr)} | ${cell(e.label_en)} | ${e.theme} | ${e.unit} | ${e.source_table} | ${flags} |`,
    );
  }
  return `${START_MARKER}\n${lines.join('\n')}\n${END_MARKER}`;
}

/** docs/features.md with its generated section replaced by the current dictionary. */
export function regeneratedDoc(current: string): string {
  const start = current.indexOf(START_MARKER);
  const end = current.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`${DOC_PATH}: generated-section markers missing`);
  return current.slice(0, start) + dictionaryMarkdown() + current.slice(end + END_MARKER.length);
}

if (process.argv.includes('--write') && process.argv[1]?.endsWith('dictionary-markdown.ts')) {
  writeFileSync(DOC_PATH, regeneratedDoc(readFileSync(DOC_PATH, 'utf8')));
}
