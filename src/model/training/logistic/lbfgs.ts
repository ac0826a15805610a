/**
 * Limited-memory BFGS for smooth convex objectives (Nocedal & Wright, algorithm 7.4/7.5) with a
 * backtracking Armijo line search. Works in place on Float64Arrays; no allocation per iteration
 * beyond the fixed history buffers.
 */

/** Writes the gradient at `x` into `gradient` and returns the objective value. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Stop when max |gradient| ≤ tolerance. Default 1e-6. */
  readonly tolerance?: number;
  /** Iteration cap. Default 500. */
  readonly maxIterations?: number;
  /** Correction pairs kept. Default 10. */
  readonly memory?: number;
}

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** max |gradient| at the end. */
  readonly gradientNorm: number;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i] as number);
    if (a > m) m = a;
  }
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** Minimises `objective` from `start` (copied). */
export function minimizeLbfgs(
  objective: Objective,
  start: Float64Array,
  options: LbfgsOptions = {},
): LbfgsResult {
  const { tolerance = 1e-6, maxIterations = 500, memory = 10 } = options;
  const n = start.length;
  const x = Float64Array.from(start);
  const g = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const d = new Float64Array(n);
  const s = Array.from({ length: memory }, () => new Float64Array(n));
  const y = Array.from({ length: memory }, () => new Float64Array(n));
  const rho = new Float64Array(memory);
  const alpha = new Float64Array(memory);
  let stored = 0;
  let head = 0; // next slot to write
  let value = objective(x, g);
  let iterations = 0;
  let gradientNorm = maxAbs(g);

  while (gradientNorm > tolerance && iterations < maxIterations) {
    // Two-loop recursion: d = −H·g.
    d.set(g);
    for (let k = 0; k < stored; k++) {
      const i = (head - 1 - k + memory) % memory;
      const a = (rho[i] as number) * dot(s[i] as Float64Array, d);
      alpha[i] = a;
      const yi = y[i] as Float64Array;
      for (let j = 0; j < n; j++) d[j] = (d[j] as number) - a * (yi[j] as number);
    }
    if (stored > 0) {
      const last = (head - 1 + memory) % memory;
      const yl = y[last] as Float64Array;
      const gamma = dot(s[last] as Float64Array, yl) / dot(yl, yl);
      for (let j = 0; j < n; j++) d[j] = (d[j] as number) * gamma;
    } else {
      // First step: a unit-length steepest-descent step.
      const scale = 1 / Math.max(1, Math.sqrt(dot(g, g)));
      for (let j = 0; j < n; j++) d[j] = (d[j] as number) * scale;
    }
    for (let k = stored - 1; k >= 0; k--) {
      const i = (head - 1 - k + memory) % memory;
      const b = (rho[i] as number) * dot(y[i] as Float64Array, d);
      const si = s[i] as Float64Array;
      const a = alpha[i] as number;
      for (let j = 0; j < n; j++) d[j] = (d[j] as number) + (a - b) * (si[j] as number);
    }
    for (let j = 0; j < n; j++) d[j] = -(d[j] as number);
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      stored = 0;
      for (let j = 0; j < n; j++) d[j] = -(g[j] as number);
      slope = dot(g, d);
    }

    // Backtracking line search (Armijo, c1 = 1e-4).
    let step = 1;
    let valueNew = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < n; j++) xNew[j] = (x[j] as number) + step * (d[j] as number);
      valueNew = objective(xNew, gNew);
      if (Number.isFinite(valueNew) && valueNew <= value + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(valueNew <= value)) break; // no progress possible at float precision

    const sNext = s[head] as Float64Array;
    const yNext = y[head] as Float64Array;
    for (let j = 0; j < n; j++) {
      sNext[j] = (xNew[j] as number) - (x[j] as number);
      yNext[j] = (gNew[j] as number) - (g[j] as number);
    }
    const sy = dot(sNext, yNext);
    if (sy > 1e-12 * Math.sqrt(dot(sNext, sNext) * dot(yNext, yNext))) {
      rho[head] = 1 / sy;
      head = (head + 1) % memory;
      stored = Math.min(stored + 1, memory);
    }
    const change = value - valueNew;
    x.set(xNew);
    g.set(gNew);
    value = valueNew;
    iterations++;
    gradientNorm = maxAbs(g);
    if (change === 0 && gradientNorm > tolerance) break;
  }
  return { x, value, iterations, converged: gradientNorm <= tolerance, gradientNorm };
}
