/**
 * Back-testing once outcomes are known: per score band, the observed default rate against the mean
 * calibrated probability with the Jeffreys test; over the window, the AUC with its DeLong interval
 * and its test against the development AUC, the Brier score, and the reliability curve (deciles of
 * the probability). A band is flagged red when its Jeffreys p-value is below 0.01, amber below 0.05
 * (the prediction is too low for the outcomes), green otherwise.
 */
import { brierScore } from '../evaluation/metrics.ts';
import { reliabilityCurve } from '../evaluation/reliability.ts';
import type { ReliabilityCurve } from '../run-record.ts';
import {
  type AucDropTest,
  type AucInterval,
  aucDropTest,
  aucWithInterval,
} from './auc-interval.ts';
import { type JeffreysTest, jeffreysTest } from './jeffreys.ts';
import type { TrafficLight } from './psi.ts';

/** Jeffreys p-values below these turn a band amber / red. */
export const JEFFREYS_THRESHOLDS = { amber: 0.05, red: 0.01 } as const;

export function jeffreysLight(pValue: number): TrafficLight {
  if (pValue < JEFFREYS_THRESHOLDS.red) return 'red';
  if (pValue < JEFFREYS_THRESHOLDS.amber) return 'amber';
  return 'green';
}

export interface BandBackTest extends JeffreysTest {
  readonly band: string;
  readonly status: TrafficLight;
}

export interface BackTest {
  /** Rows with a recorded outcome. */
  readonly count: number;
  readonly defaults: number;
  readonly observedRate: number;
  readonly predictedRate: number;
  /** Null when the outcomes hold a single class. */
  readonly auc: (AucInterval & { readonly test: AucDropTest }) | null;
  readonly brier: number;
  readonly reliability: ReliabilityCurve;
  readonly bands: BandBackTest[];
}

/**
 * The back-test of calibrated probabilities `probs` (bands `bands`, in the order `bandOrder`)
 * against outcomes `labels` (0/1), with the development AUC to compare with.
 */
export function backTest(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  bands: readonly string[],
  bandOrder: readonly string[],
  developmentAuc: number,
): BackTest {
  const n = labels.length;
  let defaults = 0;
  let sumP = 0;
  const byBand = new Map<string, { n: number; d: number; p: number }>();
  for (let i = 0; i < n; i++) {
    const y = labels[i] as number;
    const p = probs[i] as number;
    defaults += y;
    sumP += p;
    const name = bands[i] as string;
    const entry = byBand.get(name) ?? { n: 0, d: 0, p: 0 };
    entry.n++;
    entry.d += y;
    entry.p += p;
    byBand.set(name, entry);
  }
  const bandTests: BandBackTest[] = [];
  for (const band of bandOrder) {
    const entry = byBand.get(band);
    if (!entry) continue;
    const test = jeffreysTest(entry.d, entry.n, entry.p / entry.n);
    bandTests.push({ band, ...test, status: jeffreysLight(test.pValue) });
  }
  let auc: BackTest['auc'] = null;
  if (defaults > 0 && defaults < n) {
    const interval = aucWithInterval(labels, probs);
    auc = { ...interval, test: aucDropTest(interval, developmentAuc) };
  }
  return {
    count: n,
    defaults,
    observedRate: n > 0 ? defaults / n : Number.NaN,
    predictedRate: n > 0 ? sumP / n : Number.NaN,
    auc,
    brier: n > 0 ? brierScore(labels, probs) : Number.NaN,
    reliability:
      n > 0 ? reliabilityCurve(labels, probs, 10) : { predicted: [], observed: [], count: [] },
    bands: bandTests,
  };
}
