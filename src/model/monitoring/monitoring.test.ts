import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../registry/test-support.ts';
import { aucDropTest, aucWithInterval } from './auc-interval.ts';
import { backTest } from './back-test.ts';
import { betaCdf, betaQuantile, normalCdf, normalQuantile } from './beta.ts';
import { binCounts, binLabels, fitBins } from './bins.ts';
import { expectedPerformance } from './expected.ts';
import { jeffreysTest } from './jeffreys.ts';
import { psi, trafficLight } from './psi.ts';
import { variableStability } from './stability.ts';

describe('distribution functions', () => {
  it('agree with scipy', () => {
    // scipy.stats: beta.cdf(0.3, 2.5, 4.5), beta.ppf(0.9, 0.5, 0.5), norm.cdf(1.2345), norm.ppf(0.975)
    expect(betaCdf(0.3, 2.5, 4.5)).toBeCloseTo(0.40653901668245934, 10);
    expect(betaQuantile(0.9, 0.5, 0.5)).toBeCloseTo(0.9755282581475768, 9);
    expect(normalCdf(1.2345)).toBeCloseTo(0.8914916766373298, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
  });
});

describe('Jeffreys test', () => {
  // scipy.stats.beta(d + .5, n - d + .5): ppf(0.025), ppf(0.975), cdf(predicted)
  const cases = [
    [3, 100, 0.01, 0.00852028310740358, 0.07788756942640256, 0.03932450473955552],
    [12, 200, 0.03, 0.0332146659742512, 0.09937749790516896, 0.012119969903710899],
    [50, 1000, 0.05, 0.03777013225427477, 0.06482845573314777, 0.4912966099016582],
    [1, 10, 0.2, 0.011011673763161133, 0.3813147710666164, 0.7736350876203208],
  ] as const;
  it.each(cases)('%i defaults of %i against %f', (d, n, p, lower, upper, pValue) => {
    const test = jeffreysTest(d, n, p);
    expect(test.lower).toBeCloseTo(lower, 9);
    expect(test.upper).toBeCloseTo(upper, 9);
    expect(test.pValue).toBeCloseTo(pValue, 9);
    expect(test.observedRate).toBe(d / n);
  });
  it('bounds the interval by 0 with no default (scipy: upper 0.02474527001526989)', () => {
    const test = jeffreysTest(0, 100, 0.01);
    expect(test.lower).toBe(0);
    expect(test.upper).toBeCloseTo(0.02474527001526989, 9);
    expect(test.pValue).toBeCloseTo(0.8442592798356938, 9);
  });
  it('refuses impossible counts', () => {
    expect(() => jeffreysTest(5, 3, 0.1)).toThrow(RangeError);
    expect(() => jeffreysTest(0, 0, 0.1)).toThrow(RangeError);
  });
});

describe('PSI', () => {
  it('matches the hand computation on two bins', () => {
    // (0.25 − 0.5)·ln(0.25/0.5) + (0.75 − 0.5)·ln(0.75/0.5)
    const expected = -0.25 * Math.log(0.5) + 0.25 * Math.log(1.5);
    expect(psi([50, 50], [25, 75])).toBeCloseTo(expected, 12);
    expect(psi([50, 50], [25, 75])).toBeCloseTo(0.274653, 6);
    expect(psi([10, 20, 30], [1, 2, 3])).toBe(0);
  });
  it('floors empty bins at 0.0001', () => {
    // (0.5 − 0.0001)·ln(0.5/0.0001) + (0.5 − 1)·ln(0.5/1)
    const expected = 0.4999 * Math.log(5000) - 0.5 * Math.log(0.5);
    expect(psi([100, 0], [50, 50])).toBeCloseTo(expected, 10);
    expect(psi([0, 10, 0], [0, 10, 0])).toBe(0);
  });
  it('lights green, amber and red at 0.10 and 0.25', () => {
    expect(trafficLight(0.0999)).toBe('green');
    expect(trafficLight(0.1)).toBe('amber');
    expect(trafficLight(0.2499)).toBe('amber');
    expect(trafficLight(0.25)).toBe('red');
  });
});

describe('bins fixed on the development values', () => {
  it('cuts deciles (type 7) with right-closed bins and missing apart', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    const bins = fitBins(values);
    expect(bins.kind).toBe('numeric');
    if (bins.kind !== 'numeric') return;
    // numpy.quantile(range(1, 101), 0.1) = 10.9, …, 0.9 → 90.1
    expect(bins.edges[0]).toBeCloseTo(10.9, 10);
    expect(bins.edges[8]).toBeCloseTo(90.1, 10);
    expect(binCounts(bins, values)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 0]);
    expect(binCounts(bins, [10.9, 11, Number.NaN, 1000])).toEqual([
      1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1,
    ]);
  });
  it('merges tied deciles', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : i));
    const bins = fitBins(values);
    if (bins.kind !== 'numeric') throw new Error('numeric expected');
    expect(bins.edges[0]).toBe(0);
    expect(new Set(bins.edges).size).toBe(bins.edges.length);
    expect(binCounts(bins, values)[0]).toBe(70);
  });
  it('keeps categories as their own bins, with unseen and missing', () => {
    const bins = fitBins([0, 1, 1, 2, Number.NaN]);
    expect(bins).toEqual({ kind: 'categorical', values: [0, 1, 2] });
    expect(binLabels(bins)).toEqual(['0', '1', '2', 'unseen', 'missing']);
    expect(binCounts(bins, [1, 3, Number.NaN, 0])).toEqual([1, 1, 0, 1, 1]);
  });
  it('reports missing and unseen shares', () => {
    const s = variableStability('x', [0, 1, 0, 1], [0, 5, Number.NaN, Number.NaN]);
    expect(s.missingReference).toBe(0);
    expect(s.missingWindow).toBe(0.5);
    expect(s.unseenWindow).toBe(0.25);
    expect(s.status).toBe('red');
  });
});

