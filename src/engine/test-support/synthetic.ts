/** Seeded synthetic data sets for the engine's tests. */
import { type DenseMatrix, fromColumns } from '../matrix.ts';
import { Rng } from '../random.ts';

/** A standard normal draw (Box–Muller). */
export function gaussian(rng: Rng): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

export interface Synthetic {
  readonly features: DenseMatrix;
  readonly labels: Float64Array;
  /** True log-odds (binary) or noiseless target (regression). */
  readonly signal: Float64Array;
}

/**
 * Binary labels from a strong logistic signal on 6 features: x0, x1 linear, x2 a step, x3 an
 * interaction with x0, x4 with 20% missing (missing raises risk), x5 pure noise.
 */
export function binaryProblem(numRows: number, seed: number): Synthetic {
  const rng = new Rng(seed);
  const cols = Array.from({ length: 6 }, () => new Float64Array(numRows));
  const labels = new Float64Array(numRows);
  const signal = new Float64Array(numRows);
  for (let r = 0; r < numRows; r++) {
    const x = cols.map(() => gaussian(rng));
    const missing = rng.next() < 0.2;
    const x4 = missing ? Number.NaN : (x[4] as number);
    const logit =
      2 * (x[0] as number) -
      1.5 * (x[1] as number) +
      ((x[2] as number) > 0.5 ? 2 : -1) +
      (x[3] as number) * (x[0] as number) +
      (missing ? 1.5 : -0.5 * x4);
    x.forEach((v, c) => {
      (cols[c] as Float64Array)[r] = c === 4 ? x4 : v;
    });
    signal[r] = logit;
    labels[r] = rng.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { features: fromColumns(cols), labels, signal };
}

/** y = sin(2 x0) + 0.5 x1² + small noise, x in [−2, 2], 3 features (x2 unused). */
export function regressionProblem(numRows: number, seed: number): Synthetic {
  const rng = new Rng(seed);
  const cols = Array.from({ length: 3 }, () => new Float64Array(numRows));
  const labels = new Float64Array(numRows);
  const signal = new Float64Array(numRows);
  for (let r = 0; r < numRows; r++) {
    for (const col of cols) col[r] = 4 * rng.next() - 2;
    const x0 = (cols[0] as Float64Array)[r] as number;
    const x1 = (cols[1] as Float64Array)[r] as number;
    signal[r] = Math.sin(2 * x0) + 0.5 * x1 * x1;
    labels[r] = (signal[r] as number) + 0.05 * gaussian(rng);
  }
  return { features: fromColumns(cols), labels, signal };
}
