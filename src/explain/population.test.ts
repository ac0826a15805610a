import { describe, expect, it } from 'vitest';
import { distributionOf, percentileOf, quantileOfSorted, rowsOfIds } from './distribution.ts';
import { compareWithGroup } from './group-comparison.ts';
import { referenceStatsOf } from './reference-stats.ts';
import { scatterOf } from './scatter.ts';
import { SimilarIndex, similarityFeatures } from './similar.ts';
import { syntheticPopulation } from './test-support.ts';

const population = syntheticPopulation(4000, 11);

/** Brute-force median of the values kept by `keep`. */
function median(values: Float64Array, keep: (r: number) => boolean): number {
  const xs = [...values].filter((v, r) => !Number.isNaN(v) && keep(r)).sort((a, b) => a - b);
  const m = xs.length >> 1;
  return xs.length % 2 ? (xs[m] as number) : ((xs[m - 1] as number) + (xs[m] as number)) / 2;
}

describe('referenceStatsOf', () => {
  it('gives the median among repaid train clients and among all, and flag shares', () => {
    const stats = referenceStatsOf(population);
    const ext = population.columns.get('EXT_SOURCE_2') as Float64Array;
    const repaid = (r: number) => population.isTrain[r] === 1 && population.target[r] === 0;
    expect(stats.get('EXT_SOURCE_2')?.medianRepaid).toBe(median(ext, repaid));
    expect(stats.get('EXT_SOURCE_2')?.medianAll).toBe(median(ext, () => true));
    const flag = population.columns.get('FLAG_PHONE') as Float64Array;
    const flagged = [...flag].filter((v, r) => repaid(r) && v === 1).length;
    const nRepaid = [...flag].filter((_, r) => repaid(r)).length;
    expect(stats.get('FLAG_PHONE')?.meanRepaid).toBeCloseTo(flagged / nRepaid, 12);
    expect(stats.get('EXT_SOURCE_2')?.countAll).toBe(
      [...ext].filter((v) => !Number.isNaN(v)).length,
    );
  });
});

describe('distributionOf', () => {
  it('counts every valued client of the group once, by outcome, on bins shared by all groups', () => {
    const all = distributionOf(population, 'AMT_CREDIT');
    const total = (d: typeof all) =>
      [...d.counts.repaid, ...d.counts.defaulted, ...d.counts.unknown].reduce((a, b) => a + b, 0);
    expect(total(all)).toBe(population.size - all.missing);
    expect(all.edges).toHaveLength(31);
    const unknown = all.counts.unknown.reduce((a, b) => a + b, 0);
    expect(unknown).toBe([...population.isTrain].filter((t) => t === 0).length);
    const ids = [...population.ids].filter((_, r) => r % 7 === 0);
    const group = distributionOf(population, 'AMT_CREDIT', { rows: rowsOfIds(population, ids) });
    expect(group.edges).toEqual(all.edges);
    expect(group.size).toBe(ids.length);
    expect(total(group)).toBe(ids.length - group.missing);
    const subset = [...(population.columns.get('AMT_CREDIT') as Float64Array)].filter(
      (_, r) => r % 7 === 0,
    );
    const sortedSubset = Float64Array.from(subset).sort();
    expect(group.quantiles.all?.p25).toBe(quantileOfSorted(sortedSubset, 0.25));
    expect(group.quantiles.all?.p95).toBe(quantileOfSorted(sortedSubset, 0.95));
    const twice = distributionOf(population, 'AMT_CREDIT', {
      rows: rowsOfIds(population, [...ids, ...ids]),
    });
    expect(total(twice)).toBe(2 * total(group));
    const ext = distributionOf(population, 'EXT_SOURCE_2');
    expect(ext.missing).toBe(
      [...(population.columns.get('EXT_SOURCE_2') as Float64Array)].filter(Number.isNaN).length,
    );
  });

  it('gives quantiles and the client percentile as a sort would', () => {
    const credit = population.columns.get('AMT_CREDIT') as Float64Array;
    const sorted = Float64Array.from(credit).sort();
    const d = distributionOf(population, 'AMT_CREDIT', { clientId: population.ids[10] as number });
    expect(d.quantiles.all?.p50).toBe(median(credit, () => true));
    expect(d.quantiles.all?.p5).toBe(quantileOfSorted(sorted, 0.05));
    const v = credit[10] as number;
    const below = [...credit].filter((x) => x < v).length;
    const ties = [...credit].filter((x) => x === v).length;
    expect(d.client?.value).toBe(v);
    expect(d.client?.percentile).toBeCloseTo((100 * (below + ties / 2)) / credit.length, 9);
    expect(percentileOf(Float64Array.of(1, 2, 3, 4), 2.5)).toBe(50);
    expect(distributionOf(population, 'AMT_CREDIT', { clientValue: Number.NaN }).client).toBeNull();
  });

  it('names an unknown feature, client or bad bin count', () => {
    expect(() => distributionOf(population, 'NOPE')).toThrow(/unknown feature NOPE/);
    expect(() => distributionOf(population, 'AMT_CREDIT', { clientId: 1 })).toThrow(
      /unknown client 1/,
    );
    expect(() => distributionOf(population, 'AMT_CREDIT', { bins: 0 })).toThrow(/bins/);
    expect(() => rowsOfIds(population, [42])).toThrow(/unknown client 42/);
  });
});

