/**
 * Quantile bin boundaries ("cuts") of one feature.
 *
 * Semantics, compatible with XGBoost's: values are rounded to float32 first; a split at cut `c`
 * sends `x < c` left and `x >= c` right; every cut is a float32-representable number. A feature
 * has cuts c[0] < c[1] < … < c[k-1], where the last one is FLOAT32_MAX (a sentinel that closes the
 * top bin). Non-missing value bin b (1-based) holds c[b-2] ≤ x < c[b-1]; bin 0 is the missing bin.
 * Values at or beyond the float32 range (and ±Infinity) are clamped to ±LARGEST_BINNABLE, the
 * float32 just below FLOAT32_MAX, so that every value is < the sentinel, in binning and prediction.
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
  // Distinct values and their counts.
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    if (distinct.length > 0 && distinct[distinct.length - 1] === v) {
      counts[counts.length - 1] = (counts[counts.length - 1] as number) + 1;
    } else {
      distinct.push(v);
      counts.push(1);
    }
  }
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
  cuts.push(FLOAT32_MAX);
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
  // First cut index i with v < cuts[i], searched among all but the sentinel.
  let lo = 0;
  let hi = cuts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v < (cuts[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo + 1;
}
