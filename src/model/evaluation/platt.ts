import type { CalibratorSpec } from '../run-record.ts';
import { checkLabelledProbabilities } from './validate.ts';

/** Raw probabilities are clipped to [ε, 1 − ε] before the logit, so logit(0) and logit(1) stay finite. */
export const PLATT_CLIP = 1e-12;

/** logit(p) after clipping to [PLATT_CLIP, 1 − PLATT_CLIP]. */
export function clippedLogit(p: number): number {
  const q = Math.min(Math.max(p, PLATT_CLIP), 1 - PLATT_CLIP);
  return Math.log(q / (1 - q));
}

/** 1 / (1 + e^−z) without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** ln(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Platt scaling on the logit of the raw probability: calibrated = σ(a · logit(raw) + b), fitted by
 * Newton's method with a backtracking line search (Lin, Lin & Weng 2007, "A note on Platt's
 * probabilistic outputs") on Platt's smoothed targets (N₊ + 1) / (N₊ + 2) for defaulters and
 * 1 / (N₋ + 2) for repayers, which keep the fit finite on separable data.
 */
export function fitPlatt(
  probs: ArrayLike<number>,
  labels: ArrayLike<number>,
): CalibratorSpec & { kind: 'platt' } {
  checkLabelledProbabilities(labels, probs);
  const n = labels.length;
  const f = new Float64Array(n);
  const t = new Float64Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i] as number;
  const negatives = n - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  for (let i = 0; i < n; i++) {
    f[i] = clippedLogit(probs[i] as number);
    t[i] = labels[i] === 1 ? high : low;
  }
  const objective = (a: number, b: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const z = a * (f[i] as number) + b;
      sum += softplus(z) - (t[i] as number) * z;
    }
    return sum;
  };

  let a = 0;
  let b = Math.log((positives + 1) / (negatives + 1));
  let value = objective(a, b);
  const ridge = 1e-12; // keeps the Hessian invertible when every logit is equal
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = ridge;
    let hab = 0;
    let hbb = ridge;
    for (let i = 0; i < n; i++) {
      const fi = f[i] as number;
      const q = sigmoid(a * fi + b);
      const d = q - (t[i] as number);
      const w = q * (1 - q);
      ga += d * fi;
      gb += d;
      haa += w * fi * fi;
      hab += w * fi;
      hbb += w;
    }
    if (Math.max(Math.abs(ga), Math.abs(gb)) < 1e-10 * n) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    const slope = ga * da + gb * db;
    let step = 1;
    let moved = false;
    while (step >= 1e-10) {
      const candidate = objective(a + step * da, b + step * db);
      if (candidate < value + 1e-4 * step * slope) {
        a += step * da;
        b += step * db;
        value = candidate;
        moved = true;
        break;
      }
      step /= 2;
    }
    if (!moved) break; // no further decrease is possible in floating point
  }
  return { kind: 'platt', a, b };
}
