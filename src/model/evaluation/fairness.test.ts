import { describe, expect, it } from 'vitest';
import { ageBand, fairnessSummary } from './fairness.ts';

/** `times` copies of a small hand-made population. */
function population(times: number) {
  // Women: 4 clients, 3 approved, 1 default (the refused one). Men: 4, 1 approved, 2 defaults.
  const groups = ['F', 'F', 'F', 'F', 'M', 'M', 'M', 'M'];
  const approved = [1, 1, 1, 0, 1, 0, 0, 0];
  const labels = [0, 0, 0, 1, 0, 0, 1, 1];
  const repeat = <T>(values: T[]) => Array.from({ length: times }, () => values).flat();
  return {
    groupOf: repeat(groups),
    approved: Uint8Array.from(repeat(approved)),
    labels: repeat(labels),
  };
}

describe('fairnessSummary', () => {
  it('computes rates and the adverse impact ratio against the most approved group', () => {
    const { groupOf, approved, labels } = population(10);
    const summary = fairnessSummary('gender', groupOf, approved, labels);
    expect(summary.attribute).toBe('gender');
    expect(summary.referenceGroup).toBe('F');
    const [f, m] = summary.groups;
    expect(f).toEqual({
      group: 'F',
      count: 40,
      approvalRate: 0.75,
      defaultRate: 0.25,
      adverseImpactRatio: 1,
      approvalRateOfRepayers: 1, // all 3 repayers approved
      flagged: false,
    });
    // Men: approval 1/4, ratio (1/4) / (3/4) = 1/3 < 0.8 → flagged; repayers 2, one approved.
    expect(m?.approvalRate).toBe(0.25);
    expect(m?.defaultRate).toBe(0.5);
    expect(m?.adverseImpactRatio).toBeCloseTo(1 / 3, 15);
    expect(m?.approvalRateOfRepayers).toBe(0.5);
    expect(m?.flagged).toBe(true);
  });

  it('reports groups under 30 clients without flagging them', () => {
    const { groupOf, approved, labels } = population(3); // 12 clients per group
    const m = fairnessSummary('gender', groupOf, approved, labels).groups[1];
    expect(m?.adverseImpactRatio).toBeCloseTo(1 / 3, 15);
    expect(m?.count).toBe(12);
    expect(m?.flagged).toBe(false);
  });

  it('uses the reference group given', () => {
    const { groupOf, approved, labels } = population(10);
    const summary = fairnessSummary('gender', groupOf, approved, labels, 'M');
    expect(summary.referenceGroup).toBe('M');
    expect(summary.groups[0]?.adverseImpactRatio).toBeCloseTo(3, 15);
    expect(summary.groups.some((g) => g.flagged)).toBe(false);
    expect(() => fairnessSummary('gender', groupOf, approved, labels, 'X')).toThrow(/"X"/);
  });

  it('validates its inputs', () => {
    expect(() => fairnessSummary('gender', ['F'], Uint8Array.of(1, 0), [0])).toThrow(/same length/);
    expect(() => fairnessSummary('gender', ['F'], Uint8Array.of(2), [0])).toThrow(/approved\[0\]/);
  });
});

describe('group order', () => {
  it('lists age bands youngest first', () => {
    const groupOf = ['≥ 60', '30–39', '< 30', 'unknown', '50–59', '40–49'];
    const summary = fairnessSummary(
      'age band',
      groupOf,
      new Uint8Array(6).fill(1),
      new Array(6).fill(0),
    );
    expect(summary.groups.map((g) => g.group)).toEqual([
      '< 30',
      '30–39',
      '40–49',
      '50–59',
      '≥ 60',
      'unknown',
    ]);
  });
});

describe('ageBand', () => {
  it('cuts at 30, 40, 50 and 60', () => {
    expect([21, 29.99, 30, 39.5, 40, 49, 50, 59.9, 60, 70].map(ageBand)).toEqual([
      '< 30',
      '< 30',
      '30–39',
      '30–39',
      '40–49',
      '40–49',
      '50–59',
      '50–59',
      '≥ 60',
      '≥ 60',
    ]);
    expect(ageBand(Number.NaN)).toBe('unknown');
  });
});
