import { describe, expect, it } from 'vitest';
import { fabricateRecord } from '../registry/test-support.ts';
import type { RunRecord } from '../run-record.ts';
import { baselineVerdict, noBetterThanBaselineSentence } from './baseline-verdict.ts';

/** The fabricated record with the served (gbdt) model's holdout cost set. */
function servedCost(cost: number, normalisedCost: number): RunRecord {
  const record = fabricateRecord();
  return {
    ...record,
    candidates: record.candidates.map((c) =>
      c.name === record.chosen ? { ...c, holdout: { ...c.holdout, cost, normalisedCost } } : c,
    ),
  };
}

describe('the served model against the baseline on the holdout', () => {
  it('beats it only with a strictly lower cost', () => {
    const baseline = fabricateRecord().candidates.find((c) => c.name === 'baseline')?.holdout;
    if (baseline === undefined) throw new Error('the fabricated record has a baseline');
    expect(baselineVerdict(servedCost(baseline.cost * 0.7, 0.7))?.beatsBaseline).toBe(true);
    expect(baselineVerdict(servedCost(baseline.cost, 1))?.beatsBaseline).toBe(false);
    const worse = baselineVerdict(servedCost(baseline.cost * 1.05, 1.05));
    expect(worse).toEqual({
      beatsBaseline: false,
      modelCost: baseline.cost * 1.05,
      baselineCost: baseline.cost,
      modelNormalisedCost: 1.05,
      baselineNormalisedCost: baseline.normalisedCost,
    });
    // The sentence gives both figures.
    const sentence = noBetterThanBaselineSentence(worse as NonNullable<typeof worse>);
    expect(sentence).toContain('does no better than the baseline');
    expect(sentence).toContain(`normalised 1.050`);
    expect(sentence).toContain(baseline.cost.toFixed(3));
  });

  it('has nothing to say without a baseline candidate', () => {
    const record = fabricateRecord();
    const without = {
      ...record,
      candidates: record.candidates.filter((c) => c.name !== 'baseline'),
    };
    expect(baselineVerdict(without)).toBeNull();
  });
});
