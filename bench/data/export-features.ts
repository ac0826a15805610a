/**
 * Exports the `features` table of a creditlens database to CSV, for the pandas cross-check
 * (check_equal.py). Doubles are written by DuckDB with the shortest text that reads back to the
 * same value, so the comparison is not blurred by rounding.
 *
 *   node --import tsx bench/data/export-features.ts DB OUT.csv
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { quoteLiteral, withDb } from '../../src/data/db.ts';
import { FEATURES_TABLE } from '../../src/data/features/index.ts';

const [dbArg, outArg] = process.argv.slice(2);
if (!dbArg || !outArg) {
  process.stderr.write('usage: node --import tsx bench/data/export-features.ts DB OUT.csv\n');
  process.exit(2);
}
const dbPath = resolve(dbArg);
if (!existsSync(dbPath)) {
  process.stderr.write(
    `no database at ${dbPath}: run \`creditlens ingest\` and \`features\` first\n`,
  );
  process.exit(2);
}
const outPath = resolve(outArg);

await withDb(
  dbPath,
  async (db) => {
    // COPY cannot bind its target path; quoteLiteral escapes it.
    await db.run(
      `COPY (SELECT * FROM ${FEATURES_TABLE} ORDER BY SK_ID_CURR) TO ${quoteLiteral(outPath)} (HEADER, DELIMITER ',')`,
    );
    const [count] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM ${FEATURES_TABLE}`);
    process.stdout.write(`exported ${count?.n ?? 0} rows of ${FEATURES_TABLE} to ${outPath}\n`);
  },
  { readOnly: true },
);
