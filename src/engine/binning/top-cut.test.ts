import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { train } from '../boosting/train.ts';
import { fromColumns } from '../matrix.ts';
import { predictMargin } from '../predict.ts';
import { Rng } from '../random.ts';

// XGBoost 1.7 lives in the system Python (see the project notes); skip where it is absent.
const PYTHON = '/usr/bin/python3';
const hasXgboost = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import xgboost'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Trains one depth-1 XGBoost tree on x.csv / y.csv; prints its threshold and margins of DIR/score.csv. */
const ORACLE = `
import json, sys
import numpy as np, xgboost as xgb
d = sys.argv[1]
x = np.loadtxt(d + "/x.csv", ndmin=2)
y = np.loadtxt(d + "/y.csv")
score = np.loadtxt(d + "/score.csv", ndmin=2)
params = {"tree_method": "hist", "objective": "reg:squarederror", "max_depth": 1, "eta": 1,
          "lambda": 0, "max_bin": 256, "base_score": 0.5}
booster = xgb.train(params, xgb.DMatrix(x, label=y, missing=np.nan), 1)
tree = json.loads(booster.save_raw("json"))["learner"]["gradient_booster"]["model"]["trees"][0]
margins = booster.predict(xgb.DMatrix(score, missing=np.nan), output_margin=True)
print(json.dumps({"threshold": tree["split_conditions"][0], "margins": margins.tolist()}))
`;

const folder = mkdtempSync(join(tmpdir(), 'creditlens-topcut-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.skipIf(!process.env.CI && !hasXgboost)('the top cut against XGBoost 1.7', () => {
  it('routes a value above the training maximum as XGBoost does', () => {
    // Missing values have label 1, all others 0: the only split is "any value vs missing",
    // whose threshold is the cut above the training maximum.
    const rng = new Rng(3);
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const missing = rng.next() < 0.3;
      x.push(missing ? Number.NaN : Math.fround(rng.next() * 4.3 - 1));
      y.push(missing ? 1 : 0);
    }
    const max = Math.max(...x.filter((v) => !Number.isNaN(v)));
    const score = [max, max * 1.5, 2 * max, 2 * max + 1e-4, 10, 1e30, Number.NaN];
    const text = (values: number[]) =>
      `${values.map((v) => (Number.isNaN(v) ? 'nan' : String(v))).join('\n')}\n`;
    writeFileSync(join(folder, 'x.csv'), text(x));
    writeFileSync(join(folder, 'y.csv'), text(y));
    writeFileSync(join(folder, 'score.csv'), text(score));
    const oracle = JSON.parse(execFileSync(PYTHON, ['-c', ORACLE, folder], { encoding: 'utf8' }));

    const model = train(
      { features: fromColumns([x]), labels: y },
      {
        params: {
          objective: 'reg:squarederror',
          numRounds: 1,
          maxLeaves: 2,
          learningRate: 1,
          l2: 0,
          minDataInLeaf: 0,
        },
      },
    );
    const tree = model.trees[0];
    expect(tree?.numNodes).toBe(1);
    // XGBoost writes float32 thresholds in their shortest decimal form.
    expect(tree?.threshold[0]).toBe(Math.fround(oracle.threshold));
    // Same routing: each score's margin relative to the missing value's (base scores differ).
    const ours = predictMargin(model, fromColumns([score]));
    const oursMissing = ours[score.length - 1] as number;
    const theirsMissing = oracle.margins[score.length - 1] as number;
    for (let i = 0; i < score.length; i++) {
      expect((ours[i] as number) - oursMissing).toBeCloseTo(
        (oracle.margins[i] as number) - theirsMissing,
        5,
      );
    }
    // Values from 2 × max upwards (at or above the top cut) go right, with the missing values.
    expect(ours[3]).toBe(oursMissing);
    expect(ours[4]).toBe(oursMissing);
  });
});
