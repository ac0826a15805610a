import { describe, expect, it } from 'vitest';
import { dictionaryEntry } from '../data/features/dictionary.ts';
import { reasonCodeOf } from '../data/features/reason-codes.ts';
import { clientReasonsOf } from './client-reasons.ts';
import type { Contribution } from './contributions.ts';
import { reasonsOf } from './reasons.ts';
import type { ReferenceStat } from './reference-stats.ts';
import { toCompleteOf } from './to-complete.ts';
import { unknownFieldsOf } from './unknown-fields.ts';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

/** A unit of a dictionary feature, as contributionsOf makes it. */
function unit(name: string, logOdds: number, value: number | null): Contribution {
  const entry = dictionaryEntry(name);
  if (!entry) throw new Error(`not in the dictionary: ${name}`);
  return {
    key: name,
    features: [name],
    labelFr: entry.label_fr,
    labelEn: entry.label_en,
    code: reasonCodeOf(name).code,
    theme: entry.theme,
    unit: entry.unit,
    actionable: entry.actionable,
    immutable: entry.immutable,
    sensitive: entry.sensitive,
    value,
    category: null,
    logOdds,
    points: -28.85 * logOdds,
    probabilityPoints: 10 * logOdds,
  };
}

function stat(medianRepaid: number): ReferenceStat {
  return {
    medianRepaid,
    medianAll: medianRepaid,
    meanRepaid: medianRepaid,
    meanAll: medianRepaid,
    countRepaid: 10,
    countAll: 12,
  };
}

const stats = new Map<string, ReferenceStat>([
  ['ANNUITY_TO_INCOME', stat(0.15)],
  ['EXT_SOURCE_MEAN', stat(0.55)],
  ['INST_LATE_DAYS_MAX', stat(3)],
  ['EMPLOYED_YEARS', stat(6)],
]);

const sum = (list: readonly { logOdds: number }[]) => list.reduce((s, c) => s + c.logOdds, 0);

describe('clientReasonsOf', () => {
  const units = [
    unit('COMMONAREA_MEDI', 0.9, 0.22),
    unit('PHONE_CHANGE_YEARS', 0.8, 0.08),
    unit('ANNUITY_TO_INCOME', 0.5, 0.25),
    unit('CREDIT_TO_INCOME', 0.45, 4),
    unit('EXT_SOURCE_MEAN', 0.3, 0.31),
    unit('EXT_SOURCE_1', 0.2, 0.4),
    unit('EXT_SOURCE_3', -0.1, 0.6),
    unit('INST_LATE_DAYS_MAX', 0.25, 12),
    unit('AMT_CREDIT', 0.2, 900000),
    unit('DAYS_BIRTH', 0.6, -9000),
    unit('EMPLOYED_TO_AGE', -0.7, 0.3),
    unit('EMPLOYED_YEARS', -0.3, 10),
    unit('AMT_INCOME_TOTAL', -0.35, 300000),
    unit('NAME_HOUSING_TYPE__WITH_PARENTS', 0.001, 1),
  ];
  const { adverse, favourable, others } = clientReasonsOf(units, stats);

  it('tells client-explainable codes only, each family once, the strongest', () => {
    expect(adverse.map((r) => r.code)).toEqual([
      'R-AFFORD-ANNUITY',
      'R-EXT-SCORE',
      'R-PAY-LATE',
      'R-LOAN-AMOUNT',
    ]);
    // Affordability is told once (the instalment), so income does not argue the other way;
    // the share of life in the job is a protected attribute's: never told.
    expect(favourable.map((r) => r.code)).toEqual(['R-EMP-TENURE']);
    expect(favourable[0]?.key).toBe('EMPLOYED_YEARS');
    for (const r of [...adverse, ...favourable]) {
      expect(r.clientExplainable).toBe(true);
      expect(r.sensitive).toBe(false);
    }
  });

  it('states the code with the value and a reference in words', () => {
    const [afford] = adverse;
    expect(plain(afford?.textFr ?? '')).toBe(
      'Vos revenus sont faibles au regard de la mensualité demandée (mensualité rapportée au revenu annuel : 25 %, contre 15 % pour les clients qui ont remboursé)',
    );
    expect(afford?.textEn).toBe(
      'Your income is low compared with the instalment requested (instalment relative to the annual income: 25%, against 15% for clients who repaid)',
    );
    expect(afford?.statementFr).toBe(
      'Vos revenus sont faibles au regard de la mensualité demandée',
    );
    expect(afford?.actionable).toBe(true);
    expect(afford?.noteFr).toBeNull();
  });

  it("sums a code's units into one reason, says what the external scores are", () => {
    const external = adverse[1];
    expect(external?.logOdds).toBeCloseTo(0.4, 12);
    expect(external?.key).toBe('EXT_SOURCE_MEAN');
    expect(external?.features).toEqual(['EXT_SOURCE_MEAN', 'EXT_SOURCE_1', 'EXT_SOURCE_3']);
    expect(external?.noteFr).toMatch(/^Scores calculés par des organismes externes/);
    expect(external?.noteEn).toMatch(/^Scores computed by external agencies/);
    expect(external?.family).toBe('external assessment');
  });

  it('pools everything else into one line, so the whole adds up', () => {
    expect(others.labelFr).toBe('Autres éléments du dossier');
    expect(others.labelEn).toBe('Other elements of the file');
    const told = [...adverse, ...favourable];
    expect(sum(told) + others.logOdds).toBeCloseTo(sum(units), 12);
    const points = told.reduce((s, r) => s + r.points, 0) + others.points;
    expect(points).toBeCloseTo(
      units.reduce((s, c) => s + c.points, 0),
      9,
    );
    // 6 units told in the four adverse reasons (three external scores), 1 in the favourable one.
    expect(others.count).toBe(units.length - 7);
  });

  it('keeps at most four a side', () => {
    expect(clientReasonsOf(units, stats, { max: 2 }).adverse).toHaveLength(2);
  });

  it('tells a missing history as no history, never an unknown application field', () => {
    const missing = [
      unit('INST_LATE_DAYS_MAX', 0.4, null),
      unit('AMT_INCOME_TOTAL', 0.3, null),
      unit('EXT_SOURCE_2', 0.2, null),
    ];
    const stored = clientReasonsOf(missing, stats);
    expect(stored.adverse.map((r) => r.code)).toEqual(['R-PAY-LATE', 'R-EXT-SCORE']);
    expect(stored.adverse[0]?.statementFr).toBe('Peu ou pas d’historique de crédit chez nous');
    expect(stored.adverse[0]?.valueFr).toBe('aucun historique');
    expect(stored.adverse[1]?.statementEn).toBe('Some external scores are not available about you');
    // A new applicant's external scores are unknown, not absent: to complete, not a reason.
    const unknown = unknownFieldsOf({ AMT_CREDIT: 500_000 });
    const fresh = clientReasonsOf(missing, stats, { unknown });
    expect(fresh.adverse.map((r) => r.code)).toEqual(['R-PAY-LATE']);
  });
});

