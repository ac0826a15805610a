/**
 * The Jeffreys test of a grade's predicted default probability against its observed defaults (the
 * ECB's instructions for reporting the validation of IRB models, §2.5.3.1): with d defaults among n
 * loans, the posterior of the default rate under the Jeffreys prior Beta(½, ½) is
 * Beta(d + ½, n − d + ½). The one-sided p-value is that distribution's CDF at the predicted PD:
 * small when the observed rate is significantly above the prediction (the PD underestimates the
 * risk). The equal-tailed 95 % interval gives the range of default rates the outcomes support.
 */
import { betaCdf, betaQuantile } from './beta.ts';

export interface JeffreysTest {
  readonly count: number;
  readonly defaults: number;
  readonly observedRate: number;
  readonly predicted: number;
  /** Equal-tailed interval of Beta(d + ½, n − d + ½) at `level`. */
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  /** P(default rate ≤ predicted | outcomes): small when the prediction is too low. */
  readonly pValue: number;
}

/** The Jeffreys interval and test of `defaults` among `count` against the `predicted` PD. */
export function jeffreysTest(
  defaults: number,
  count: number,
  predicted: number,
  level = 0.95,
): JeffreysTest {
  if (!(Number.isInteger(count) && count > 0 && Number.isInteger(defaults))) {
    throw new RangeError(
      `jeffreysTest: needs whole counts with count > 0, got ${defaults}/${count}`,
    );
  }
  if (defaults < 0 || defaults > count) {
    throw new RangeError(`jeffreysTest: defaults must lie in [0, ${count}], got ${defaults}`);
  }
  const a = defaults + 0.5;
  const b = count - defaults + 0.5;
  const tail = (1 - level) / 2;
  return {
    count,
    defaults,
    observedRate: defaults / count,
    predicted,
    // The interval's ends at d = 0 and d = n are the bounds themselves (Brown, Cai & DasGupta 2001).
    lower: defaults === 0 ? 0 : betaQuantile(tail, a, b),
    upper: defaults === count ? 1 : betaQuantile(1 - tail, a, b),
    level,
    pValue: betaCdf(predicted, a, b),
  };
}
