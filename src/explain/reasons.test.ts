import { describe, expect, it } from 'vitest';
import { reasonCodeOf } from '../data/features/reason-codes.ts';
import type { Contribution } from './contributions.ts';
import { reasonsOf } from './reasons.ts';
import type { ReferenceStat } from './reference-stats.ts';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

function unit(key: string, logOdds: number, over: Partial<Contribution>): Contribution {
  return {
    key,
    features: [key],
    labelFr: key,
    labelEn: key,
    code: reasonCodeOf(over.features?.[0] ?? key).code,
    theme: 'profile',
    unit: 'count',
    actionable: false,
    immutable: false,
    sensitive: false,
    value: 1,
    category: null,
    logOdds,
    points: -28.85 * logOdds,
    probabilityPoints: 10 * logOdds,
    ...over,
  };
}

function stat(medianRepaid: number, meanRepaid = medianRepaid): ReferenceStat {
  return {
    medianRepaid,
    medianAll: medianRepaid,
    meanRepaid,
    meanAll: meanRepaid,
    countRepaid: 10,
    countAll: 12,
  };
}

const stats = new Map<string, ReferenceStat>([
  ['INST_DPD_MEAN', stat(1)],
  ['AMT_CREDIT', stat(450000)],
  ['DAYS_BIRTH', stat(-16071)],
  ['FLAG_PHONE', stat(0, 0.28)],
  ['NAME_INCOME_TYPE__WORKING', stat(1, 0.5)],
]);

const units: Contribution[] = [
  unit('INST_DPD_MEAN', 0.4, {
    labelFr: 'Retard moyen de paiement (jours)',
    labelEn: 'Average payment delay (days)',
    unit: 'days',
    value: 12,
    theme: 'repayment history',
  }),
  unit('AMT_CREDIT', 0.3, {
    theme: 'requested loan',
    labelFr: 'Montant du crédit demandé',
    labelEn: 'Requested credit amount',
    unit: 'currency',
    value: 1250000,
  }),
  unit('NAME_INCOME_TYPE', 0.2, {
    theme: 'employment',
    labelFr: 'Type de revenu',
    labelEn: 'Income type',
    unit: 'category',
    value: null,
    category: 'Working',
    features: ['NAME_INCOME_TYPE__WORKING', 'NAME_INCOME_TYPE__PENSIONER'],
  }),
  unit('CODE_GENDER', 0.1, {
    labelFr: 'Sexe',
    labelEn: 'Gender',
    unit: 'category',
    value: null,
    category: 'M',
    sensitive: true,
  }),
  unit('TINY', 0.001, {}),
  unit('OTHER', 0.05, {}),
  unit('DAYS_BIRTH', -0.5, {
    labelFr: 'Âge (jours avant la demande)',
    labelEn: 'Age (days before the application)',
    unit: 'elapsed',
    value: -18300,
  }),
  unit('PREV_DAYS_DECISION_MAX', -0.1, {
    theme: 'previous applications',
    labelFr: 'Décision (jours avant la demande) (maximum, demandes précédentes)',
    labelEn: 'Decision (days before the application) (maximum, previous applications)',
    unit: 'date',
    value: -31,
  }),
  unit('FLAG_PHONE', -0.2, {
    theme: 'documents and contact',
    labelFr: 'A donné un téléphone fixe',
    labelEn: 'Gave a home phone',
    unit: 'flag',
    value: 1,
  }),
];

