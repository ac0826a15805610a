import { describe, expect, it } from 'vitest';
import { scoreBandsAt } from '../evaluation/index.ts';
import type { RunDraft } from '../run-record.ts';
import { scoreApplicant } from '../scoring.ts';
import { trainOnData } from './pipeline.ts';
import { syntheticData } from './test-support.ts';

const options = { folds: 3, trials: 3, numRounds: 60, seed: 5 } as const;

/** The draft without what depends on the clock. */
function timeless(draft: RunDraft): unknown {
  return {
    ...draft,
    createdAt: null,
    durationSeconds: null,
    search: { ...draft.search, trials: draft.search.trials.map((t) => ({ ...t, seconds: null })) },
  };
}

describe('training pipeline', () => {
  const data = syntheticData(3000, 2);
  const first = trainOnData(data, options);

  it('ranks trees above logistic regression above the baseline on a non-linear signal', () => {
    const holdout = Object.fromEntries(first.draft.candidates.map((c) => [c.name, c.holdout]));
    const cv = Object.fromEntries(first.draft.candidates.map((c) => [c.name, c.cv.mean]));
    expect(first.draft.candidates.map((c) => c.name)).toEqual([
      'baseline',
      'logistic',
      'gbdt',
      'gbdt-weighted',
    ]);
    expect(cv.baseline?.rocAuc).toBeCloseTo(0.5, 6);
    expect(cv.logistic?.rocAuc).toBeGreaterThan(0.6);
    const trees = holdout[first.draft.chosen];
    expect(trees?.rocAuc).toBeGreaterThan((holdout.logistic?.rocAuc ?? 1) + 0.05);
    expect(holdout.logistic?.rocAuc).toBeGreaterThan((holdout.baseline?.rocAuc ?? 1) + 0.05);
    expect(trees?.normalisedCost).toBeLessThan(holdout.logistic?.normalisedCost ?? 0);
    expect(holdout.logistic?.normalisedCost).toBeLessThan(holdout.baseline?.normalisedCost ?? 0);
  });

  it('fills the record consistently', () => {
    const { draft, model } = first;
    expect(draft.rows.train + draft.rows.holdout).toBe(3000);
    expect(Math.abs(draft.rows.holdout - 600)).toBeLessThanOrEqual(1);
    expect(draft.search.trials).toHaveLength(3);
    expect(model.featureNames).toEqual(draft.featureNames);
    expect(model.kind).toBe(draft.chosen === 'logistic' ? 'logistic' : 'trees');
    if (model.kind === 'trees') expect(model.engine.trees.length).toBeGreaterThan(0);
    expect(draft.threshold).toBeGreaterThan(0);
    expect(draft.decisionBands?.acceptBelow).toBeLessThanOrEqual(draft.threshold);
    // The signal features explain the most; the noise theme comes last.
    expect(
      draft.importance.features
        .slice(0, 3)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['x0', 'x1', 'x2']);
    expect(draft.importance.themes.map((t) => t.theme).at(-1)).toBe('noise');
    const summary = draft.shapSummaries[0];
    expect(summary?.values.length).toBe(300);
    expect(summary?.contributions.length).toBe(300);
    expect(draft.fairness.map((f) => f.attribute)).toEqual(['gender', 'age band']);
    expect(draft.fairness[0]?.groups.reduce((s, g) => s + g.count, 0)).toBe(draft.rows.holdout);
    expect(draft.dataFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives bands that never straddle the threshold: every band of the scored clients has one decision', () => {
    const { draft, model } = first;
    expect(draft.scoreBands).toEqual(scoreBandsAt(draft.threshold, draft.scoreScale));
    const raw = model.predict(data.features);
    const decisions = new Map<string, Set<string>>();
    for (const p of raw) {
      const s = scoreApplicant(p, draft);
      decisions.set(s.band, (decisions.get(s.band) ?? new Set()).add(s.decision));
    }
    expect(decisions.size).toBeGreaterThan(2);
    for (const [band, seen] of decisions) {
      expect([...seen], band).toEqual([draft.scoreBands.find((b) => b.name === band)?.decision]);
    }
  });

  it('checks the score sentence on the holdout: about N of 100 clients within ±1 point of N % default', () => {
    const levels = first.draft.calibration.sentence ?? [];
    expect(levels.reduce((n, l) => n + l.clients, 0)).toBeGreaterThan(0);
    // Where the holdout has enough clients to say, the sentence's N % lies in the observed rate's
    // 95 % interval.
    const counted = levels.filter((l) => l.clients >= 30);
    expect(counted.length).toBeGreaterThan(3);
    for (const l of counted)
      expect(l.holds, `${l.level} of 100: ${l.defaults}/${l.clients}`).toBe(true);
  });

  it('is deterministic for a seed (timings aside)', () => {
    const again = trainOnData(data, options);
    expect(timeless(again.draft)).toEqual(timeless(first.draft));
  });
});
