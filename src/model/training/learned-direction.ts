/**
 * The direction a model learned for a feature, read from its SHAP dependence: the rank correlation
 * (Spearman) between the feature's values and its contributions over the explained rows, missing
 * values aside. Positive: higher values push the probability of default up (riskier).
 */
import type { LearnedDirection } from '../run-record.ts';

/** |ρ| below this reads as no single direction. */
export const DIRECTION_THRESHOLD = 0.2;
/** Fewer non-missing values than this: no reading. */
const MIN_VALUES = 10;

/** Average ranks (1-based) of `xs`, ties sharing their mean rank. */
function ranks(xs: Float64Array): Float64Array {
  const order = Array.from(xs.keys()).sort((a, b) => (xs[a] as number) - (xs[b] as number));
  const out = new Float64Array(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && xs[order[j + 1] as number] === xs[order[i] as number]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k] as number] = rank;
    i = j + 1;
  }
  return out;
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/**
 * The learned direction of `feature` from its values and SHAP contributions (same rows; NaN =
 * missing value). `declared` is the direction imposed or declared (0: none).
 */
export function learnedDirection(
  feature: string,
  declared: -1 | 0 | 1,
  values: ArrayLike<number>,
  contributions: ArrayLike<number>,
): LearnedDirection {
  const x: number[] = [];
  const phi: number[] = [];
  let used = false;
  for (let i = 0; i < values.length; i++) {
    const c = contributions[i] as number;
    if (c !== 0) used = true;
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    x.push(v);
    phi.push(c);
  }
  if (!used || x.length < MIN_VALUES) {
    return { feature, declared, correlation: null, direction: 'unused' };
  }
  const rho = pearson(ranks(Float64Array.from(x)), ranks(Float64Array.from(phi)));
  const correlation = Math.round(rho * 1e4) / 1e4;
  const direction =
    rho >= DIRECTION_THRESHOLD ? 'riskier' : rho <= -DIRECTION_THRESHOLD ? 'safer' : 'mixed';
  return { feature, declared, correlation, direction };
}