describe('SimilarIndex', () => {
  const importance = [
    { name: 'EXT_SOURCE_2', meanAbsShap: 0.5 },
    { name: 'AMT_CREDIT', meanAbsShap: 0.3 },
    { name: 'DAYS_BIRTH', meanAbsShap: 0.2 },
    { name: 'NOT_IN_POPULATION', meanAbsShap: 0.9 },
  ];
  const features = similarityFeatures(importance, population, 15);
  const scores = Float64Array.from(population.ids, (_, r) => r / population.size);
  const index = new SimilarIndex(population, features, scores);

  it('finds the same neighbours as a brute-force weighted distance, among train clients only', () => {
    expect(index.space.map((f) => f.name)).toEqual(['EXT_SOURCE_2', 'AMT_CREDIT', 'DAYS_BIRTH']);
    const stdz = features.map(({ name }) => {
      const col = population.columns.get(name) as Float64Array;
      const train = [...col].filter((v, r) => population.isTrain[r] === 1 && !Number.isNaN(v));
      const mean = train.reduce((a, b) => a + b, 0) / train.length;
      const sd = Math.sqrt(train.reduce((a, b) => a + (b - mean) ** 2, 0) / train.length);
      return (r: number) => (Number.isNaN(col[r] as number) ? 0 : ((col[r] as number) - mean) / sd);
    });
    const weights = [0.5, 0.3, 0.2];
    const client = 3; // any row, train or test
    const dist = (r: number) =>
      Math.sqrt(
        weights.reduce(
          (s, w, j) =>
            s +
            w *
              ((stdz[j] as (r: number) => number)(r) -
                (stdz[j] as (r: number) => number)(client)) **
                2,
          0,
        ),
      );
    const expected = [...population.ids.keys()]
      .filter((r) => population.isTrain[r] === 1 && r !== client)
      .sort((a, b) => dist(a) - dist(b))
      .slice(0, 10);
    const result = index.nearestToClient(population.ids[client] as number, 10);
    expect(result.neighbours.map((n) => n.id)).toEqual(expected.map((r) => population.ids[r]));
    result.neighbours.forEach((n, i) => {
      expect(n.distance).toBeCloseTo(dist(expected[i] as number), 4);
    });
    const defaults = expected.filter((r) => population.target[r] === 1).length;
    expect(result.defaultRate).toBe(defaults / 10);
    const meanScore = expected.reduce((s, r) => s + (scores[r] as number), 0) / 10;
    expect(result.meanScore).toBeCloseTo(meanScore, 12);
  });

  it('finds a train client itself at distance ~0 when not excluded', () => {
    const r = population.isTrain.indexOf(1);
    const values = index.space.map(({ name }) => population.columns.get(name)?.[r] as number);
    const [first] = index.nearest(values, 1).neighbours;
    // Float32 storage: zero up to single precision.
    expect(first?.id).toBe(population.ids[r]);
    expect(first?.distance).toBeLessThan(1e-6);
    expect(
      index.nearestToClient(population.ids[r] as number, 5).neighbours.map((n) => n.id),
    ).not.toContain(population.ids[r]);
    expect(() => index.nearestToClient(-5)).toThrow(/unknown client/);
  });
});

describe('scatterOf and compareWithGroup', () => {
  it('thins a group evenly to at most max points, with outcomes and the client', () => {
    const id = population.ids[20] as number;
    const full = scatterOf(population, 'EXT_SOURCE_2', 'AMT_CREDIT', { max: 100000, clientId: id });
    const ext = population.columns.get('EXT_SOURCE_2') as Float64Array;
    expect(full.available).toBe([...ext].filter((v) => !Number.isNaN(v)).length);
    expect(full.xs).toHaveLength(full.available);
    expect(full.outcomes.filter((o) => o === null)).toHaveLength(
      [...ext].filter((v, r) => !Number.isNaN(v) && population.isTrain[r] === 0).length,
    );
    const thin = scatterOf(population, 'EXT_SOURCE_2', 'AMT_CREDIT', { max: 500 });
    expect(thin.xs).toHaveLength(500);
    expect(new Set(thin.xs).size).toBe(500);
    expect(full.client).toEqual(
      Number.isNaN(ext[20] as number)
        ? null
        : { x: ext[20], y: population.columns.get('AMT_CREDIT')?.[20] },
    );
    expect(() => scatterOf(population, 'EXT_SOURCE_2', 'NOPE')).toThrow(/NOPE/);
  });

  it('puts the client beside the group mean and median', () => {
    const rows = Int32Array.of(1, 2, 3, 4);
    const [credit] = compareWithGroup(population, population.ids[0] as number, rows, [
      'AMT_CREDIT',
    ]);
    const values = [1, 2, 3, 4].map((r) => population.columns.get('AMT_CREDIT')?.[r] as number);
    const sorted = [...values].sort((a, b) => a - b);
    expect(credit?.client).toBe(population.columns.get('AMT_CREDIT')?.[0]);
    expect(credit?.groupMean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / 4, 9);
    expect(credit?.groupMedian).toBe(((sorted[1] as number) + (sorted[2] as number)) / 2);
    expect(credit?.groupCount).toBe(4);
    expect(() => compareWithGroup(population, -1, rows, ['AMT_CREDIT'])).toThrow(/unknown client/);
  });

  it('finds neighbours of a named feature row as of the same values in space order', () => {
    const index = new SimilarIndex(population, [
      { name: 'AMT_CREDIT', meanAbsShap: 1 },
      { name: 'DAYS_BIRTH', meanAbsShap: 1 },
    ]);
    const named = index.nearestToRow(['DAYS_BIRTH', 'X', 'AMT_CREDIT'], [-12000, 5, 300000], 5);
    const ordered = index.nearest([300000, -12000], 5);
    expect(named.neighbours).toEqual(ordered.neighbours);
  });
});
