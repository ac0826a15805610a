/**
 * docs/application-fields.md, generated whole from the table of application fields
 * (./application-fields.ts); a test checks the file is in step. Regenerate with:
 *   node --import tsx src/data/features/application-fields-markdown.ts --write
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { APPLICATION_FIELDS, allowedOf } from './application-fields.ts';

export const FIELDS_DOC_PATH = resolve(import.meta.dirname, '../../../docs/application-fields.md');

const cell = (text: string) => text.replaceAll('|', '\\|');

export function applicationFieldsMarkdown(): string {
  const rows = APPLICATION_FIELDS.map(
    (f) =>
      `| \`${f.name}\` | ${f.kind === 'category' ? 'category' : cell(f.label ?? 'identifier')} | ${cell(allowedOf(f))} |`,
  );
  return `<!-- generated from src/data/features/application-fields.ts by application-fields-markdown.ts: do not edit -->
# Application fields: what a what-if or a new application accepts

The fields of \`changes\` and \`application\` in \`POST /api/score\` (see [api.md](api.md)), one row per
column of \`application_test.csv\`, from the one table of \`src/data/features/application-fields.ts\`
(its comments give the source of each range: the feature dictionary's unit, Kaggle's column
descriptions, the real data, or a plausibility bound). The same table gives the body's JSON schema,
so \`/api/openapi.json\` carries each field's \`minimum\`, \`maximum\` or \`enum\`.

- \`null\` is missing, in any field (a new application still needs its required fields:
  \`NAME_CONTRACT_TYPE\`, \`AMT_INCOME_TOTAL\`, \`AMT_CREDIT\`, \`DAYS_BIRTH\`).
- Numbers are JSON numbers. A text in a numeric field is refused, whatever it holds: \`"1000"\`,
  \`"0x10"\`, \`"Infinity"\`, \`""\`. A number too large for a double (\`1e309\` in the JSON text) is
  refused as out of range. Bounds are inclusive; "a whole number" refuses a fraction (\`2.0\` is 2).
- Categories are spelled exactly as in the Kaggle files (case, spaces and punctuation included).
- Any other field is refused; \`DAYS_EMPLOYED_ANOM\` is derived from \`DAYS_EMPLOYED\`, and a what-if
  cannot change \`SK_ID_CURR\`.

A refused field is a \`400 BAD_REQUEST\` naming it and what it accepts, e.g. \`invalid
body.changes.AMT_CREDIT: must be a number between 0 and 100,000,000; got -1e308\`.

| field | label | accepts |
| --- | --- | --- |
${rows.join('\n')}
`;
}

if (
  process.argv.includes('--write') &&
  process.argv[1]?.endsWith('application-fields-markdown.ts')
) {
  writeFileSync(FIELDS_DOC_PATH, applicationFieldsMarkdown());
}
