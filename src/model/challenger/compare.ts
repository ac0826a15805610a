/**
 * Champion against challenger on the same labelled applications: each model's AUC with its
 * DeLong interval, DeLong's paired test of the two AUCs (../monitoring/paired-auc.ts), each
 * model's business cost at its own threshold (the champion's costs for both, so the two are
 * priced alike), the Brier score, and a recommendation.
 *
 * Recommendation: promote when the challenger's cost on the window is lower and its AUC is not
 * significantly lower (paired DeLong, two-sided 5 %); keep the champion otherwise, and always
 * when the window holds fewer than MIN_EACH_CLASS defaults or repayments (nothing can be told).
 */
import { binaryMetrics, brierScore } from '../evaluation/index.ts';
import { type AucInterval, aucWithInterval } from '../monitoring/auc-interval.ts';
import { type PairedAucTest, pairedAucTest } from '../monitoring/paired-auc.ts';
import type { CostSpec, RunRecord } from '../run-record.ts';

/** Fewer defaults (or repayments) than this in the window: no comparison is conclusive. */
export const MIN_EACH_CLASS = 10;
/** Two-sided level of the paired AUC test. */
export const AUC_TEST_LEVEL = 0.05;

export interface ModelOnWindow {
  readonly id: string;
  /** The candidate the run serves (logistic, gbdt, …). */
  readonly chosen: string;
  readonly threshold: number;
  /** Null when the window lacks one of the classes. */
  readonly auc: AucInterval | null;
  /** Mean cost per application at the model's threshold, with the champion's costs. */
  readonly cost: number;
  readonly normalisedCost: number;
  readonly brier: number;
  /** Share of the window's applications the model refuses. */
  readonly refusedShare: number;
}

export interface Challenge {
  readonly rows: number;
  readonly defaults: number;
  readonly costs: CostSpec;
  readonly champion: ModelOnWindow;
  readonly challenger: ModelOnWindow;
  /** Challenger − champion; null when the window lacks one of the classes. */
  readonly aucTest: PairedAucTest | null;
  readonly recommendation: { readonly promote: boolean; readonly reason: string };
}

type Scored = { readonly record: RunRecord; readonly probability: Float64Array };

function onWindow(
  m: Scored,
  labels: Float64Array,
  costs: CostSpec,
  beta: number,
  bothClasses: boolean,
): ModelOnWindow {
  const metrics = binaryMetrics(labels, m.probability, {
    threshold: m.record.threshold,
    costs,
    beta,
  });
  let refused = 0;
  for (const p of m.probability) if (p >= m.record.threshold) refused++;
  return {
    id: m.record.id,
    chosen: m.record.chosen,
    threshold: m.record.threshold,
    auc: bothClasses ? aucWithInterval(labels, m.probability) : null,
    cost: metrics.cost,
    normalisedCost: metrics.normalisedCost,
    brier: brierScore(labels, m.probability),
    refusedShare: labels.length > 0 ? refused / labels.length : 0,
  };
}

const f3 = (v: number) => v.toFixed(3);

/** Compares the two models' calibrated probabilities of the same rows. */
export function challenge(champion: Scored, challenger: Scored, labels: Float64Array): Challenge {
  if (
    champion.probability.length !== labels.length ||
    challenger.probability.length !== labels.length
  ) {
    throw new RangeError('challenge: both models must score every row of the window');
  }
  const costs = champion.record.costs;
  const beta = champion.record.beta;
  let defaults = 0;
  for (const y of labels) defaults += y;
  const repaid = labels.length - defaults;
  const both = defaults > 0 && repaid > 0;
  const a = onWindow(champion, labels, costs, beta, both);
  const b = onWindow(challenger, labels, costs, beta, both);
  const aucTest = both ? pairedAucTest(labels, challenger.probability, champion.probability) : null;
  let recommendation: Challenge['recommendation'];
  if (defaults < MIN_EACH_CLASS || repaid < MIN_EACH_CLASS) {
    recommendation = {
      promote: false,
      reason: `too few outcomes to compare (${defaults} defaults, ${repaid} repayments; at least ${MIN_EACH_CLASS} of each); record more outcomes`,
    };
  } else if (aucTest !== null && aucTest.difference < 0 && aucTest.pValue < AUC_TEST_LEVEL) {
    recommendation = {
      promote: false,
      reason: `the challenger ranks significantly worse (AUC ${f3(aucTest.aucA)} against ${f3(aucTest.aucB)}, DeLong p = ${aucTest.pValue.toPrecision(2)})`,
    };
  } else if (b.cost < a.cost) {
    recommendation = {
      promote: true,
      reason: `the challenger costs less on these applications (${f3(b.cost)} against ${f3(a.cost)} per application) and does not rank significantly worse${aucTest === null ? '' : ` (DeLong p = ${aucTest.pValue.toPrecision(2)})`}`,
    };
  } else {
    recommendation = {
      promote: false,
      reason: `the challenger does not cost less on these applications (${f3(b.cost)} against ${f3(a.cost)} per application)`,
    };
  }
  return {
    rows: labels.length,
    defaults,
    costs,
    champion: a,
    challenger: b,
    aucTest,
    recommendation,
  };
}
