import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withDb } from '../../data/db.ts';
import { ModelError } from '../errors.ts';
import { loadFeatureTable } from './feature-table.ts';

const folder = mkdtempSync(join(tmpdir(), 'creditlens-feature-table-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function database(name: string, sql: string): Promise<string> {
  const path = join(folder, name);
  await withDb(path, (db) => db.run(sql));
  return path;
}

async function errorOf(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

const TABLE = `CREATE TABLE features (SK_ID_CURR BIGINT, split VARCHAR, TARGET INTEGER,
  AMT_CREDIT DOUBLE, CODE_GENDER__F DOUBLE, CODE_GENDER__M DOUBLE, NAME_FAMILY_STATUS__MARRIED DOUBLE,
  DAYS_BIRTH DOUBLE, EXT_SOURCE_2 DOUBLE)`;

describe('loading the feature table', () => {
  it('reads the train split by id, keeps TARGET, ids and protected columns out, gender and age aside', async () => {
    const path = await database(
      'ok.duckdb',
      `${TABLE}; INSERT INTO features VALUES
        (3, 'train', 1, 300, 0, 1, 1, -7305, NULL),
        (1, 'train', 0, 100, 1, 0, 0, -14610, 0.5),
        (2, 'test', NULL, 200, 1, 0, 1, -10000, 0.1),
        (4, 'train', 0, 400, 0, 0, 0, -21915, 0.7)`,
    );
    const data = await loadFeatureTable(path);
    expect(Array.from(data.ids)).toEqual([1, 3, 4]);
    expect(Array.from(data.labels)).toEqual([0, 1, 0]);
    expect(data.featureNames).toEqual(['AMT_CREDIT', 'DAYS_BIRTH', 'EXT_SOURCE_2']);
    expect(data.excludedFeatures.map((e) => e.name)).toEqual([
      'CODE_GENDER__F',
      'CODE_GENDER__M',
      'NAME_FAMILY_STATUS__MARRIED',
    ]);
    expect(Array.from(data.features.values)).toEqual([
      100,
      300,
      400,
      -14610,
      -7305,
      -21915,
      0.5,
      Number.NaN,
      0.7,
    ]);
    expect(data.gender).toEqual(['F', 'M', 'unknown']);
    expect(Array.from(data.ageYears ?? [])).toEqual([40, 20, 60]);
    expect(data.themes[2]).toBe('external scores');

    const all = await loadFeatureTable(path, { includeProtected: true });
    expect(all.featureNames).toContain('CODE_GENDER__F');
    expect(all.excludedFeatures).toEqual([]);
  });

  it('says to run `creditlens features` when the table is missing or has no train rows', async () => {
    const none = await database('none.duckdb', 'CREATE TABLE other (x INTEGER)');
    const missing = await errorOf(loadFeatureTable(none));
    expect(missing.code).toBe('MISSING_TABLE');
    expect(missing.message).toContain('run `creditlens features` first');
    const empty = await database(
      'empty.duckdb',
      `${TABLE}; INSERT INTO features VALUES (2, 'test', NULL, 1, 1, 0, 0, -1, 1)`,
    );
    const noRows = await errorOf(loadFeatureTable(empty));
    expect(noRows.code).toBe('NO_TRAIN_ROWS');
  });
});
