/**
 * A run's model card as the API answers it (ModelCard): the served model's (GET /api/model) and
 * any run of the registry's (GET /api/admin/models/:id) are built here, so both say the same.
 */
import { dictionaryEntry } from '../../data/features/index.ts';
import type { RunRecord } from '../../model/run-record.ts';
import { apiError } from '../errors.ts';

export function modelCardOf(r: RunRecord) {
  const chosen = r.candidates.find((c) => c.name === r.chosen);
  if (!chosen) throw apiError('NOT_READY', { reason: `run ${r.id} lacks its chosen candidate` });
  return {
    id: r.id,
    createdAt: r.createdAt,
    codeVersion: r.codeVersion,
    chosen: r.chosen,
    rows: r.rows,
    featureCount: r.featureNames.length,
    excludedFeatures: r.excludedFeatures,
    costs: r.costs,
    threshold: r.threshold,
    decisionBands: r.decisionBands,
    scoreScale: r.scoreScale,
    scoreBands: r.scoreBands,
    holdout: chosen.holdout,
    cv: chosen.cv,
    candidates: r.candidates.map((c) => ({ name: c.name, holdout: c.holdout })),
    curves: r.curves,
    calibration: r.calibration,
    // Each feature with its dictionary label, so the card speaks words, not column names.
    importance: {
      ...r.importance,
      features: r.importance.features.map((f) => {
        const entry = dictionaryEntry(f.name);
        return { ...f, labelFr: entry?.label_fr ?? f.name, labelEn: entry?.label_en ?? f.name };
      }),
    },
    fairness: r.fairness,
    monotone: r.monotone,
    clientExplainableOnly: r.clientExplainableOnly,
    comparisons: r.comparisons,
  };
}
