/**
 * `creditlens features` beside running servers: the features are built in a copy and renamed
 * over the database, so a reader holding the file open read-only (a `serve` replica) neither
 * blocks the build nor sees it half done, and the path names a new file once it is complete.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../db.ts';
import { generateDataset } from '../generate/index.ts';
import { ingestDirectory } from '../ingest/index.ts';
import { buildFeatures } from './build.ts';
import { FEATURES_TABLE } from './feature-table.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-features-swap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('features built beside a reader', () => {
  it('swaps a complete new file in while a read-only handle keeps the old one', async () => {
    const dbPath = join(dir, 'creditlens.duckdb');
    await generateDataset({ outDir: join(dir, 'demo'), clients: 120, testClients: 20, seed: 3 });
    await ingestDirectory({ dir: join(dir, 'demo'), dbPath });
    const before = statSync(dbPath).ino;

    const reader = await openDb(dbPath, { readOnly: true });
    try {
      const summary = await buildFeatures({ dbPath });
      expect(summary.rows.train + summary.rows.test).toBe(140);
      // A new file at the path; the reader still reads the one it opened (no features there).
      expect(statSync(dbPath).ino).not.toBe(before);
      const tables = await reader.all(
        `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = '${FEATURES_TABLE}'`,
      );
      expect(Number(tables[0]?.n)).toBe(0);
    } finally {
      reader.close();
    }
    const fresh = await openDb(dbPath, { readOnly: true });
    try {
      const rows = await fresh.all(`SELECT count(*) AS n FROM ${FEATURES_TABLE}`);
      expect(Number(rows[0]?.n)).toBe(140);
    } finally {
      fresh.close();
    }
    // No build left behind.
    expect(readdirSync(dir).filter((f) => f.includes('.building-'))).toEqual([]);
    expect(existsSync(`${dbPath}.wal`)).toBe(false);
  });
});
