/**
 * `models import` end to end: the feature table exported as Parquet, a small XGBoost trained
 * "elsewhere" (Debian's Python XGBoost 1.7) on its train rows outside our holdout, imported with a
 * card scored on our holdout — its AUC close to our engine's with the same settings on the same
 * rows — and refused, naming the features, when the feature table lacks some.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, quoteLiteral } from '../../data/db.ts';
import { exportFeaturesParquet } from '../../data/export/parquet.ts';
import { buildFeatures } from '../../data/features/index.ts';
import { generateDataset } from '../../data/generate/index.ts';
import { ingestDirectory } from '../../data/ingest/index.ts';
import { predict, train } from '../../engine/index.ts';
import { rocAuc } from '../evaluation/index.ts';
import { loadActiveRun, loadRun, saveRun } from '../registry/index.ts';
import { loadFeatureTable } from '../training/feature-table.ts';
import { takeRows, takeValues } from '../training/rows.ts';
import { stratifiedHoldout } from '../training/split.ts';
import { holdoutIds } from './holdout.ts';
import { importXgboostRun } from './xgboost-run.ts';

const PYTHON = '/usr/bin/python3';
const TRAINER = resolve(import.meta.dirname, 'test-support/train_xgboost.py');
const hasXgboost = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import xgboost, numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true')
      throw new Error('CI must run the import test: no xgboost in /usr/bin/python3');
    console.warn(
      '/usr/bin/python3 has no xgboost (apt-get install python3-xgboost): the models import test is skipped',
    );
    return false;
  }
})();

const dir = mkdtempSync(join(tmpdir(), 'creditlens-import-'));
const dbPath = join(dir, 'creditlens.duckdb');
const modelsDir = join(dir, 'models');
const modelFile = join(dir, 'model.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(hasXgboost)('models import of an XGBoost model trained elsewhere', () => {
  beforeAll(async () => {
    await generateDataset({ outDir: join(dir, 'demo'), clients: 2000, testClients: 50, seed: 11 });
    await ingestDirectory({ dir: join(dir, 'demo'), dbPath });
    await buildFeatures({ dbPath });
    const holdout = await holdoutIds(dbPath);
    const out = join(dir, 'parquet');
    await exportFeaturesParquet({
      dbPath,
      outDir: out,
      holdout: { ids: holdout.ids, note: 'test' },
    });
    // The train rows outside our holdout, without the protected attributes, as CSV for Python.
    const db = await openDb(':memory:');
    try {
      const parquet = quoteLiteral(join(out, 'features.parquet'));
      await db.run(
        `COPY (SELECT COLUMNS(c -> c <> 'split' AND NOT regexp_matches(c, '^(CODE_GENDER|NAME_FAMILY_STATUS)__'))
           FROM read_parquet(${parquet})
           WHERE split = 'train'
             AND SK_ID_CURR NOT IN (SELECT SK_ID_CURR FROM read_csv(${quoteLiteral(join(out, 'holdout.csv'))}))
           ORDER BY SK_ID_CURR)
         TO ${quoteLiteral(join(dir, 'train.csv'))} (HEADER)`,
      );
    } finally {
      db.close();
    }
    execFileSync(PYTHON, [TRAINER, join(dir, 'train.csv'), modelFile], { stdio: 'pipe' });
  }, 180_000);

  it('registers it with a card on our holdout, its AUC close to our engine with the same settings, not active unless promoted', async () => {
    const outcome = await importXgboostRun({ file: modelFile, dbPath });
    const { draft } = outcome;
    const imported = draft.candidates.find((c) => c.name === 'gbdt');
    expect(imported?.params.format).toBe('xgboost-json');
    // Scored on the same holdout as a trained run: 20 % of the 2,000 train clients.
    expect(draft.rows.holdout).toBe((await holdoutIds(dbPath)).ids.length);
    expect(draft.rows.holdout + draft.rows.train).toBe(2000);

    // Ours: the engine with the same settings on the same rows (every non-protected feature).
    const data = await loadFeatureTable(dbPath);
    const split = stratifiedHoldout(data.labels, 0.2, draft.seed);
    const ours = train(
      {
        features: takeRows(data.features, split.train),
        labels: takeValues(data.labels, split.train),
      },
      {
        params: { objective: 'binary:logistic', maxDepth: 3, eta: 0.1, numRounds: 80, seed: 1 },
        featureNames: data.featureNames,
      },
    );
    const ourAuc = rocAuc(
      takeValues(data.labels, split.holdout),
      predict(ours, takeRows(data.features, split.holdout)),
    );
    const theirAuc = imported?.holdout.rocAuc as number;
    console.info(
      `models import: holdout ROC-AUC ${theirAuc.toFixed(4)} (XGBoost), ${ourAuc.toFixed(4)} (ours)`,
    );
    expect(theirAuc).toBeGreaterThan(0.6);
    expect(Math.abs(theirAuc - ourAuc)).toBeLessThan(0.03);
    // The threshold minimises our cost (10 for a missed defaulter, 1 for a refused good client).
    expect(draft.costs).toEqual({ falseNegative: 10, falsePositive: 1 });
    expect(draft.threshold).toBeGreaterThan(0);
    expect(draft.threshold).toBeLessThan(0.5);

    // An active model is there already: the import is registered, not served.
    const first = await saveRun(
      modelsDir,
      { model: ours, draft: { ...draft, featureNames: data.featureNames } },
      { activate: true },
    );
    const record = await saveRun(modelsDir, outcome, { activate: false });
    expect((await loadActiveRun(modelsDir))?.record.id).toBe(first.id);
    const loaded = await loadRun(modelsDir, record.id);
    expect(loaded.record.candidates.find((c) => c.name === 'gbdt')?.holdout.rocAuc).toBe(theirAuc);
    const card = readFileSync(join(modelsDir, record.id, 'card.md'), 'utf8');
    expect(card).toContain(theirAuc.toFixed(3));
  }, 120_000);

  it('refuses a model whose features the feature table lacks, naming them', async () => {
    const json = JSON.parse(readFileSync(modelFile, 'utf8'));
    const names: string[] = json.learner.feature_names;
    names[0] = 'INCOME_FROM_ELSEWHERE';
    names[1] = 'SCORE_OF_ANOTHER_BUREAU';
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify(json));
    await expect(importXgboostRun({ file: other, dbPath })).rejects.toThrow(
      'the feature table lacks 2 feature(s) the model needs: INCOME_FROM_ELSEWHERE, SCORE_OF_ANOTHER_BUREAU',
    );
  });
});
