import { EngineError } from '../errors.ts';
import type { Objective } from './objective.ts';

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

// Keeps the hessian away from 0 so that leaves of pure rows stay finite (as XGBoost does).
const MIN_HESSIAN = 1e-16;

/** Binary log-loss on labels 0/1; margins are log-odds. */
export const binaryLogistic: Objective = {
  name: 'binary:logistic',
  gradients(margin, label, weight, grad, hess) {
    const n = margin.length;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(margin[i] as number);
      const w = weight[i] as number;
      grad[i] = (p - (label[i] as number)) * w;
      hess[i] = Math.max(p * (1 - p), MIN_HESSIAN) * w;
    }
  },
  baseMargin(label, weight) {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < label.length; i++) {
      sum += (label[i] as number) * (weight[i] as number);
      total += weight[i] as number;
    }
    const mean = Math.min(Math.max(sum / total, 1e-7), 1 - 1e-7);
    return Math.log(mean / (1 - mean));
  },
  transform: sigmoid,
  checkLabels(label) {
    for (let i = 0; i < label.length; i++) {
      const y = label[i];
      if (y !== 0 && y !== 1) {
        throw new EngineError('BAD_LABEL', {
          row: i,
          label: String(y),
          rule: 'binary:logistic needs 0 or 1',
        });
      }
    }
  },
};
