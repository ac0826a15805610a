/**
 * Test support: a data directory for monitoring tests — a generated base data set ingested and
 * built into features, and a small real model trained on a few features of its train split
 * (registered as active with a fabricated run record over those features).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../data/db.ts';
import { buildFeatures, readFeatureColumns } from '../../data/features/index.ts';
import { generateDataset } from '../../data/generate/index.ts';
import { ingestDirectory } from '../../data/ingest/index.ts';
import { fromColumns, train } from '../../engine/index.ts';
import { saveRun } from '../registry/index.ts';
import { fabricateDraft } from '../registry/test-support.ts';

/** The features of the monitoring test model: application ones and history ones. */
export const MONITOR_FEATURES = [
  'EXT_SOURCE_2',
  'EXT_SOURCE_3',
  'EXT_SOURCE_MISSING_COUNT',
  'AMT_INCOME_TOTAL',
  'AMT_CREDIT',
  'AMT_ANNUITY',
  'AMT_GOODS_PRICE',
  'CREDIT_TO_INCOME',
  'ANNUITY_TO_INCOME',
  'AGE_YEARS',
  'NAME_CONTRACT_TYPE__REVOLVING_LOANS',
  'DAYS_EMPLOYED',
  'CNT_CHILDREN',
  'PREV_REFUSED_COUNT',
  'INST_LOANS_COUNT',
];

export interface MonitorDataDir {
  readonly dataDir: string;
  readonly demoDir: string;
  readonly dbPath: string;
  readonly cleanup: () => void;
}

/** Generates, ingests and builds `clients` train and `testClients` test clients; trains the model. */
export async function monitorDataDir(clients = 2500, testClients = 2500): Promise<MonitorDataDir> {
  const dataDir = mkdtempSync(join(tmpdir(), 'creditlens-monitor-'));
  const demoDir = join(dataDir, 'demo');
  const dbPath = join(dataDir, 'creditlens.duckdb');
  await generateDataset({ outDir: demoDir, clients, testClients, seed: 42 });
  await ingestDirectory({ dir: demoDir, dbPath });
  await buildFeatures({ dbPath });
  const db = await openDb(dbPath, { readOnly: true });
  try {
    const table = await readFeatureColumns(db, MONITOR_FEATURES, { split: 'train' });
    const model = train(
      { features: fromColumns(table.columns), labels: table.target },
      {
        params: { objective: 'binary:logistic', num_rounds: 30, max_depth: 3, eta: 0.1, seed: 1 },
        featureNames: MONITOR_FEATURES,
      },
    );
    const draft = fabricateDraft();
    await saveRun(
      join(dataDir, 'models'),
      {
        model,
        draft: {
          ...draft,
          featureNames: [...MONITOR_FEATURES],
          // The identity calibration: the model's probabilities are the ones served.
          calibrator: { kind: 'identity' },
        },
      },
      { activate: true },
    );
  } finally {
    db.close();
  }
  return {
    dataDir,
    demoDir,
    dbPath,
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
