import { describe, expect, it } from 'vitest';
import { fromColumns } from '../matrix.ts';
import { auc, logloss, rmse } from '../metric/metrics.ts';
import { serializeModel } from '../model.ts';
import { predict, predictMargin, predictRow } from '../predict.ts';
import { Rng } from '../random.ts';
import { binaryProblem, regressionProblem } from '../test-support/synthetic.ts';
import { treeDepth } from '../tree/tree.ts';
import { type RoundProgress, train } from './train.ts';

const ones = (n: number) => new Float64Array(n).fill(1);

describe('train: binary log-loss', () => {
  const trainSet = binaryProblem(8000, 1);
  const validSet = binaryProblem(4000, 2);
  const progress: RoundProgress[] = [];
  const model = train(
    { features: trainSet.features, labels: trainSet.labels },
    {
      params: { numRounds: 60, learningRate: 0.2 },
      valid: { features: validSet.features, labels: validSet.labels },
      onProgress: (p) => progress.push(p),
    },
  );

  it('reduces validation log-loss from the constant model and ranks well', () => {
    const history = model.metadata.evalHistory;
    const mean = trainSet.labels.reduce((a, b) => a + b, 0) / trainSet.labels.length;
    const constant = new Float64Array(validSet.labels.length).fill(Math.log(mean / (1 - mean)));
    const w = ones(validSet.labels.length);
    const baseLoss = logloss.evaluate(constant, validSet.labels, w);
    expect(history[0]).toBeLessThan(baseLoss);
    expect(history[history.length - 1]).toBeLessThan((history[0] as number) * 0.85);
    const margin = predictMargin(model, validSet.features);
    const score = auc.evaluate(margin, validSet.labels, w);
    const oracle = auc.evaluate(validSet.signal, validSet.labels, w);
    expect(score).toBeGreaterThan(0.9);
    expect(score).toBeGreaterThan(oracle - 0.02);
  });

  it('reports progress once per round', () => {
    expect(progress.map((p) => p.round)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(progress[59]?.validScore).toBe(model.metadata.evalHistory[59]);
  });

  it('predicts probabilities in (0, 1) equal to the sigmoid of the margin', () => {
    const probabilities = predict(model, validSet.features);
    const margin = predictMargin(model, validSet.features);
    for (let r = 0; r < 50; r++) {
      expect(probabilities[r]).toBeCloseTo(1 / (1 + Math.exp(-(margin[r] as number))), 14);
    }
  });

  it('scalePosWeight raises the predicted probabilities', () => {
    const weighted = train(
      { features: trainSet.features, labels: trainSet.labels },
      { params: { numRounds: 20, scalePosWeight: 4 } },
    );
    const plain = train(
      { features: trainSet.features, labels: trainSet.labels },
      { params: { numRounds: 20 } },
    );
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(predict(weighted, validSet.features))).toBeGreaterThan(
      mean(predict(plain, validSet.features)) + 0.1,
    );
  });
});

describe('train: squared error', () => {
  it('fits y = sin(2 x0) + x1²/2 closely', () => {
    const trainSet = regressionProblem(5000, 3);
    const testSet = regressionProblem(2000, 4);
    const model = train(
      { features: trainSet.features, labels: trainSet.labels },
      { params: { objective: 'reg:squarederror', numRounds: 150, learningRate: 0.2 } },
    );
    const error = rmse.evaluate(predictMargin(model, testSet.features), testSet.signal, ones(2000));
    const spread = rmse.evaluate(
      new Float64Array(2000).fill(testSet.signal.reduce((a, b) => a + b, 0) / 2000),
      testSet.signal,
      ones(2000),
    );
    expect(error).toBeLessThan(0.1);
    expect(error).toBeLessThan(spread / 5);
  });

  it('treats a sample weight of 2 like a duplicated row', () => {
    const rng = new Rng(9);
    const n = 400;
    const x = Array.from({ length: n }, () => Math.floor(rng.next() * 50));
    const y = x.map((v) => Math.sin(v / 8) + rng.next() * 0.1);
    const w = x.map(() => (rng.next() < 0.3 ? 2 : 1));
    const dupX: number[] = [];
    const dupY: number[] = [];
    x.forEach((v, i) => {
      for (let k = 0; k < (w[i] as number); k++) {
        dupX.push(v);
        dupY.push(y[i] as number);
      }
    });
    const params = { objective: 'reg:squarederror', numRounds: 10, minDataInLeaf: 0, maxLeaves: 8 };
    const weighted = train({ features: fromColumns([x]), labels: y, weights: w }, { params });
    const duplicated = train({ features: fromColumns([dupX]), labels: dupY }, { params });
    const grid = fromColumns([Array.from({ length: 50 }, (_, i) => i)]);
    const a = predictMargin(weighted, grid);
    const b = predictMargin(duplicated, grid);
    for (let i = 0; i < 50; i++) expect(a[i]).toBeCloseTo(b[i] as number, 9);
  });
});

