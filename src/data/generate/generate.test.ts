import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../errors.ts';
import { headerOf, TABLES } from '../schema.ts';
import { generateDataset } from './index.ts';

const root = mkdtempSync(join(tmpdir(), 'creditlens-generate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function firstLine(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.slice(0, text.indexOf('\n'));
}

describe('generateDataset', () => {
  it('writes the eight files with the exact Kaggle headers, the same bytes for 1 and 2 workers', async () => {
    const one = await generateDataset({
      outDir: join(root, 'one'),
      clients: 800,
      testClients: 300,
      seed: 7,
      workers: 1,
    });
    const two = await generateDataset({
      outDir: join(root, 'two'),
      clients: 800,
      testClients: 300,
      seed: 7,
      workers: 2,
    });
    expect(one.files.map((f) => f.table)).toEqual(TABLES.map((t) => t.name));
    for (const [i, f] of one.files.entries()) {
      const spec = TABLES[i];
      if (!spec) throw new Error('missing table spec');
      expect(firstLine(f.file)).toBe(headerOf(spec.name));
      const other = two.files[i];
      expect(other?.rows).toBe(f.rows);
      expect(readFileSync(other?.file ?? '').equals(readFileSync(f.file))).toBe(true);
      const lines = readFileSync(f.file, 'utf8').split('\n').length - 2;
      expect(lines).toBe(f.rows);
    }
    expect(one.files[0]?.rows).toBe(800);
    expect(one.files[1]?.rows).toBe(300);
    expect(firstLine(join(root, 'one', 'application_train.csv')).split(',')[1]).toBe('TARGET');
    // Test ids follow train ids.
    const test = readFileSync(join(root, 'one', 'application_test.csv'), 'utf8').split('\n');
    expect(test[1]?.startsWith(`${100002 + 800},`)).toBe(true);
    expect(one.defaultRate).toBeGreaterThan(0.04);
    expect(one.defaultRate).toBeLessThan(0.13);
    // Only the final names remain.
    expect(readdirSync(join(root, 'one')).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('is deterministic for a seed and changes with it', async () => {
    const opts = { clients: 300, testClients: 100, workers: 1 };
    await generateDataset({ outDir: join(root, 'a'), seed: 3, ...opts });
    await generateDataset({ outDir: join(root, 'b'), seed: 3, ...opts });
    await generateDataset({ outDir: join(root, 'c'), seed: 4, ...opts });
    for (const t of TABLES) {
      const a = readFileSync(join(root, 'a', t.file));
      expect(readFileSync(join(root, 'b', t.file)).equals(a)).toBe(true);
    }
    const trainA = readFileSync(join(root, 'a', 'application_train.csv'));
    expect(readFileSync(join(root, 'c', 'application_train.csv')).equals(trainA)).toBe(false);
  });

  it('rejects bad options with a DataError before writing anything', async () => {
    const dir = join(root, 'bad');
    await expect(generateDataset({ outDir: dir, clients: -1 })).rejects.toBeInstanceOf(DataError);
    await expect(generateDataset({ outDir: dir, clients: 0, testClients: 0 })).rejects.toThrow(
      /nothing to generate/,
    );
    await expect(generateDataset({ outDir: dir, clients: 10, workers: 0 })).rejects.toThrow(
      /invalid workers/,
    );
  });
});
