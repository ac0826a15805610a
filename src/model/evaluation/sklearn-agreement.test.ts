import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCalibratorAll } from './calibrator.ts';
import { fitIsotonic } from './isotonic.ts';
import { brierScore, logLoss, prAuc, rocAuc } from './metrics.ts';
import { labelledRows, seededRandom } from './test-support/seeded.ts';

// scikit-learn lives in the system Python (see the project notes); skip where it is absent,
// except in CI, which installs it (.ci/run): there the comparison must run.
const PYTHON = '/usr/bin/python3';
const ORACLE = resolve(import.meta.dirname, 'test-support/sklearn_oracle.py');
const hasSklearn = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import sklearn'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

interface OracleAnswer {
  rocAuc: number;
  prAuc: number;
  brier: number;
  logLoss: number;
  isotonicFitted: number[];
}

function oracle(labels: Float64Array, scores: Float64Array, probs: Float64Array): OracleAnswer {
  const input = JSON.stringify({
    labels: Array.from(labels),
    scores: Array.from(scores),
    probs: Array.from(probs),
  });
  return JSON.parse(execFileSync(PYTHON, [ORACLE], { input, encoding: 'utf8' })) as OracleAnswer;
}

describe.skipIf(!process.env.CI && (!hasSklearn || !existsSync(ORACLE)))(
  'agreement with scikit-learn on random data',
  () => {
    const cases = [
      { name: 'continuous probabilities', seed: 51, decimals: 0 },
      { name: 'probabilities with many ties', seed: 52, decimals: 2 },
    ];
    for (const { name, seed, decimals } of cases) {
      it(`matches roc_auc, average_precision, brier, log_loss and isotonic fit: ${name}`, () => {
        const { truth, labels } = labelledRows(3000, seed, { low: 0, high: 0.5, decimals });
        // Scores: a noisy margin (not a probability), rounded like the probabilities.
        const random = seededRandom(seed + 100);
        const scale = decimals > 0 ? 10 ** decimals : 1e12;
        const scores = truth.map((p) => Math.round((4 * p + random() - 0.5) * scale) / scale);
        const probs = truth.map((p) => p ** 2);
        const expected = oracle(labels, scores, probs);
        expect(rocAuc(labels, scores)).toBeCloseTo(expected.rocAuc, 9);
        expect(prAuc(labels, scores)).toBeCloseTo(expected.prAuc, 9);
        expect(brierScore(labels, probs)).toBeCloseTo(expected.brier, 9);
        expect(logLoss(labels, probs)).toBeCloseTo(expected.logLoss, 9);
        // Enough knots to keep every pooled block, so the fit is scikit-learn's exactly.
        const spec = fitIsotonic(probs, labels, 1_000_000);
        const fitted = applyCalibratorAll(spec, probs);
        let worst = 0;
        for (let i = 0; i < fitted.length; i++) {
          worst = Math.max(
            worst,
            Math.abs((fitted[i] as number) - (expected.isotonicFitted[i] as number)),
          );
        }
        expect(worst).toBeLessThan(1e-9);
      });
    }
  },
);
