/**
 * The feature groups: one SQL file each under ./sql; each history group has an intermediate table
 * (one row per SK_ID_CURR) that the what-if path reuses. The application group is written over a
 * relation placeholder so the same text serves the batch and the what-if path; the history groups
 * read the stored tables directly.
 */
import { readFileSync } from 'node:fs';
import { quoteIdent } from '../db.ts';
import type { TableName } from '../schema.ts';
import { storedColumns } from '../stored-schema.ts';
import { categoryEncodingSql } from './encodings.ts';

export interface FeatureGroup {
  /** Short name, used in progress labels. */
  name: string;
  /** SQL file under ./sql. */
  file: string;
  /** Intermediate table holding the group's features, one row per SK_ID_CURR. */
  table: string;
  /** Stored tables the group reads. */
  sources: readonly TableName[];
}

/** The application group's SQL file: no intermediate table, it feeds the feature table directly. */
const APPLICATION_FILE = 'application.sql';

/** History groups, in the column order of the feature table (after the application group). */
export const HISTORY_GROUPS: readonly FeatureGroup[] = [
  {
    name: 'bureau',
    file: 'bureau.sql',
    table: 'feat_bureau',
    sources: ['bureau', 'bureau_balance'],
  },
  {
    name: 'previous applications',
    file: 'previous_application.sql',
    table: 'feat_previous',
    sources: ['previous_application'],
  },
  {
    name: 'POS and cash',
    file: 'pos_cash.sql',
    table: 'feat_pos_cash',
    sources: ['POS_CASH_balance'],
  },
  {
    name: 'installments',
    file: 'installments.sql',
    table: 'feat_installments',
    sources: ['installments_payments'],
  },
  {
    name: 'credit card',
    file: 'credit_card.sql',
    table: 'feat_credit_card',
    sources: ['credit_card_balance'],
  },
];

const sqlCache = new Map<string, string>();

/** The text of a file under ./sql (read once). */
export function readSql(file: string): string {
  let text = sqlCache.get(file);
  if (text === undefined) {
    text = readFileSync(new URL(`./sql/${file}`, import.meta.url), 'utf8');
    sqlCache.set(file, text);
  }
  return text;
}

/** The helper macros every group uses (temporary, per connection). */
export function macrosSql(): string {
  return readSql('macros.sql');
}

/**
 * The application features over `relation`: a table name or a parenthesised subquery with the
 * stored columns of application_test.
 */
export function applicationFeaturesSql(relation: string): string {
  return fill(readSql(APPLICATION_FILE), {
    CATEGORY_ENCODINGS: categoryEncodingSql(),
    applications: relation,
  });
}

/** Replaces each {{marker}}, which must occur exactly once (a guard against edits of the SQL). */
function fill(sql: string, values: Record<string, string>): string {
  let out = sql;
  for (const [marker, value] of Object.entries(values)) {
    const parts = out.split(`{{${marker}}}`);
    if (parts.length !== 2) throw new Error(`marker {{${marker}}} must occur once in the SQL`);
    out = parts.join(value);
  }
  return out;
}

/** The batch relation: every stored application, train and test, with the test columns. */
export function allApplicationsRelation(): string {
  const columns = storedColumns('application_test')
    .map((c) => quoteIdent(c.name))
    .join(', ');
  return `(SELECT ${columns} FROM application_train UNION ALL SELECT ${columns} FROM application_test)`;
}

/** The SQL computing a history group. */
export function historyFeaturesSql(group: FeatureGroup): string {
  return readSql(group.file);
}