describe('reasonsOf', () => {
  const { adverse, favourable } = reasonsOf(units, stats);

  it('keeps at most four reasons a side, largest first, and leaves out negligible ones', () => {
    expect(adverse.map((r) => r.key)).toEqual([
      'INST_DPD_MEAN',
      'AMT_CREDIT',
      'NAME_INCOME_TYPE',
      'CODE_GENDER',
    ]);
    expect(favourable.map((r) => r.key)).toEqual([
      'DAYS_BIRTH',
      'FLAG_PHONE',
      'PREV_DAYS_DECISION_MAX',
    ]);
    expect(reasonsOf(units, stats, { max: 2 }).adverse).toHaveLength(2);
    expect(reasonsOf(units, stats, { minLogOdds: 0 }).adverse.map((r) => r.key)).not.toContain(
      'TINY',
    );
    expect(
      reasonsOf(units, stats, { max: 10, minLogOdds: 0, maxPerTheme: 10 }).adverse.map(
        (r) => r.key,
      ),
    ).toContain('TINY');
  });

  it('cites the value and the median among clients who repaid, in French and English', () => {
    const [delay, amount] = adverse;
    expect(delay?.textFr).toBe(
      'Retard moyen de paiement : 12 jours, contre 1 jour pour les clients qui ont remboursé',
    );
    expect(delay?.textEn).toBe(
      'Average payment delay: 12 days, against 1 day for clients who repaid',
    );
    expect(plain(amount?.textFr ?? '')).toBe(
      'Montant du crédit demandé : 1 250 000 €, contre 450 000 € pour les clients qui ont remboursé',
    );
    expect(amount?.textEn).toBe(
      'Requested credit amount: €1,250,000, against €450,000 for clients who repaid',
    );
    expect(favourable[0]?.textFr).toBe(
      'Âge : 50 ans, contre 44 ans pour les clients qui ont remboursé',
    );
    expect(favourable[1]?.textEn).toBe('Gave a home phone: yes; 28% of clients who repaid: yes');
    expect(favourable[2]?.textFr).toBe(
      'Décision (maximum, demandes précédentes) : il y a 31 jours',
    );
    expect(favourable[2]?.textEn).toBe('Decision (maximum, previous applications): 31 days ago');
  });

  it('names a category by its label with the share of repaid clients in it, and flags protected attributes', () => {
    const income = adverse[2];
    expect(plain(income?.textFr ?? '')).toBe(
      'Type de revenu : Salarié (comme 50 % des clients qui ont remboursé)',
    );
    expect(income?.valueEn).toBe('Employee');
    const gender = adverse[3];
    expect(gender?.sensitive).toBe(true);
    expect(gender?.textFr).toContain('(attribut protégé)');
    expect(gender?.textEn).toContain('(protected attribute)');
    expect(adverse.filter((r) => r.sensitive)).toHaveLength(1);
  });

  it('labels each reason by its reason code, with the statement a client is told', () => {
    const amount = adverse[1];
    expect(amount?.code).toBe('R-LOAN-AMOUNT');
    expect(amount?.family).toBe('loan');
    expect(amount?.clientExplainable).toBe(true);
    expect(amount?.actionable).toBe(true);
    expect(amount?.statementFr).toBe('Le montant du crédit demandé est élevé');
    expect(amount?.noteFr).toBeNull();
    expect(adverse[2]?.code).toBe('R-EMP-INCOME-TYPE');
    expect(favourable[0]?.code).toBe('R-PERS-AGE');
    expect(favourable[0]?.clientExplainable).toBe(false);
    expect(favourable[0]?.statementEn).toBe('Your age works in your favour');
    // Outside the catalogue: the other elements of the file.
    expect(adverse[0]?.code).toBe('R-OTHER');
  });

  it('says "not provided" for a missing value and drops the reference when there is none', () => {
    const { adverse: only } = reasonsOf(
      [unit('X', 1, { labelEn: 'Thing', unit: 'currency', value: null })],
      new Map(),
    );
    expect(only[0]?.textEn).toBe('Thing: not provided');
    expect(only[0]?.referenceEn).toBeNull();
  });

  it('tells one signal once and at most two reasons per theme', () => {
    const external = ['EXT_SOURCE_MAX', 'EXT_SOURCE_MEAN', 'EXT_SOURCE_3', 'EXT_SOURCE_MIN'].map(
      (key, i) => unit(key, 0.9 - i * 0.1, { theme: 'external scores' }),
    );
    const history = ['INST_LATE', 'POS_DPD', 'CC_DPD'].map((key, i) =>
      unit(key, 0.4 - i * 0.05, { theme: 'repayment history' }),
    );
    const loan = unit('AMT_CREDIT', 0.1, { theme: 'requested loan' });
    const keys = reasonsOf([...external, ...history, loan], stats).adverse.map((r) => r.key);
    expect(keys).toEqual(['EXT_SOURCE_MAX', 'INST_LATE', 'POS_DPD', 'AMT_CREDIT']);
    const wide = reasonsOf([...external, ...history], stats, { maxPerTheme: 3 }).adverse;
    expect(wide.map((r) => r.key)).toEqual(['EXT_SOURCE_MAX', 'INST_LATE', 'POS_DPD', 'CC_DPD']);
  });

  it('never cites a reference that reads as the value itself', () => {
    const dpd = (value: number) =>
      unit('INST_DPD_MEAN', -0.3, {
        labelFr: 'Retard moyen',
        labelEn: 'Average delay',
        unit: 'days',
        value,
      });
    // Median equal to the value: the mean of the repaid clients instead.
    const withMean = new Map([['INST_DPD_MEAN', stat(0, 2.4)]]);
    expect(reasonsOf([dpd(0)], withMean).favourable[0]?.textFr).toBe(
      'Retard moyen : 0 jour, contre 2 jours en moyenne pour les clients qui ont remboursé',
    );
    // Median and mean both equal to it: said plainly.
    const flat = new Map([['INST_DPD_MEAN', stat(0, 0)]]);
    expect(reasonsOf([dpd(0)], flat).favourable[0]?.textEn).toBe(
      'Average delay: 0 days, like most clients who repaid',
    );
  });

  it('reads day 0 of a date counted back from the application as the application day', () => {
    const phone = unit('DAYS_LAST_PHONE_CHANGE', 0.3, {
      labelFr: 'Dernier changement de téléphone (jours avant la demande)',
      labelEn: 'Last phone change (days before the application)',
      unit: 'date',
      value: 0,
    });
    const reference = new Map([['DAYS_LAST_PHONE_CHANGE', stat(-760)]]);
    const [reason] = reasonsOf([phone], reference).adverse;
    expect(reason?.textFr).toBe(
      'Dernier changement de téléphone : le jour même de la demande, contre il y a 2 ans pour les clients qui ont remboursé',
    );
    expect(reason?.textEn).toBe(
      'Last phone change: on the day of the application, against 2 years ago for clients who repaid',
    );
  });

  it('tells a fact once even when two features restate it, in either direction', () => {
    const days = unit('DAYS_LAST_PHONE_CHANGE', 0.3, { theme: 'profile' });
    const years = unit('PHONE_CHANGE_YEARS', 0.2, { theme: 'documents and contact' });
    const yearsFavourable = unit('PHONE_CHANGE_YEARS', -0.2, { theme: 'documents and contact' });
    expect(reasonsOf([days, years], new Map()).adverse.map((r) => r.key)).toEqual([
      'DAYS_LAST_PHONE_CHANGE',
    ]);
    const both = reasonsOf([days, yearsFavourable], new Map());
    expect(both.adverse.map((r) => r.key)).toEqual(['DAYS_LAST_PHONE_CHANGE']);
    expect(both.favourable).toHaveLength(0);
  });

  it('says a missing history aggregate means no history, not a value left blank', () => {
    const delay = unit('INST_DPD_MAX', 0.3, {
      labelFr: 'Plus long retard de paiement (jours)',
      labelEn: 'Longest payment delay (days)',
      unit: 'days',
      value: null,
    });
    const reference = new Map([['INST_DPD_MAX', stat(10)]]);
    const [reason] = reasonsOf([delay], reference).adverse;
    expect(reason?.textFr).toBe(
      'Plus long retard de paiement : aucun historique, contre 10 jours pour les clients qui ont remboursé',
    );
    expect(reason?.textEn).toBe(
      'Longest payment delay: no history on record, against 10 days for clients who repaid',
    );
  });

  it('drops a unit in brackets that the value already says', () => {
    const age = unit('AGE_YEARS', 0.2, {
      labelFr: 'Âge (années)',
      labelEn: 'Age (years)',
      unit: 'years',
      value: 28,
    });
    const [reason] = reasonsOf([age], new Map([['AGE_YEARS', stat(44)]])).adverse;
    expect(reason?.textFr).toBe('Âge : 28 ans, contre 44 ans pour les clients qui ont remboursé');
    expect(reason?.textEn).toBe('Age: 28 years, against 44 years for clients who repaid');
  });
});
