import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../db.ts';
import {
  countFeatureRows,
  featureNamesOf,
  featureTableColumns,
  hasTables,
  readFeatureColumns,
  tableColumns,
} from './feature-table.ts';

let db: Db;
let empty: Db;

beforeAll(async () => {
  db = await openDb(':memory:');
  empty = await openDb(':memory:');
  // Stored out of SK_ID_CURR order, with a NULL feature and a test client (TARGET NULL).
  await db.run(`CREATE TABLE features AS SELECT * FROM (VALUES
    (30, 'train', 1, 2.5, NULL),
    (10, 'test', NULL, 1.0, 7.0),
    (20, 'train', 0, -1.0, 3.0)
  ) AS t(SK_ID_CURR, split, TARGET, AMT_CREDIT, EXT_SOURCE_2)`);
  await db.run('CREATE TABLE application_train (SK_ID_CURR BIGINT)');
});

afterAll(() => {
  db.close();
  empty.close();
});

describe('the feature table reader', () => {
  it('lists the columns in order, and nothing for an absent table', async () => {
    const columns = await featureTableColumns(db);
    expect(columns).toEqual(['SK_ID_CURR', 'split', 'TARGET', 'AMT_CREDIT', 'EXT_SOURCE_2']);
    expect(featureNamesOf(columns)).toEqual(['AMT_CREDIT', 'EXT_SOURCE_2']);
    expect(await featureTableColumns(empty)).toEqual([]);
    expect(await tableColumns(db, 'application_train')).toEqual(['SK_ID_CURR']);
  });

  it('tells whether every named table is present', async () => {
    expect(await hasTables(db, ['features'])).toBe(true);
    expect(await hasTables(db, ['features', 'application_train', 'features'])).toBe(true);
    expect(await hasTables(db, ['features', 'application_test'])).toBe(false);
    expect(await hasTables(empty, ['features'])).toBe(false);
    expect(await hasTables(empty, [])).toBe(true);
  });

  it('counts the rows of a split or of all', async () => {
    expect(await countFeatureRows(db)).toBe(3);
    expect(await countFeatureRows(db, 'train')).toBe(2);
    expect(await countFeatureRows(db, 'test')).toBe(1);
  });

  it('reads columns in SK_ID_CURR order, NULL as NaN, with split and outcome', async () => {
    const read = await readFeatureColumns(db, ['EXT_SOURCE_2', 'AMT_CREDIT']);
    expect(read.rowCount).toBe(3);
    expect(Array.from(read.ids)).toEqual([10, 20, 30]);
    expect(Array.from(read.isTrain)).toEqual([0, 1, 1]);
    expect(Array.from(read.target)).toEqual([Number.NaN, 0, 1]);
    expect(read.columns.map((c) => Array.from(c))).toEqual([
      [7, 3, Number.NaN],
      [1, -1, 2.5],
    ]);
  });

  it('reads one split, reporting progress', async () => {
    const seen: number[] = [];
    const read = await readFeatureColumns(db, ['AMT_CREDIT'], {
      split: 'train',
      onRows: (rows) => seen.push(rows),
    });
    expect(Array.from(read.ids)).toEqual([20, 30]);
    expect(Array.from(read.columns[0] ?? [])).toEqual([-1, 2.5]);
    expect(seen.at(-1)).toBe(2);
  });
});
