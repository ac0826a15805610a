import { EngineError } from '../errors.ts';
import type { Objective } from './objective.ts';

/** Squared error ½(y − ŷ)²; the margin is the prediction. */
export const squaredError: Objective = {
  name: 'reg:squarederror',
  gradients(margin, label, weight, grad, hess) {
    const n = margin.length;
    for (let i = 0; i < n; i++) {
      const w = weight[i] as number;
      grad[i] = ((margin[i] as number) - (label[i] as number)) * w;
      hess[i] = w;
    }
  },
  baseMargin(label, weight) {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < label.length; i++) {
      sum += (label[i] as number) * (weight[i] as number);
      total += weight[i] as number;
    }
    return sum / total;
  },
  transform: (margin) => margin,
  checkLabels(label) {
    for (let i = 0; i < label.length; i++) {
      if (!Number.isFinite(label[i])) {
        throw new EngineError('BAD_LABEL', {
          row: i,
          label: String(label[i]),
          rule: 'it must be finite',
        });
      }
    }
  },
};