describe('AUC with its DeLong interval', () => {
  it('matches the hand computation', () => {
    // Positives 0.8, 0.4; negatives 0.6, 0.2, 0.1: AUC 5/6; V10 = (1, 2/3), V01 = (1/2, 1, 1);
    // var = (1/18)/2 + (1/12)/3 = 1/18.
    const a = aucWithInterval([1, 1, 0, 0, 0], [0.8, 0.4, 0.6, 0.2, 0.1]);
    expect(a.auc).toBeCloseTo(5 / 6, 12);
    expect(a.standardError).toBeCloseTo(Math.sqrt(1 / 18), 12);
    expect(a.upper).toBe(1);
    expect(a.lower).toBeCloseTo(5 / 6 - 1.959963984540054 * Math.sqrt(1 / 18), 6);
    expect(a.gini).toBeCloseTo(2 / 3, 12);
  });
  it('tests a drop against the development AUC (one-sided)', () => {
    const t = aucDropTest(
      { auc: 0.7, standardError: 0.02 } as ReturnType<typeof aucWithInterval>,
      0.75,
    );
    expect(t.statistic).toBeCloseTo(2.5, 12);
    expect(t.pValue).toBeCloseTo(0.00621, 4);
  });

  const python = '/usr/bin/python3';
  const hasSklearn = (() => {
    try {
      execFileSync(python, ['-c', 'import sklearn, numpy, scipy'], { stdio: 'ignore' });
      return true;
    } catch {
      if (!process.env.CI) {
        process.stderr.write(
          `${python} lacks scikit-learn, numpy or scipy (apt-get install python3-sklearn): the DeLong check against them is skipped\n`,
        );
      }
      return false;
    }
  })();
  it.skipIf(!process.env.CI && !hasSklearn)('agrees with sklearn and the pairwise DeLong', () => {
    const random = seededRandom(7);
    const labels: number[] = [];
    const scores: number[] = [];
    for (let i = 0; i < 600; i++) {
      const y = random() < 0.2 ? 1 : 0;
      labels.push(y);
      // Rounded, so there are ties.
      scores.push(Math.round((random() + 0.4 * y) * 50) / 50);
    }
    // The scores as probabilities, for the Brier score; a development AUC above the window's.
    const probabilities = scores.map((v) => v / 1.4);
    const development = 0.8;
    const oracle = JSON.parse(
      execFileSync(python, [resolve(import.meta.dirname, 'test-support/delong_oracle.py')], {
        input: JSON.stringify({ labels, scores, development, probabilities }),
        encoding: 'utf8',
      }),
    ) as Record<'auc' | 'se' | 'lower' | 'upper' | 'statistic' | 'pValue' | 'brier', number>;
    const a = aucWithInterval(labels, scores);
    expect(a.auc).toBeCloseTo(oracle.auc, 12);
    expect(a.standardError).toBeCloseTo(oracle.se, 12);
    // The report's figures, through the back-test the report runs (probabilities rank as scores).
    const test = backTest(
      labels,
      probabilities,
      labels.map(() => 'all'),
      ['all'],
      development,
    );
    const near = (value: number | undefined, expected: number) =>
      expect(Math.abs((value ?? Number.NaN) - expected)).toBeLessThan(1e-6);
    near(test.auc?.lower, oracle.lower);
    near(test.auc?.upper, oracle.upper);
    near(test.auc?.test.statistic, oracle.statistic);
    near(test.auc?.test.pValue, oracle.pValue);
    near(test.brier ?? undefined, oracle.brier);
  });
});

