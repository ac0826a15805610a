import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_SCALE, defaultScoreBands, pointsOf } from './evaluation/index.ts';
import type { RunRecord } from './run-record.ts';
import { scoreApplicant } from './scoring.ts';

type ServedRun = Pick<
  RunRecord,
  'calibrator' | 'threshold' | 'decisionBands' | 'scoreScale' | 'scoreBands'
>;

const run: ServedRun = {
  calibrator: { kind: 'identity' },
  threshold: 0.09,
  decisionBands: { acceptBelow: 0.06, declineFrom: 0.15 },
  scoreScale: DEFAULT_SCORE_SCALE,
  scoreBands: defaultScoreBands(DEFAULT_SCORE_SCALE),
};

describe('scoreApplicant', () => {
  it('grants and accepts a safe applicant', () => {
    const score = scoreApplicant(0.01, run);
    expect(score).toEqual({
      probability: 0.01,
      rawProbability: 0.01,
      points: pointsOf(0.01),
      band: 'excellent',
      decision: 'grant',
      recommendation: 'accept',
    });
  });

  it('refuses at the threshold and follows the bands', () => {
    expect(scoreApplicant(0.07, run)).toMatchObject({ decision: 'grant', recommendation: 'refer' });
    expect(scoreApplicant(0.09, run)).toMatchObject({
      decision: 'refuse',
      recommendation: 'refer',
    });
    expect(scoreApplicant(0.15, run)).toMatchObject({
      decision: 'refuse',
      recommendation: 'decline',
      band: 'poor',
    });
    expect(scoreApplicant(0.1, { ...run, decisionBands: null }).recommendation).toBeNull();
  });

  it('decides on the calibrated probability', () => {
    // Isotonic map doubling small PDs: raw 0.05 → 0.1, over the threshold.
    const calibrated: ServedRun = {
      ...run,
      calibrator: { kind: 'isotonic', x: [0, 0.1], y: [0, 0.2] },
    };
    const score = scoreApplicant(0.05, calibrated);
    expect(score.rawProbability).toBe(0.05);
    expect(score.probability).toBeCloseTo(0.1, 15);
    expect(score.decision).toBe('refuse');
    expect(score.points).toBeCloseTo(pointsOf(0.1), 12);
    expect(scoreApplicant(0.05, run).decision).toBe('grant');
  });

  it('rejects a raw probability outside [0, 1]', () => {
    expect(() => scoreApplicant(Number.NaN, run)).toThrow(/rawProbability/);
  });
});
