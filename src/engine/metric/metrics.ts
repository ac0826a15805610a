import type { EvalMetricName, ObjectiveName } from '../params.ts';

/** A validation metric over margins (not probabilities). */
export interface Metric {
  readonly name: Exclude<EvalMetricName, 'auto'>;
  readonly higherIsBetter: boolean;
  evaluate(margin: Float64Array, label: Float64Array, weight: Float64Array): number;
}

/** Weighted mean log-loss of sigmoid(margin), computed stably from the margin. */
export const logloss: Metric = {
  name: 'logloss',
  higherIsBetter: false,
  evaluate(margin, label, weight) {
    let loss = 0;
    let total = 0;
    for (let i = 0; i < margin.length; i++) {
      const m = margin[i] as number;
      const y = label[i] as number;
      // −[y log σ(m) + (1−y) log(1−σ(m))] = log(1 + e^m) − y·m, with a stable softplus.
      const softplus = m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
      const w = weight[i] as number;
      loss += w * (softplus - y * m);
      total += w;
    }
    return loss / total;
  },
};

/** Weighted root mean squared error. */
export const rmse: Metric = {
  name: 'rmse',
  higherIsBetter: false,
  evaluate(margin, label, weight) {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < margin.length; i++) {
      const d = (margin[i] as number) - (label[i] as number);
      sum += (weight[i] as number) * d * d;
      total += weight[i] as number;
    }
    return Math.sqrt(sum / total);
  },
};

/** Weighted ROC AUC of labels 0/1 ranked by margin; tied scores count one half. */
export const auc: Metric = {
  name: 'auc',
  higherIsBetter: true,
  evaluate(margin, label, weight) {
    const order = Array.from(margin.keys()).sort(
      (a, b) => (margin[a] as number) - (margin[b] as number),
    );
    let negBelow = 0;
    let area = 0;
    let pos = 0;
    let i = 0;
    while (i < order.length) {
      let j = i;
      let tiePos = 0;
      let tieNeg = 0;
      const score = margin[order[i] as number];
      while (j < order.length && margin[order[j] as number] === score) {
        const r = order[j] as number;
        const w = weight[r] as number;
        if (label[r] === 1) tiePos += w;
        else tieNeg += w;
        j++;
      }
      area += tiePos * (negBelow + tieNeg / 2);
      negBelow += tieNeg;
      pos += tiePos;
      i = j;
    }
    return pos === 0 || negBelow === 0 ? Number.NaN : area / (pos * negBelow);
  },
};

const METRICS = { logloss, rmse, auc } as const;

/** The metric of a name; "auto" is logloss for binary and rmse for regression. */
export function getMetric(name: EvalMetricName, objective: ObjectiveName): Metric {
  if (name === 'auto') return objective === 'binary:logistic' ? logloss : rmse;
  return METRICS[name];
}
