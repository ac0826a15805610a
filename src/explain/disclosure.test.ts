import { describe, expect, it } from 'vitest';
import {
  coarsenComparison,
  coarsenDistribution,
  MIN_CELL,
  mergeRuns,
  OUTCOMES,
  quantileShown,
} from './disclosure.ts';
import { type Distribution, distributionOf, quantileOfSorted, rowsOfIds } from './distribution.ts';
import { syntheticPopulation } from './test-support.ts';

const population = syntheticPopulation(4000, 11);

/** Every cell shown is 0 or at least MIN_CELL. */
function cellsOk(row: readonly number[] | null): boolean {
  return row === null || row.every((c) => c === 0 || c >= MIN_CELL);
}

/** A hand-made distribution on 6 bins of width 1 from 0. */
function made(
  counts: Distribution['counts'],
  missingBy = { repaid: 0, defaulted: 0, unknown: 0 },
): Distribution {
  const missing = missingBy.repaid + missingBy.defaulted + missingBy.unknown;
  const n = [...counts.repaid, ...counts.defaulted, ...counts.unknown].reduce((a, b) => a + b, 0);
  const q = { p5: 0.1, p25: 1, p50: 2, p75: 3, p95: 4 };
  return {
    feature: 'F',
    size: n + missing,
    missing,
    missingBy,
    edges: [0, 1, 2, 3, 4, 5, 6],
    counts,
    quantiles: { all: q, repaid: q, defaulted: q },
    client: { value: 2.5, percentile: 41.37 },
  };
}

