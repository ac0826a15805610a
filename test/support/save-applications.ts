/**
 * Stores the rows of an application CSV as new applications, scored by the active model, the way
 * `creditlens score --save` and POST /api/applications store them (no history: a new applicant
 * has none; the feature vector and probability as scored; the model's decision) — for tests of
 * the monitoring of stored applications, with the time of the window chosen by the test. Returns
 * each row's SK_ID_CURR with the client id the store allocated, so outcomes can be written.
 */

import type { AppStore } from '../../src/api/store/types.ts';
import { featuresInMemory } from '../../src/data/features/what-if.ts';
import { readCsvColumns } from '../../src/data/generate/csv-read.ts';
import { type MonitorOptions, scoreRows } from '../../src/model/monitoring/monitor.ts';

export interface SavedRow {
  /** The file's SK_ID_CURR (the generated client the row came from). */
  readonly sourceId: number;
  readonly clientId: number;
  readonly decision: 'grant' | 'refuse';
}

export async function saveApplications(
  store: AppStore,
  run: MonitorOptions['run'],
  file: string,
  createdAt: number,
): Promise<SavedRow[]> {
  const csv = await readCsvColumns(file);
  const names = run.record.featureNames;
  const idAt = csv.header.indexOf('SK_ID_CURR');
  const rows = Array.from({ length: csv.rows }, (_, r) => {
    const application: Record<string, string | null> = {};
    csv.header.forEach((column, c) => {
      if (column === 'SK_ID_CURR' || column === 'TARGET') return;
      const cell = csv.columns[c]?.[r] as string;
      application[column] = cell === '' ? null : cell;
    });
    return { application, features: featuresInMemory(application, names, () => null) };
  });
  const columns = names.map((_, f) =>
    Float64Array.from(rows, (row) => row.features[f] ?? Number.NaN),
  );
  const scored = scoreRows(run, columns);
  const saved = await store.applications.createMany(
    rows.map((row, r) => {
      const probability = scored.probability[r] as number;
      return {
        createdAt,
        createdBy: null,
        source: 'batch' as const,
        application: row.application,
        modelVersion: run.record.id,
        features: row.features,
        probability,
        // The model's decision, as scoreApplicant takes it (src/model/scoring.ts).
        decision: probability >= run.record.threshold ? ('refuse' as const) : ('grant' as const),
      };
    }),
  );
  return saved.map((s, r) => ({
    sourceId: Number(csv.columns[idAt]?.[r]),
    clientId: s.clientId,
    decision: s.decision,
  }));
}
