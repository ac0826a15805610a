/**
 * Stratified, seeded row splits: a holdout set aside first, then K folds over the rest. Each class
 * is shuffled on its own and dealt out in turn, so every part keeps the overall default rate
 * (to within one row per class).
 */
import { Rng } from '../../engine/index.ts';

/** Seeded Fisher–Yates shuffle in place. */
function shuffle(values: Int32Array, random: Rng): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const t = values[i] as number;
    values[i] = values[j] as number;
    values[j] = t;
  }
}

/** Row indices of each class (negatives, positives), each shuffled. */
function shuffledClasses(labels: ArrayLike<number>, random: Rng): [Int32Array, Int32Array] {
  const negatives: number[] = [];
  const positives: number[] = [];
  for (let i = 0; i < labels.length; i++) (labels[i] === 1 ? positives : negatives).push(i);
  const neg = Int32Array.from(negatives);
  const pos = Int32Array.from(positives);
  shuffle(neg, random);
  shuffle(pos, random);
  return [neg, pos];
}

/**
 * Splits rows into a training part and a holdout of about `share` of each class (rounded),
 * both ascending. Deterministic for a seed.
 */
export function stratifiedHoldout(
  labels: ArrayLike<number>,
  share: number,
  seed: number,
): { train: Int32Array; holdout: Int32Array } {
  if (!(share > 0 && share < 1))
    throw new RangeError(`holdout share must be in (0, 1), got ${share}`);
  const random = new Rng(seed, 0x401d);
  const train: number[] = [];
  const holdout: number[] = [];
  for (const rows of shuffledClasses(labels, random)) {
    const cut = Math.round(rows.length * share);
    for (let i = 0; i < rows.length; i++) (i < cut ? holdout : train).push(rows[i] as number);
  }
  const sorted = (list: number[]) => Int32Array.from(list).sort();
  return { train: sorted(train), holdout: sorted(holdout) };
}

/**
 * Assigns each row to one of `k` folds (foldOf[i] in 0..k−1): each class is shuffled and dealt
 * round-robin, continuing from where the previous class stopped so fold sizes differ by at most
 * one. Deterministic for a seed.
 */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, seed: number): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`folds must be an integer ≥ 2, got ${k}`);
  const foldOf = new Int32Array(labels.length);
  const random = new Rng(seed, 0xf01d);
  let next = 0;
  for (const rows of shuffledClasses(labels, random)) {
    for (let i = 0; i < rows.length; i++) {
      foldOf[rows[i] as number] = next;
      next = (next + 1) % k;
    }
  }
  return foldOf;
}

/** Row indices in fold `fold` (validation) and outside it (training), ascending. */
export function foldRows(foldOf: Int32Array, fold: number): { fit: Int32Array; valid: Int32Array } {
  let inFold = 0;
  for (let i = 0; i < foldOf.length; i++) if (foldOf[i] === fold) inFold++;
  const valid = new Int32Array(inFold);
  const fit = new Int32Array(foldOf.length - inFold);
  let v = 0;
  let f = 0;
  for (let i = 0; i < foldOf.length; i++) {
    if (foldOf[i] === fold) valid[v++] = i;
    else fit[f++] = i;
  }
  return { fit, valid };
}
