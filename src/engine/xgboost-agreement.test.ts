import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { train } from './boosting/train.ts';
import { denseMatrix } from './matrix.ts';
import type { ParamInput } from './params.ts';
import { predictMargin } from './predict.ts';
import { Rng } from './random.ts';
import { ShapExplainer } from './shap/shap.ts';

// XGBoost 1.7 lives in the system Python (see the project notes); skip where it is absent.
const PYTHON = '/usr/bin/python3';
const ORACLE = resolve(import.meta.dirname, 'test-support/xgboost_oracle.py');
const hasXgboost = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import xgboost'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const folder = mkdtempSync(join(tmpdir(), 'creditlens-xgb-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Seeded rows with integer values 0..29 (fewer distinct values than bins, so both engines cut
 * between the same values) and 15% missing, and labels from a logistic model.
 */
function problem(numRows: number, numCols: number, seed: number) {
  const rng = new Rng(seed);
  const values = new Float64Array(numRows * numCols);
  const labels = new Float64Array(numRows);
  for (let r = 0; r < numRows; r++) {
    for (let c = 0; c < numCols; c++) {
      values[r * numCols + c] = rng.next() < 0.15 ? Number.NaN : Math.floor(rng.next() * 30);
    }
    const at = (c: number) => values[r * numCols + c] as number;
    const logit =
      (Number.isNaN(at(0)) ? 1 : at(0) / 10 - 1.5) -
      (Number.isNaN(at(1)) ? 0 : at(1) / 15) +
      (at(2) > 20 ? 1 : 0) * (Number.isNaN(at(3)) ? 2 : 0.5);
    labels[r] = rng.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { features: denseMatrix(values, numRows, numCols, 'row-major'), labels };
}

function runOracle(
  data: ReturnType<typeof problem>,
  xgbParams: Record<string, unknown>,
  rounds: number,
): { margin: number[]; contrib: number[][] } {
  const { numRows, numCols, values } = data.features;
  const lines: string[] = [];
  for (let r = 0; r < numRows; r++) {
    lines.push(
      Array.from(values.subarray(r * numCols, (r + 1) * numCols), (v) =>
        Number.isNaN(v) ? 'nan' : String(v),
      ).join(','),
    );
  }
  writeFileSync(join(folder, 'x.csv'), `${lines.join('\n')}\n`);
  writeFileSync(join(folder, 'y.csv'), `${Array.from(data.labels).join('\n')}\n`);
  execFileSync(PYTHON, [ORACLE, folder, JSON.stringify(xgbParams), String(rounds)]);
  const read = (name: string) => readFileSync(join(folder, name), 'utf8').trim().split('\n');
  return {
    margin: read('margin.csv').map(Number),
    contrib: read('contrib.csv').map((line) => line.split(',').map(Number)),
  };
}

const cases: { name: string; ours: ParamInput; theirs: Record<string, unknown>; shap: boolean }[] =
  [
    {
      name: 'binary log-loss, 31 leaves, L1',
      ours: { l1: 0.3 },
      theirs: { reg_alpha: 0.3 },
      // SHAP values once differed from round 12 on: a node whose best split was "missing vs the
      // rest" got the other, equal-gain encoding (threshold and default direction) because gains
      // were compared in float64; XGBoost compares them in float32 (see split/find-split.ts).
      shap: true,
    },
    {
      name: 'binary log-loss, 8 leaves, min_child_weight 3, lambda 2',
      ours: { maxLeaves: 8, minChildWeight: 3, l2: 2 },
      theirs: { max_leaves: 8, min_child_weight: 3, reg_lambda: 2 },
      shap: true,
    },
    {
      name: 'binary log-loss with monotone constraints',
      ours: { maxLeaves: 8, monotoneConstraints: [1, -1, 0, 0] },
      theirs: { max_leaves: 8, monotone_constraints: '(1,-1,0,0)' },
      shap: true,
    },
  ];

// CI installs XGBoost (.ci/run), so there the comparison must run, never silently skip.
describe.skipIf(!process.env.CI && (!hasXgboost || !existsSync(ORACLE)))(
  'agreement with XGBoost 1.7 (hist, lossguide)',
  () => {
    const data = problem(3000, 4, 77);
    const mean = data.labels.reduce((a, b) => a + b, 0) / data.labels.length;
    for (const { name, ours, theirs, shap } of cases) {
      it(`matches margins${shap ? ' and SHAP values' : ''}: ${name}`, () => {
        const rounds = 20;
        const oracle = runOracle(
          data,
          {
            objective: 'binary:logistic',
            tree_method: 'hist',
            grow_policy: 'lossguide',
            max_depth: 0,
            max_leaves: 31,
            eta: 0.3,
            min_child_weight: 1,
            base_score: mean,
            max_bin: 256,
            ...theirs,
          },
          rounds,
        );
        const model = train(data, {
          params: { numRounds: rounds, eta: 0.3, minDataInLeaf: 0, ...ours },
        });
        const margin = predictMargin(model, data.features);
        // XGBoost accumulates in float32; differences stay at that precision.
        let marginGap = 0;
        for (let r = 0; r < margin.length; r++) {
          const gap = Math.abs((margin[r] as number) - (oracle.margin[r] as number));
          marginGap = Math.max(marginGap, gap);
        }
        expect(marginGap).toBeLessThan(1e-5);
        if (!shap) return;
        const batch = new ShapExplainer(model).explainBatch(data.features);
        let shapGap = Math.abs(batch.expectedValue - (oracle.contrib[0]?.[4] as number));
        for (let r = 0; r < margin.length; r++) {
          const row = oracle.contrib[r] as number[];
          for (let f = 0; f < 4; f++) {
            const gap = Math.abs((batch.values[r * 4 + f] as number) - (row[f] as number));
            shapGap = Math.max(shapGap, gap);
          }
        }
        expect(shapGap).toBeLessThan(1e-5);
      });
    }
  },
);
