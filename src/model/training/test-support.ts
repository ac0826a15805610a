/** Seeded synthetic training data for the tests of this folder. */
import { Rng } from '../../engine/index.ts';
import type { TrainingData } from './training-data.ts';

/**
 * Rows with a non-linear signal (an interaction of x0 and x1 that no linear model can see) plus a
 * linear one (x2), noise columns, 10% missing values in x3, a gender and an age.
 */
export function syntheticData(numRows: number, seed: number): TrainingData {
  const random = new Rng(seed);
  const p = 6;
  const values = new Float64Array(numRows * p);
  const labels = new Float64Array(numRows);
  const gender: string[] = [];
  const ageYears = new Float64Array(numRows);
  for (let r = 0; r < numRows; r++) {
    const x = Array.from({ length: p }, () => random.next());
    const interaction = (x[0] as number) > 0.5 !== (x[1] as number) > 0.5 ? 1 : 0;
    const z = -6 + 3 * interaction + 5 * (x[2] as number);
    labels[r] = random.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    x.forEach((v, c) => {
      values[c * numRows + r] = c === 3 && random.next() < 0.1 ? Number.NaN : v;
    });
    gender.push(random.next() < 0.5 ? 'F' : 'M');
    ageYears[r] = 20 + 50 * random.next();
  }
  const featureNames = Array.from({ length: p }, (_, c) => `x${c}`);
  return {
    features: { values, numRows, numCols: p, layout: 'column-major' },
    labels,
    ids: Float64Array.from({ length: numRows }, (_, i) => 1000 + i),
    featureNames,
    themes: featureNames.map((_, c) => (c < 2 ? 'interaction' : c === 2 ? 'linear' : 'noise')),
    excludedFeatures: [],
    gender,
    ageYears,
    source: { kind: 'feature-table', database: ':memory:', table: 'features' },
  };
}
