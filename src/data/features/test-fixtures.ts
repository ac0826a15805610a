/**
 * Test helper: an in-memory database with the eight stored tables (createTableSql), filled from
 * small hand-made raw rows cleaned exactly as ingestion does (cleanSelectList). Tables not given
 * stay empty.
 */
import { type Db, openDb, quoteIdent } from '../db.ts';
import { TABLES, type TableName, table } from '../schema.ts';
import { cleanSelectList, createTableSql, SQL_TYPE } from '../stored-schema.ts';

export type FixtureRow = Record<string, string | number | null>;
export type FixtureRows = Partial<Record<TableName, readonly FixtureRow[]>>;

/** Inserts raw rows into a stored table through the ingestion cleaning. */
export async function insertRaw(
  db: Db,
  name: TableName,
  rows: readonly FixtureRow[],
): Promise<void> {
  const columns = table(name).columns;
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!columns.some((c) => c.name === key)) throw new Error(`fixture: ${name} has no ${key}`);
    }
    const items = columns.map(
      (c, i) => `CAST($${i + 1} AS ${SQL_TYPE[c.kind]}) AS ${quoteIdent(c.name)}`,
    );
    await db.run(
      `INSERT INTO ${quoteIdent(name)} SELECT ${cleanSelectList(name, 'raw')} FROM (SELECT ${items.join(', ')}) AS raw`,
      columns.map((c) => row[c.name] ?? null),
    );
  }
}

/** An in-memory database with every stored table, the given ones filled; the caller closes it. */
export async function openFixtureDb(rows: FixtureRows): Promise<Db> {
  const db = await openDb(':memory:');
  try {
    for (const spec of TABLES) await db.run(createTableSql(spec.name));
    for (const [name, list] of Object.entries(rows) as [TableName, readonly FixtureRow[]][]) {
      await insertRaw(db, name, list);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs `body` with a fixture database (see openFixtureDb) and always closes it. */
export async function withFixtureDb<T>(
  rows: FixtureRows,
  body: (db: Db) => Promise<T>,
): Promise<T> {
  const db = await openFixtureDb(rows);
  try {
    return await body(db);
  } finally {
    db.close();
  }
}
