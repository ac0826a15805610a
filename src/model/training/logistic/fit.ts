/**
 * L2-penalised logistic regression on a standardised design matrix. Minimises
 *   mean log-loss + ‖w‖² / (2·C·n)
 * (the intercept is not penalised), which has the same minimiser as scikit-learn's
 * LogisticRegression(C) objective C·Σ log-loss + ‖w‖²/2. Fitted by L-BFGS. The log-loss is
 * computed as max(z, 0) + log1p(exp(−|z|)) − y·z, exact and overflow-free for any margin z.
 */
import { minimizeLbfgs } from './lbfgs.ts';

export interface LogisticFitOptions {
  /** Inverse regularisation strength, as scikit-learn's C. */
  readonly C: number;
  /** Stop when max |gradient of the mean objective| ≤ tolerance. Default 1e-6. */
  readonly tolerance?: number;
  /** Default 300. */
  readonly maxIterations?: number;
  /** Starting point [w…, b] (warm start along a C grid). */
  readonly start?: Float64Array;
}

export interface LogisticFit {
  /** Coefficients of the standardised design columns. */
  readonly coef: Float64Array;
  readonly intercept: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** σ(z) without overflow. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Fits on a column-major design (`numRows` × `numCols`, already standardised) and 0/1 labels.
 */
export function fitLogisticDesign(
  design: Float64Array,
  numRows: number,
  numCols: number,
  labels: ArrayLike<number>,
  options: LogisticFitOptions,
): LogisticFit {
  const n = numRows;
  const p = numCols;
  const lambda = 1 / (options.C * n);
  const margin = new Float64Array(n);
  const residual = new Float64Array(n);
  const y = Float64Array.from(labels);
  const objective = (x: Float64Array, gradient: Float64Array): number => {
    const b = x[p] as number;
    margin.fill(b);
    for (let j = 0; j < p; j++) {
      const w = x[j] as number;
      if (w === 0) continue;
      const from = j * n;
      for (let i = 0; i < n; i++)
        margin[i] = (margin[i] as number) + w * (design[from + i] as number);
    }
    let loss = 0;
    let residualSum = 0;
    for (let i = 0; i < n; i++) {
      const z = margin[i] as number;
      const yi = y[i] as number;
      loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - yi * z;
      const r = (sigmoid(z) - yi) / n;
      residual[i] = r;
      residualSum += r;
    }
    let penalty = 0;
    for (let j = 0; j < p; j++) {
      const from = j * n;
      let s = 0;
      for (let i = 0; i < n; i++) s += (design[from + i] as number) * (residual[i] as number);
      const w = x[j] as number;
      gradient[j] = s + lambda * w;
      penalty += w * w;
    }
    gradient[p] = residualSum;
    return loss / n + 0.5 * lambda * penalty;
  };
  const start = options.start ?? new Float64Array(p + 1);
  if (start.length !== p + 1)
    throw new Error(`warm start has ${start.length} values, expected ${p + 1}`);
  const result = minimizeLbfgs(objective, start, {
    tolerance: options.tolerance ?? 1e-6,
    maxIterations: options.maxIterations ?? 300,
  });
  return {
    coef: result.x.slice(0, p),
    intercept: result.x[p] as number,
    iterations: result.iterations,
    converged: result.converged,
  };
}

/** Probabilities of a column-major design under a fit. */
export function predictDesign(
  fit: Pick<LogisticFit, 'coef' | 'intercept'>,
  design: Float64Array,
  numRows: number,
): Float64Array {
  const margin = new Float64Array(numRows).fill(fit.intercept);
  for (let j = 0; j < fit.coef.length; j++) {
    const w = fit.coef[j] as number;
    const from = j * numRows;
    for (let i = 0; i < numRows; i++)
      margin[i] = (margin[i] as number) + w * (design[from + i] as number);
  }
  for (let i = 0; i < numRows; i++) margin[i] = sigmoid(margin[i] as number);
  return margin;
}
