import { describe, expect, it } from 'vitest';
import { ShapExplainer } from '../engine/index.ts';
import { DEFAULT_SCORE_SCALE } from '../model/evaluation/score-scale.ts';
import { clientView, isClientVisible } from './client-view.ts';
import { explainRow } from './explanation.ts';
import { referenceStatsOf } from './reference-stats.ts';
import { populationRow, syntheticModel, syntheticPopulation } from './test-support.ts';

const population = syntheticPopulation(2000, 11);
const model = syntheticModel(population);
const explainer = new ShapExplainer(model);
const names = model.featureNames;
const stats = referenceStatsOf(population);
const sum = (xs: readonly { logOdds: number }[]) => xs.reduce((a, c) => a + c.logOdds, 0);

describe('clientView', () => {
  it('lists only client-explainable units and reasons, and every sum still covers the whole', () => {
    for (const r of [3, 17, 42, 99]) {
      const row = populationRow(population, names, r);
      const explanation = explainRow(explainer.explainRow(row), names, row, {
        run: { scoreScale: DEFAULT_SCORE_SCALE, calibrator: { kind: 'identity' } },
        stats,
        topN: 3,
      });
      const seen = clientView(explanation);
      const { contributions } = seen;
      // Age (protected) and the home phone (not explainable) are never listed to a client.
      const listed = [
        ...contributions.all,
        ...contributions.top,
        ...seen.themes.flatMap((t) => t.contributions),
      ];
      for (const c of listed) {
        expect(isClientVisible(c), c.key).toBe(true);
        expect(['DAYS_BIRTH', 'FLAG_PHONE']).not.toContain(c.key);
      }
      const whole = sum(explanation.contributions.all);
      expect(sum(contributions.top) + contributions.rest.logOdds).toBeCloseTo(whole, 12);
      expect(contributions.rest.count + contributions.top.length).toBe(
        explanation.contributions.all.length,
      );
      expect(sum(seen.themes)).toBeCloseTo(whole, 12);
      expect(seen.themes.map((t) => t.logOdds)).toEqual(explanation.themes.map((t) => t.logOdds));
      expect(seen.reasons.adverse).toBe(explanation.clientReasons.adverse);
      expect(seen.reasons.favourable).toBe(explanation.clientReasons.favourable);
      for (const reason of [...seen.reasons.adverse, ...seen.reasons.favourable]) {
        expect(reason.clientExplainable).toBe(true);
      }
      // The adviser's own view is left as it was.
      expect(explanation.contributions.all.map((c) => c.key)).toContain('DAYS_BIRTH');
    }
  });
});