describe('against numpy and scipy on the same data', () => {
  const python = '/usr/bin/python3';
  const hasScipy = (() => {
    try {
      execFileSync(python, ['-c', 'import scipy, numpy'], { stdio: 'ignore' });
      return true;
    } catch {
      if (!process.env.CI) {
        process.stderr.write(
          `${python} lacks numpy or scipy (apt-get install python3-scipy): the PSI and Jeffreys check against them is skipped\n`,
        );
      }
      return false;
    }
  })();
  it.skipIf(!process.env.CI && !hasScipy)('agrees on deciles, counts, PSI and Jeffreys', () => {
    const random = seededRandom(23);
    // Rounded lognormal-like amounts (ties at the edges), 3 % missing; the window 15 % higher.
    const draw = (scale: number) =>
      Array.from({ length: 3000 }, () =>
        random() < 0.03
          ? Number.NaN
          : Math.round(Math.exp(random() * 2 + random()) * 10 * scale) / 10,
      );
    const reference = draw(1);
    const window = draw(1.15);
    const jeffreys: [number, number, number][] = [];
    for (let i = 0; i < 40; i++) {
      const n = 1 + Math.floor(random() * 2000);
      const d = i % 7 === 0 ? 0 : i % 11 === 0 ? n : Math.floor(random() * random() * n);
      jeffreys.push([d, n, random() * 0.3]);
    }
    const toJson = (v: number[]) => v.map((x) => (Number.isNaN(x) ? null : x));
    const oracle = JSON.parse(
      execFileSync(python, [resolve(import.meta.dirname, 'test-support/psi_jeffreys_oracle.py')], {
        input: JSON.stringify({ reference: toJson(reference), window: toJson(window), jeffreys }),
        encoding: 'utf8',
      }),
    ) as {
      edges: number[];
      reference: number[];
      window: number[];
      psi: number;
      jeffreys: number[][];
    };
    const s = variableStability('x', reference, window);
    const bins = fitBins(reference);
    if (bins.kind !== 'numeric') throw new Error('numeric expected');
    bins.edges.forEach((e, i) => {
      expect(e).toBeCloseTo(oracle.edges[i] as number, 9);
    });
    expect(s.bins.reference).toEqual(oracle.reference);
    expect(s.bins.window).toEqual(oracle.window);
    expect(s.psi).toBeCloseTo(oracle.psi, 12);
    jeffreys.forEach(([d, n, pd], i) => {
      const t = jeffreysTest(d, n, pd);
      const [lower, upper, p] = oracle.jeffreys[i] as [number, number, number];
      expect(t.lower).toBeCloseTo(lower, 8);
      expect(t.upper).toBeCloseTo(upper, 8);
      expect(t.pValue).toBeCloseTo(p, 8);
    });
  });
});

describe('expected performance', () => {
  it('matches the hand computation on two applicants', () => {
    // Pairs: (0.5 defaults, 0.1 repays) 0.5·0.9 = 0.45 concordant; (0.1, 0.5) 0.1·0.5 = 0.05.
    const e = expectedPerformance([0.1, 0.5]);
    expect(e.expectedDefaultRate).toBeCloseTo(0.3, 12);
    expect(e.expectedAuc).toBeCloseTo(0.45 / 0.5, 12);
  });
  it('is ½ when every probability is the same', () => {
    expect(expectedPerformance([0.2, 0.2, 0.2]).expectedAuc).toBeCloseTo(0.5, 12);
  });
  it('agrees with the mean AUC of simulated outcomes', () => {
    const random = seededRandom(11);
    const probs = Array.from({ length: 400 }, () => random() ** 3);
    const expected = expectedPerformance(probs);
    let sum = 0;
    const runs = 200;
    for (let r = 0; r < runs; r++) {
      const labels = probs.map((p) => (random() < p ? 1 : 0));
      sum += aucWithInterval(labels, probs).auc;
    }
    expect(Math.abs(sum / runs - expected.expectedAuc)).toBeLessThan(0.01);
  });
});

describe('back-test', () => {
  it('tests each band with Jeffreys and flags an underestimated one', () => {
    const labels: number[] = [];
    const probs: number[] = [];
    const bands: string[] = [];
    // Band A: 200 rows predicted 3 %, 12 defaults (p = 0.0121: amber); band B: 100 at 1 %, 1 default.
    for (let i = 0; i < 200; i++) {
      labels.push(i < 12 ? 1 : 0);
      probs.push(0.03);
      bands.push('A');
    }
    for (let i = 0; i < 100; i++) {
      labels.push(i < 1 ? 1 : 0);
      probs.push(0.01);
      bands.push('B');
    }
    const t = backTest(labels, probs, bands, ['B', 'A', 'C'], 0.6);
    expect(t.bands.map((b) => b.band)).toEqual(['B', 'A']);
    expect(t.bands[1]?.pValue).toBeCloseTo(0.012119969903710899, 9);
    expect(t.bands[1]?.status).toBe('amber');
    expect(t.bands[0]?.status).toBe('green');
    expect(t.defaults).toBe(13);
    expect(t.auc).not.toBeNull();
    expect(t.brier).toBeGreaterThan(0);
  });
});
