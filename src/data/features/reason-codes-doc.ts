/**
 * docs/reason-codes.md, generated from the catalogue (reason-codes.ts) and the dictionary; a test
 * checks the file is in step. Regenerate with:
 *   node --import tsx src/data/features/reason-codes-doc.ts --write
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FEATURE_DICTIONARY } from './dictionary.ts';
import {
  FAMILY_LABELS,
  REASON_CODES,
  REASON_FAMILIES,
  type ReasonCode,
  reasonCodeOf,
} from './reason-codes.ts';

export const REASON_CODES_DOC = resolve(import.meta.dirname, '../../../docs/reason-codes.md');

const cell = (text: string) => text.replaceAll('|', '\\|');
const both = (fr: string, en: string) => `${cell(fr)}<br>*${cell(en)}*`;
const yes = (flag: boolean) => (flag ? 'yes' : 'no');

/** The dictionary's features of each code, in dictionary order. */
function featuresByCode(): Map<string, string[]> {
  const map = new Map<string, string[]>(REASON_CODES.map((c) => [c.code, []]));
  for (const e of FEATURE_DICTIONARY) map.get(reasonCodeOf(e.name).code)?.push(e.name);
  return map;
}

function codeRow(c: ReasonCode, count: number): string {
  const extra = [
    c.absent && `no history: ${both(c.absent.fr, c.absent.en)}`,
    c.note && `note: ${both(c.note.fr, c.note.en)}`,
  ].filter(Boolean);
  return [
    `\`${c.code}\``,
    both(c.title.fr, c.title.en),
    yes(c.clientExplainable),
    yes(c.actionable),
    both(c.adverse.fr, c.adverse.en),
    both(c.favourable.fr, c.favourable.en),
    extra.join('<br>'),
    String(count),
  ].join(' | ');
}

/** The whole text of docs/reason-codes.md. */
export function reasonCodesDoc(): string {
  const features = featuresByCode();
  const count = (c: ReasonCode) => features.get(c.code)?.length ?? 0;
  const total = FEATURE_DICTIONARY.length;
  const sum = (keep: (c: ReasonCode) => boolean) =>
    REASON_CODES.filter(keep).reduce((s, c) => s + count(c), 0);
  const codes = (keep: (c: ReasonCode) => boolean) => REASON_CODES.filter(keep).length;
  const lines = [
    '<!-- Generated from src/data/features/reason-codes.ts by reasonCodesDoc(); do not edit by hand. -->',
    '# Reason codes',
    '',
    'Every feature of the model maps to exactly one **reason code**: a stable identifier, the family',
    'it belongs to, the statements a client is told when it raises the risk (adverse) or lowers it',
    '(favourable), in French and English, and two flags:',
    '',
    '- **client-explainable**: a client can understand why it bears on repayment (income, instalment,',
    "  past payment delays), unlike the building's common areas or the day of the application.",
    '  Protected attributes (age, gender, family status) are never client-explainable: they are',
    '  not grounds a client is given.',
    '- **actionable**: the client can change it (amount, term, proof of income, documents), unlike',
    '  age or past history.',
    '',
    'The client view of an explanation states client-explainable codes only, at most four a side,',
    'each family once; everything else is pooled into "autres éléments du dossier" (see',
    '[explanations.md](explanations.md)). The adviser view labels every contribution by its code.',
    'A code\'s "no history" statement replaces the adverse or favourable one when the value behind',
    'it is missing for want of history (or of an external score); a code without one is never told',
    'to a client on a missing value. The note is told wherever the code appears.',
    '',
    `- ${REASON_CODES.length} codes in ${REASON_FAMILIES.length} families cover the ${total} features of the dictionary;`,
    `- client-explainable: ${codes((c) => c.clientExplainable)} codes, ${sum((c) => c.clientExplainable)} features;`,
    `- actionable: ${codes((c) => c.actionable)} codes, ${sum((c) => c.actionable)} features;`,
    `- both: ${codes((c) => c.clientExplainable && c.actionable)} codes, ${sum((c) => c.clientExplainable && c.actionable)} features.`,
    '',
    'The catalogue lives in `src/data/features/reason-codes.ts` and is reviewed like code; this page',
    'is generated from it (`node --import tsx src/data/features/reason-codes-doc.ts --write`), and',
    '`reason-codes.test.ts` checks that every feature of a built feature table has exactly one',
    'code, that every code is used, and that the flags agree with the dictionary (a feature',
    'recourse may change is in an actionable code; an immutable one never is).',
  ];
  for (const family of REASON_FAMILIES) {
    const label = FAMILY_LABELS[family];
    lines.push(
      '',
      `## ${label.en} (${label.fr})`,
      '',
      '| code | title | client-explainable | actionable | adverse | favourable | no history, note | features |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...REASON_CODES.filter((c) => c.family === family).map((c) => `| ${codeRow(c, count(c))} |`),
    );
  }
  lines.push('', '## Features by code', '');
  for (const c of REASON_CODES) {
    const names = (features.get(c.code) ?? []).map((n) => `\`${n}\``).join(', ');
    lines.push(`- \`${c.code}\` (${count(c)}): ${names}`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv.includes('--write') && process.argv[1]?.endsWith('reason-codes-doc.ts')) {
  writeFileSync(REASON_CODES_DOC, reasonCodesDoc());
}

/** The file as it stands (for the test). */
export function currentReasonCodesDoc(): string {
  return readFileSync(REASON_CODES_DOC, 'utf8');
}
