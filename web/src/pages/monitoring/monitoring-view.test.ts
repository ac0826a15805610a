import { describe, expect, it } from 'vitest';
import { bandWord, goneMissing, isoDay, lightCounts, missingChanges } from './monitoring-view.ts';
import { report, variable } from './test-fixtures.ts';

describe('the monitoring view', () => {
  it('counts the lights of the score, the band mix and every feature', () => {
    expect(lightCounts(report())).toEqual({ green: 2, amber: 2, red: 1 });
  });

  it('keeps the missing shares that moved by 5 points or more, the largest move first', () => {
    const moved = missingChanges([
      variable('SMALL', 0, 'green', [0.1, 0.14]),
      variable('DOWN', 0, 'amber', [0.5, 0.1]),
      variable('UP', 0, 'red', [0, 0.8]),
      variable('EDGE', 0, 'green', [0, 0.05]),
    ]);
    expect(moved.map((f) => f.name)).toEqual(['UP', 'DOWN', 'EDGE']);
  });

  it('says a band in words, and an unknown band as given', () => {
    expect(bandWord('good', 'fr')).toBe('Bon');
    expect(bandWord('high', 'en')).toBe('Insufficient');
    expect(bandWord('B3', 'fr')).toBe('B3');
  });

  it('writes a day in UTC', () => {
    expect(isoDay(new Date(Date.UTC(2026, 11, 31, 23, 30)))).toBe('2026-12-31');
  });

  it('names the features missing for every application though development had them', () => {
    const r = report({
      features: [
        variable('GONE', 9, 'red', [0.05, 1]),
        variable('NEVER_THERE', 0, 'green', [1, 1]),
        variable('PARTLY', 1, 'red', [0, 0.8]),
      ],
    });
    expect(goneMissing(r).map((f) => f.name)).toEqual(['GONE']);
    expect(goneMissing({ ...r, rows: { ...r.rows, window: 0 } })).toEqual([]);
  });
});
