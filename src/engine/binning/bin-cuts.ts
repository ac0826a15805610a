/**
 * Quantile bin boundaries ("cuts") of one feature.
 *
 * Semantics, compatible with XGBoost's: values are rounded to float32 first; a split at cut `c`
 * sends `x < c` left and `x >= c` right; every cut is a float32-representable number. A feature
 * has cuts c[0] < c[1] < … < c[k-1], where the last one closes the top bin above the training
 * maximum m exactly as XGBoost 1.7 places it: float32(m + float32(|m| + 1e-5)) (FLOAT32_MAX when
 * that overflows or the feature has no value). A split at that cut ("any value left, missing
 * right") therefore sends a scoring value above it right, as XGBoost does.
 * Non-missing value bin b (1-based) holds c[b-2] ≤ x < c[b-1]; bin 0 is the missing bin.
 * Values at or beyond the float32 range (and ±Infinity) are clamped to ±LARGEST_BINNABLE, the
 * float32 just below FLOAT32_MAX.
 */

/** Largest finite float32: the sentinel cut that closes the top bin. */
export const FLOAT32_MAX = 3.4028234663852886e38;
/** The float32 just below FLOAT32_MAX. */
export const LARGEST_BINNABLE = 3.4028232635611926e38;

/** Rounds to float32 and clamps into ±LARGEST_BINNABLE (NaN stays NaN). */
export function toBinnable(x: number): number {
  const f = Math.fround(x);
  return Math.min(Math.max(f, -LARGEST_BINNABLE), LARGEST_BINNABLE);
}

/** XGBoost 1.7's cut above a feature's largest training value (float32 arithmetic, as in C++). */
export function topCut(max: number): number {
  const top = Math.fround(max + Math.fround(Math.abs(max) + Math.fround(1e-5)));
  return Math.min(top, FLOAT32_MAX);
}

/** A float32 cut in (lo, hi] for two float32 values lo < hi: the midpoint when representable. */
function cutBetween(lo: number, hi: number): number {
  const mid = Math.fround(lo + (hi - lo) / 2);
  return mid > lo && mid <= hi ? mid : hi;
}

/**
 * Cuts for one feature from its non-missing values, already passed through `toBinnable` and
 * sorted ascending. With at most `maxBin` distinct values each gets its own bin; otherwise bins
 * hold roughly equal row counts (a value is never split across bins).
 */
export function computeCuts(sorted: Float64Array, maxBin: number): Float64Array {
  const cuts: number[] = [];
  const n = sorted.length;
  // Distinct values and their counts, in typed arrays: this runs over every row of every feature.
  const distinctScratch = new Float64Array(n);
  const countScratch = new Int32Array(n);
  let numDistinct = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    if (numDistinct > 0 && distinctScratch[numDistinct - 1] === v) {
      countScratch[numDistinct - 1] = (countScratch[numDistinct - 1] as number) + 1;
    } else {
      distinctScratch[numDistinct] = v;
      countScratch[numDistinct++] = 1;
    }
  }
  const distinct = distinctScratch.subarray(0, numDistinct);
  const counts = countScratch.subarray(0, numDistinct);
  const pushCut = (lo: number, hi: number) => {
    const cut = cutBetween(lo, hi);
    if (cut < FLOAT32_MAX) cuts.push(cut);
  };
  if (distinct.length <= maxBin) {
    for (let i = 0; i + 1 < distinct.length; i++) {
      pushCut(distinct[i] as number, distinct[i + 1] as number);
    }
  } else {
    // Greedy equal-frequency bins: re-aim the target after each bin so that heavy values
    // (which take a bin alone) do not starve the bins after them.
    let remainingRows = n;
    let remainingBins = maxBin;
    let inBin = 0;
    for (let i = 0; i + 1 < distinct.length && remainingBins > 1; i++) {
      inBin += counts[i] as number;
      const target = remainingRows / remainingBins;
      const next = counts[i + 1] as number;
      // Close the bin when full, or when adding the next value would overshoot more than stopping.
      if (inBin >= target || inBin + next - target > target - inBin) {
        pushCut(distinct[i] as number, distinct[i + 1] as number);
        remainingRows -= inBin;
        remainingBins--;
        inBin = 0;
      }
    }
  }
  cuts.push(n > 0 ? topCut(sorted[n - 1] as number) : FLOAT32_MAX);
  return Float64Array.from(cuts);
}

/**
 * The split threshold that sends value bins 1..bin left: cuts[bin − 1], or −FLOAT32_MAX for
 * bin 0 (no value goes left; only missing values do, when the default direction is left).
 */
export function thresholdOfBin(cuts: Float64Array, bin: number): number {
  return bin === 0 ? -FLOAT32_MAX : (cuts[bin - 1] as number);
}

/** Bin of one raw value given the feature's cuts: 0 for NaN, else 1-based value bin. */
export function binOf(x: number, cuts: Float64Array): number {
  if (Number.isNaN(x)) return 0;
  const v = toBinnable(x);
  // First cut index i with v < cuts[i], searched among all but the top cut (a value at or above
  // it, possible only outside the training data, shares the top bin).
  let lo = 0;
  let hi = cuts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v < (cuts[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo + 1;
}
