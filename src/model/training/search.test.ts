import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/index.ts';
import { cutFolds } from './fold-data.ts';
import { nextPoint, type Observation } from './sampler.ts';
import { searchTrees } from './search.ts';
import { SEARCH_SPACE } from './search-space.ts';
import { stratifiedFolds } from './split.ts';
import { syntheticData } from './test-support.ts';

describe('hyper-parameter search', () => {
  const data = syntheticData(800, 4);
  const folds = cutFolds(data.features, data.labels, stratifiedFolds(data.labels, 3, 1), 3);
  const options = { trials: 3, numRounds: 30, seed: 9 } as const;

  it('is deterministic for a seed and a trial count, and records every trial', () => {
    const lines: string[] = [];
    const a = searchTrees(folds, data.featureNames, {
      ...options,
      log: (line) => lines.push(line),
    });
    const b = searchTrees(folds, data.featureNames, options);
    expect(a.trials).toHaveLength(3);
    expect(lines).toHaveLength(3);
    expect(a.trials.map((t) => [t.params, t.score, t.bestIteration])).toEqual(
      b.trials.map((t) => [t.params, t.score, t.bestIteration]),
    );
    expect(Array.from(a.best.oof)).toEqual(Array.from(b.best.oof));
    const best = Math.min(...a.trials.map((t) => t.score));
    expect(a.best.logLoss).toBe(best);
    for (const trial of a.trials) {
      expect(Object.keys(trial.params).sort()).toEqual(SEARCH_SPACE.map((d) => d.name).sort());
      expect(trial.bestIteration).toBeLessThan(30);
    }
  });

  it('runs the first trial and no other once the time budget is spent', () => {
    const result = searchTrees(folds, data.featureNames, { ...options, timeBudgetSeconds: 0 });
    expect(result.trials).toHaveLength(1);
  });
});

describe('TPE-style sampler', () => {
  it('proposes points nearer the good trials than uniform sampling does', () => {
    const target = Float64Array.from(SEARCH_SPACE, () => 0.8);
    const distance = (p: Float64Array) =>
      Math.hypot(...Array.from(p, (v, d) => v - (target[d] as number)));
    const random = new Rng(1);
    const history: Observation[] = [];
    for (let i = 0; i < 16; i++) {
      const point = nextPoint('random', history, random, SEARCH_SPACE.length);
      history.push({ point, score: distance(point) });
    }
    const mean = (strategy: 'random' | 'tpe') => {
      const r = new Rng(2);
      let sum = 0;
      for (let i = 0; i < 50; i++)
        sum += distance(nextPoint(strategy, history, r, SEARCH_SPACE.length));
      return sum / 50;
    };
    expect(mean('tpe')).toBeLessThan(0.8 * mean('random'));
  });
});