describe('train: constraints, missing values, early stopping, determinism', () => {
  it('keeps monotone constraints exactly on a grid', () => {
    const data = regressionProblem(3000, 5);
    // sin(2 x0) is not monotone; force x0 up and x1 (x1² here) down.
    const model = train(
      { features: data.features, labels: data.labels },
      {
        params: {
          objective: 'reg:squarederror',
          numRounds: 60,
          learningRate: 0.3,
          monotone_constraints: [1, -1, 0],
        },
      },
    );
    let x0Steps = 0;
    for (const other of [-1.5, -0.2, 0.7, 1.9]) {
      let previous0 = Number.NEGATIVE_INFINITY;
      let previous1 = Number.POSITIVE_INFINITY;
      for (let i = 0; i <= 400; i++) {
        const v = -2.2 + (4.4 * i) / 400;
        const up = predictRow(model, [v, other, other]);
        const down = predictRow(model, [other, v, -other]);
        expect(up).toBeGreaterThanOrEqual(previous0);
        expect(down).toBeLessThanOrEqual(previous1);
        if (up > previous0) x0Steps++;
        previous0 = up;
        previous1 = down;
      }
    }
    // The constrained model still uses x0.
    expect(x0Steps).toBeGreaterThan(20);
  });

  it('routes missing values to the side they resemble', () => {
    const rng = new Rng(13);
    const n = 2000;
    for (const missingLike of [0, 1]) {
      const x: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < n; i++) {
        const missing = rng.next() < 0.2;
        const v = rng.next() * 2 - 1;
        x.push(missing ? Number.NaN : v);
        y.push(missing ? missingLike : v < 0 ? 0 : 1);
      }
      const model = train(
        { features: fromColumns([x]), labels: y },
        {
          params: { objective: 'reg:squarederror', numRounds: 30, learningRate: 0.3, maxLeaves: 2 },
        },
      );
      const high = predictRow(model, [0.5]);
      const low = predictRow(model, [-0.5]);
      expect(Math.abs(high - low)).toBeGreaterThan(0.9);
      expect(predictRow(model, [Number.NaN])).toBe(missingLike === 1 ? high : low);
    }
  });

  it('stops early and keeps the best iteration', () => {
    // Few noisy rows and a high learning rate overfit quickly.
    const trainSet = binaryProblem(400, 21);
    const validSet = binaryProblem(2000, 22);
    const model = train(
      { features: trainSet.features, labels: trainSet.labels },
      {
        params: { numRounds: 500, learningRate: 0.5, minDataInLeaf: 2, earlyStoppingRounds: 10 },
        valid: { features: validSet.features, labels: validSet.labels },
      },
    );
    const { roundsRun, bestIteration, evalHistory, bestScore } = model.metadata;
    expect(roundsRun).toBeLessThan(500);
    expect(roundsRun).toBe(bestIteration + 11);
    expect(model.trees.length).toBe(bestIteration + 1);
    expect(bestScore).toBe(Math.min(...evalHistory));
    const margin = predictMargin(model, validSet.features);
    expect(logloss.evaluate(margin, validSet.labels, ones(2000))).toBeCloseTo(
      bestScore as number,
      10,
    );
  });

  it('early-stops on AUC, keeping the highest', () => {
    const trainSet = binaryProblem(400, 23);
    const validSet = binaryProblem(2000, 24);
    const model = train(
      { features: trainSet.features, labels: trainSet.labels },
      {
        params: {
          numRounds: 300,
          learningRate: 0.5,
          minDataInLeaf: 2,
          earlyStoppingRounds: 10,
          eval_metric: 'auc',
        },
        valid: { features: validSet.features, labels: validSet.labels },
      },
    );
    const { bestScore, evalHistory, metric } = model.metadata;
    expect(metric).toBe('auc');
    expect(bestScore).toBe(Math.max(...evalHistory));
  });

  it('gives the identical model for the same seed, and a different one for another seed', () => {
    const data = binaryProblem(3000, 31);
    const trainWithSeed = (seed: number) =>
      serializeModel(
        train(
          { features: data.features, labels: data.labels },
          { params: { numRounds: 15, subsample: 0.7, colsample_bytree: 0.5, seed } },
        ),
      );
    const first = trainWithSeed(42);
    expect(trainWithSeed(42)).toBe(first);
    expect(trainWithSeed(43)).not.toBe(first);
  });

  it('respects maxLeaves, maxDepth and column subsampling', () => {
    const data = binaryProblem(3000, 41);
    const byLeaves = train(data, { params: { numRounds: 5, maxLeaves: 7 } });
    expect(byLeaves.trees.every((t) => t.numLeaves === 7)).toBe(true);
    const byDepth = train(data, { params: { numRounds: 5, maxLeaves: 64, maxDepth: 2 } });
    expect(byDepth.trees.every((t) => treeDepth(t) === 2 && t.numLeaves === 4)).toBe(true);
    const oneFeature = train(data, { params: { numRounds: 20, colsampleByTree: 1 / 6 } });
    const used = new Set<number>();
    for (const tree of oneFeature.trees) {
      expect(new Set(tree.splitFeature).size).toBe(1);
      used.add(tree.splitFeature[0] as number);
    }
    expect(used.size).toBeGreaterThan(2);
  });

  it('rejects bad inputs with clear errors', () => {
    const data = binaryProblem(100, 1);
    expect(() => train({ features: data.features, labels: data.labels.subarray(1) })).toThrow(
      'training data: 99 labels for 100 rows',
    );
    expect(() => train({ features: data.features, labels: data.labels.map((y) => y * 2) })).toThrow(
      'binary:logistic needs 0 or 1',
    );
    expect(() =>
      train(
        { features: data.features, labels: data.labels },
        { params: { earlyStoppingRounds: 5 } },
      ),
    ).toThrow('earlyStoppingRounds needs a validation set');
    expect(() =>
      train(
        { features: data.features, labels: data.labels },
        { params: { monotoneConstraints: [1, 1, 1, 1, 1, 1, 1] } },
      ),
    ).toThrow('7 entries for 6 features');
    expect(() =>
      train(
        { features: data.features, labels: data.labels },
        { featureNames: ['a', 'b', 'c', 'd', 'e', 'a'] },
      ),
    ).toThrow('feature name "a" appears twice');
  });
});
