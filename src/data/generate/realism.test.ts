import { describe, expect, it } from 'vitest';
import { sharedFile } from '../../../test/support/shared-dir.ts';
import { DataError } from '../errors.ts';
import { columnsFromLines, parseCsvLine } from './csv-read.ts';
import {
  compareApplications,
  ksDistance,
  missingRate,
  realismReport,
  totalVariationDistance,
} from './realism.ts';

const REAL = sharedFile('data/home-credit/application_test_sample.csv');

describe('realism metrics', () => {
  it('computes the missing rate', () => {
    expect(missingRate(['1', '', '3', ''])).toBe(0.5);
    expect(missingRate([])).toBe(0);
  });

  it('computes the total variation distance of categories, ignoring missing cells', () => {
    // p = {x: 2/3, y: 1/3}, q = {x: 1/4, y: 1/2, z: 1/4} → (5/12 + 1/6 + 1/4) / 2 = 5/12
    expect(totalVariationDistance(['x', 'x', 'y', ''], ['x', 'y', 'y', 'z'])).toBeCloseTo(
      5 / 12,
      12,
    );
    expect(totalVariationDistance(['a', 'b'], ['b', 'a'])).toBe(0);
    expect(totalVariationDistance(['a'], ['b'])).toBe(1);
  });

  it('computes the two-sample KS distance', () => {
    // CDF gaps at 1, 2, 3, 4: 1/3, 5/12, 1/2, 1/4 → 1/2
    expect(ksDistance(Float64Array.of(3, 1, 2), Float64Array.of(5, 2, 4, 3))).toBeCloseTo(0.5, 12);
    expect(ksDistance(Float64Array.of(1, 1, 2), Float64Array.of(2, 1, 1))).toBe(0);
    expect(ksDistance(Float64Array.of(0, 0), Float64Array.of(1, 1))).toBe(1);
  });

  it('parses quoted CSV values with commas and doubled quotes', () => {
    expect(parseCsvLine('1,"Spouse, partner",,"say ""hi""",x')).toEqual([
      '1',
      'Spouse, partner',
      '',
      'say "hi"',
      'x',
    ]);
    expect(parseCsvLine('a,')).toEqual(['a', '']);
  });

  it('names the line of a row with the wrong number of values', () => {
    expect(() => columnsFromLines(['A,B', '1,2', '3'], 'f.csv')).toThrow(/f\.csv, line 3/);
    expect(() => columnsFromLines(['A,B', '1,2', '3'], 'f.csv')).toThrow(DataError);
  });

  it('flags a column over the aims', () => {
    const real = columnsFromLines(
      ['SK_ID_CURR,CODE_GENDER,AMT_CREDIT', '1,F,10', '2,F,20', '3,M,', '4,F,40'],
      'real',
    );
    const gen = columnsFromLines(
      ['SK_ID_CURR,CODE_GENDER,AMT_CREDIT', '1,M,10', '2,M,20', '3,M,30', '4,F,40'],
      'gen',
    );
    const report = compareApplications(real, gen);
    const gender = report.columns.find((c) => c.column === 'CODE_GENDER');
    const credit = report.columns.find((c) => c.column === 'AMT_CREDIT');
    expect(gender?.distance).toBeCloseTo(0.5, 12);
    expect(credit?.missingDiffPoints).toBeCloseTo(25, 9);
    expect(report.flagged).toEqual(['CODE_GENDER', 'AMT_CREDIT']);
  });
});

describe.skipIf(REAL.missing !== null)('realism report against the real sample', () => {
  it('keeps every application column within the aims', async () => {
    const report = await realismReport(REAL.path);
    expect(report.columns.length).toBe(120);
    expect(report.rowsGenerated).toBe(report.rowsReal);
    expect(report.flagged).toEqual([]);
  });
});
