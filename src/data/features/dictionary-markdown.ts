/**
 * The dictionary and the declared monotone directions (monotone.ts) as Markdown tables, kept in
 * docs/features.md each between two markers; a test checks the file is in step. Regenerate with:
 *   node --import tsx src/data/features/dictionary-markdown.ts --write
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FEATURE_DICTIONARY } from './dictionary.ts';
import { monotoneMarkdown } from './monotone.ts';

export const START_MARKER = '<!-- generated from src/data/features/dictionary.ts: start -->';
export const END_MARKER = '<!-- generated from src/data/features/dictionary.ts: end -->';
export const MONOTONE_START_MARKER = '<!-- generated from src/data/features/monotone.ts: start -->';
export const MONOTONE_END_MARKER = '<!-- generated from src/data/features/monotone.ts: end -->';
export const DOC_PATH = resolve(import.meta.dirname, '../../../docs/features.md');

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The dictionary table (without the markers). */
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
  return lines.join('\n');
}

function replaceBetween(current: string, start: string, end: string, body: string): string {
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${DOC_PATH}: generated-section markers missing`);
  return `${current.slice(0, from)}${start}\n${body}\n${end}${current.slice(to + end.length)}`;
}

/** docs/features.md with its generated sections replaced by the current dictionary and directions. */
export function regeneratedDoc(current: string): string {
  const withDictionary = replaceBetween(current, START_MARKER, END_MARKER, dictionaryMarkdown());
  return replaceBetween(
    withDictionary,
    MONOTONE_START_MARKER,
    MONOTONE_END_MARKER,
    monotoneMarkdown(),
  );
}

if (process.argv.includes('--write') && process.argv[1]?.endsWith('dictionary-markdown.ts')) {
  writeFileSync(DOC_PATH, regeneratedDoc(readFileSync(DOC_PATH, 'utf8')));
}
