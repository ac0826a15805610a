/**
 * Assembling group tables into the feature table: column names of each group, the DOUBLE select
 * list and the LEFT JOINs on SK_ID_CURR. The what-if path reads the same group tables by name.
 */
import { type Db, quoteIdent } from '../db.ts';

/** Column names of a table or query, in order. */
export async function columnsOf(db: Db, relation: string): Promise<string[]> {
  const rows = await db.all<{ column_name: string }>(`DESCRIBE ${relation}`);
  return rows.map((r) => r.column_name);
}

/** Feature names of a group table: every column but the key. */
export async function groupFeatureNames(db: Db, table: string): Promise<string[]> {
  return (await columnsOf(db, quoteIdent(table))).filter((c) => c !== 'SK_ID_CURR');
}

/** `CAST("X" AS DOUBLE) AS "X", …`: names are unique across groups, so no qualifier is needed. */
export function featureSelectList(names: readonly string[]): string {
  return names.map((n) => `CAST(${quoteIdent(n)} AS DOUBLE) AS ${quoteIdent(n)}`).join(',\n  ');
}

/** `LEFT JOIN "t1" USING (SK_ID_CURR) LEFT JOIN "t2" …` over the history group tables. */
export function historyJoins(tables: readonly string[]): string {
  return tables.map((t) => `LEFT JOIN ${quoteIdent(t)} USING (SK_ID_CURR)`).join('\n');
}

/** Throws (a programming error) when two groups define the same feature name. */
export function assertUnique(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`feature defined twice: ${name}`);
    seen.add(name);
  }
}