describe('a new application', () => {
  const application = {
    NAME_CONTRACT_TYPE: 'Cash loans',
    AMT_INCOME_TOTAL: 180_000,
    AMT_CREDIT: 500_000,
    DAYS_BIRTH: -12_000,
    DAYS_EMPLOYED: 365243,
  };
  const unknown = unknownFieldsOf(application);
  const units = [
    unit('INST_LATE_DAYS_MAX', 0.4, null),
    unit('AMT_ANNUITY', 0.3, null),
    unit('EXT_SOURCE_2', 0.25, null),
    unit('EXT_SOURCE_MEAN', -0.1, null),
    unit('ANNUITY_TO_INCOME', 0.2, null),
    // Missing because the applicant has no job (DAYS_EMPLOYED given as 365243): not unknown.
    unit('EMPLOYED_YEARS', 0.15, null),
    unit('COMMONAREA_MEDI', 0.001, null),
    unit('AMT_CREDIT', 0.1, 500000),
  ];

  it('tells a field not given from a value missing for a reason of its own, and from no history', () => {
    const has = (name: string) => unknown.has(units.find((u) => u.key === name) as Contribution);
    expect(has('AMT_ANNUITY')).toBe(true);
    expect(has('ANNUITY_TO_INCOME')).toBe(true);
    expect(has('EMPLOYED_YEARS')).toBe(false);
    expect(has('INST_LATE_DAYS_MAX')).toBe(false);
    expect(has('AMT_CREDIT')).toBe(false);
  });

  it('lists its unknown fields to complete, by code, largest first, never as reasons', () => {
    const toComplete = toCompleteOf(units, unknown);
    expect(toComplete.map((t) => t.code)).toEqual([
      'R-EXT-SCORE',
      'R-LOAN-INSTALMENT',
      'R-AFFORD-ANNUITY',
    ]);
    expect(toComplete[0]?.units.map((f) => f.key)).toEqual(['EXT_SOURCE_2', 'EXT_SOURCE_MEAN']);
    expect(toComplete[0]?.fields).toEqual(['EXT_SOURCE_2', 'EXT_SOURCE_1', 'EXT_SOURCE_3']);
    expect(toComplete[0]?.titleFr).toBe('Scores externes');
    expect(toComplete[0]?.noteFr).not.toBeNull();
    expect(toComplete[0]?.logOdds).toBeCloseTo(0.15, 12);
    expect(toComplete[1]?.units[0]?.labelFr).toBe('Mensualité du crédit');
    expect(toComplete[2]?.fields).toEqual(['AMT_ANNUITY']);

    const reasons = reasonsOf(units, stats, { unknown });
    expect(reasons.adverse.map((r) => r.key)).toEqual([
      'INST_LATE_DAYS_MAX',
      'EMPLOYED_YEARS',
      'AMT_CREDIT',
    ]);
    // A stored file's missing values stay reasons for the adviser.
    expect(reasonsOf(units, stats).adverse.map((r) => r.key)).toContain('AMT_ANNUITY');
    const client = clientReasonsOf(units, stats, { unknown });
    expect(client.adverse.map((r) => r.code)).toEqual(['R-PAY-LATE', 'R-LOAN-AMOUNT']);
  });
});
