/** Writing the dictionary to its table, and the guard that keeps it in step with the SQL. */
import { type Db, quoteIdent } from '../db.ts';
import { FEATURE_DICTIONARY } from './dictionary.ts';

/** Names in `columns` without a dictionary entry, and entries without a column. */
export function dictionaryMismatch(columns: readonly string[]): {
  undocumented: string[];
  orphans: string[];
} {
  const documented = new Set(FEATURE_DICTIONARY.map((e) => e.name));
  const present = new Set(columns);
  return {
    undocumented: columns.filter((c) => !documented.has(c)),
    orphans: FEATURE_DICTIONARY.map((e) => e.name).filter((n) => !present.has(n)),
  };
}

/** Throws (a programming error) unless every feature column has exactly one entry and back. */
export function checkDictionaryMatches(columns: readonly string[]): void {
  const { undocumented, orphans } = dictionaryMismatch(columns);
  const names = FEATURE_DICTIONARY.map((e) => e.name);
  const duplicates = names.filter((n, i) => names.indexOf(n) !== i);
  if (undocumented.length + orphans.length + duplicates.length > 0) {
    throw new Error(
      `feature dictionary out of step with the SQL: undocumented [${undocumented.join(', ')}], ` +
        `no such column [${orphans.join(', ')}], duplicated [${duplicates.join(', ')}]`,
    );
  }
}

const COLUMNS = [
  ['name', 'VARCHAR'],
  ['label_fr', 'VARCHAR'],
  ['label_en', 'VARCHAR'],
  ['theme', 'VARCHAR'],
  ['source_table', 'VARCHAR'],
  ['unit', 'VARCHAR'],
  ['actionable', 'BOOLEAN'],
  ['immutable', 'BOOLEAN'],
  ['sensitive', 'BOOLEAN'],
  ['description', 'VARCHAR'],
] as const;

const ROWS_PER_INSERT = 50;

/** Creates `table` and fills it with the dictionary (values bound, never spliced). */
export async function writeDictionary(db: Db, table: string): Promise<void> {
  const columns = COLUMNS.map(([n, t]) => `${quoteIdent(n)} ${t}`).join(', ');
  await db.run(`CREATE TABLE ${quoteIdent(table)} (${columns})`);
  for (let start = 0; start < FEATURE_DICTIONARY.length; start += ROWS_PER_INSERT) {
    const chunk = FEATURE_DICTIONARY.slice(start, start + ROWS_PER_INSERT);
    const params = chunk.flatMap((e) => COLUMNS.map(([n]) => e[n]));
    const tuples = chunk.map(
      (_, r) => `(${COLUMNS.map((_c, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`,
    );
    await db.run(`INSERT INTO ${quoteIdent(table)} VALUES ${tuples.join(', ')}`, params);
  }
}