describe('mergeRuns', () => {
  it('merges adjacent bins until every row is 0 or at least the minimum, folding the tail back', () => {
    expect(mergeRuns([[10, 12, 0, 30]], 4)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(mergeRuns([[3, 4, 5, 20, 2]], 5)).toEqual([
      [0, 3],
      [3, 5],
    ]);
    // Two rows: a run closes only when both conform.
    expect(
      mergeRuns(
        [
          [20, 20, 20, 20],
          [5, 0, 5, 0],
        ],
        4,
      ),
    ).toEqual([
      [0, 3],
      [3, 4],
    ]);
    // A tail that cannot close alone swallows the runs before it.
    expect(mergeRuns([[0, 10, 0, 4]], 4)).toEqual([
      [0, 1],
      [1, 4],
    ]);
  });
});

describe('quantileShown', () => {
  it('needs at least the minimum of values at or below and at or above the quantile', () => {
    expect(quantileShown(19, 0.5)).toBe(true);
    expect(quantileShown(18, 0.5)).toBe(false);
    expect(quantileShown(181, 0.05)).toBe(true);
    expect(quantileShown(180, 0.05)).toBe(false);
    expect(quantileShown(181, 0.95)).toBe(true);
    expect(quantileShown(0, 0.5)).toBe(false);
    // Checked against the order statistics the interpolation uses.
    for (const n of [15, 19, 40, 100, 181, 200]) {
      const sorted = Float64Array.from({ length: n }, (_, i) => i);
      for (const q of [0.05, 0.25, 0.5, 0.75, 0.95]) {
        const v = quantileOfSorted(sorted, q);
        // The order statistics interpolated between, and how many values lie beyond each.
        const atOrBelow = [...sorted].filter((x) => x <= Math.floor(v)).length;
        const atOrAbove = [...sorted].filter((x) => x >= Math.ceil(v)).length;
        if (quantileShown(n, q)) {
          expect(atOrBelow).toBeGreaterThanOrEqual(MIN_CELL);
          expect(atOrAbove).toBeGreaterThanOrEqual(MIN_CELL);
        }
      }
    }
  });
});

describe('coarsenDistribution', () => {
  it('merges bins so that no cell shown holds 1 to 9 clients, keeping every client counted', () => {
    const d = made({
      repaid: [3, 40, 50, 30, 8, 2],
      defaulted: [0, 12, 4, 6, 0, 0],
      unknown: [0, 0, 0, 0, 0, 0],
    });
    const c = coarsenDistribution(d);
    for (const o of OUTCOMES) expect(cellsOk(c.counts[o])).toBe(true);
    expect(c.counts.repaid?.reduce((a, b) => a + b, 0)).toBe(133);
    expect(c.counts.defaulted?.reduce((a, b) => a + b, 0)).toBe(22);
    expect(c.edges[0]).toBe(0);
    expect(c.edges[c.edges.length - 1]).toBe(6);
    expect(c.edges.every((e) => d.edges.includes(e))).toBe(true);
    expect(c.edges.length - 1).toBe(c.counts.repaid?.length);
    expect(c.disclosure).toEqual({ minCell: MIN_CELL, merged: true, suppressed: [] });
    expect(c.missing).toBe(0);
    expect(c.client).toEqual({ value: 2.5, percentile: 41 });
  });

  it('suppresses an outcome with 1 to 9 clients (with a value or without), and the missing count', () => {
    const few = coarsenDistribution(
      made({
        repaid: [20, 30, 0, 0, 0, 10],
        defaulted: [0, 3, 0, 0, 0, 1],
        unknown: [0, 0, 0, 0, 0, 0],
      }),
    );
    expect(few.counts.defaulted).toBeNull();
    expect(few.quantiles.defaulted).toBeNull();
    expect(few.missing).toBeNull();
    expect(few.disclosure.suppressed).toEqual(['defaulted']);
    // Its cells do not force merges of the others.
    expect(few.counts.repaid).toEqual([20, 30, 0, 0, 0, 10]);

    const noValue = coarsenDistribution(
      made(
        {
          repaid: [20, 30, 0, 0, 0, 10],
          defaulted: [0, 10, 0, 0, 0, 0],
          unknown: [0, 0, 0, 0, 0, 0],
        },
        { repaid: 2, defaulted: 0, unknown: 0 },
      ),
    );
    expect(noValue.counts.repaid).toBeNull();
    expect(noValue.counts.defaulted).toEqual([0, 10, 0, 0, 0, 0]);
    expect(noValue.missing).toBeNull();
    const enough = coarsenDistribution(
      made(
        {
          repaid: [20, 30, 0, 0, 0, 10],
          defaulted: [0, 10, 0, 0, 0, 0],
          unknown: [0, 0, 0, 0, 0, 0],
        },
        { repaid: 12, defaulted: 0, unknown: 0 },
      ),
    );
    expect(enough.missing).toBe(12);
    expect(enough.disclosure.suppressed).toEqual([]);
  });

  it('withholds the quantiles resting on fewer than 10 values', () => {
    const c = coarsenDistribution(
      made({
        repaid: [100, 50, 0, 0, 0, 50],
        defaulted: [0, 14, 0, 0, 0, 0],
        unknown: [0, 0, 0, 0, 0, 0],
      }),
    );
    expect(c.quantiles.all).toEqual({ p5: 0.1, p25: 1, p50: 2, p75: 3, p95: 4 });
    // 14 defaulted: no quantile has 10 of them on both sides.
    expect(c.quantiles.defaulted).toEqual({ p5: null, p25: null, p50: null, p75: null, p95: null });
  });

  it('keeps every real group within the rule (all clients, and groups of 50 to 300)', () => {
    const features = ['AMT_CREDIT', 'EXT_SOURCE_2', 'DAYS_BIRTH', 'FLAG_PHONE'];
    const ids = [...population.ids];
    for (const size of [50, 200, 300, population.size]) {
      const rows = size === population.size ? undefined : rowsOfIds(population, ids.slice(0, size));
      for (const feature of features) {
        const d = distributionOf(population, feature, rows ? { rows } : {});
        expect(d.missingBy.repaid + d.missingBy.defaulted + d.missingBy.unknown).toBe(d.missing);
        const c = coarsenDistribution(d);
        for (const o of OUTCOMES) expect(cellsOk(c.counts[o])).toBe(true);
        for (const o of OUTCOMES) {
          const shown = c.counts[o];
          if (shown)
            expect(shown.reduce((a, b) => a + b, 0)).toBe(d.counts[o].reduce((a, b) => a + b, 0));
          expect(cellsOk([d.missingBy[o]]) || shown === null).toBe(true);
        }
      }
    }
  });
});

describe('coarsenComparison', () => {
  it('withholds the count, and the mean and median of fewer than 10 values', () => {
    const c = { feature: 'F', client: 1, groupMean: 2, groupMedian: 3, groupCount: 200 };
    expect(coarsenComparison(c)).toEqual({ ...c, groupCount: null });
    expect(coarsenComparison({ ...c, groupCount: 12 })).toMatchObject({
      groupMean: 2,
      groupMedian: null,
    });
    expect(coarsenComparison({ ...c, groupCount: 9 })).toMatchObject({
      groupMean: null,
      groupMedian: null,
    });
  });
});
