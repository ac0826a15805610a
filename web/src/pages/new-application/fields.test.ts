import { describe, expect, it } from 'vitest';
import { applicationOf, daysBefore, NEW_FIELDS } from './fields.ts';

describe('new application fields', () => {
  it('asks the four required fields first and never the protected ones', () => {
    const names = NEW_FIELDS.map((f) => f.name);
    expect(names.slice(0, 4)).toEqual([
      'NAME_CONTRACT_TYPE',
      'AMT_INCOME_TOTAL',
      'AMT_CREDIT',
      'DAYS_BIRTH',
    ]);
    expect(NEW_FIELDS.filter((f) => f.required)).toHaveLength(4);
    expect(names).not.toContain('CODE_GENDER');
    expect(names).not.toContain('NAME_FAMILY_STATUS');
  });

  it('turns years into days before the application', () => {
    expect(daysBefore(35)).toBe(-12784); // 35 × 365.25 = 12783.75
    expect(daysBefore(2.5)).toBe(-913);
    expect(Object.is(daysBefore(0), 0)).toBe(true);
  });

  it('sends the filled fields only, parsed as the what-if parses them', () => {
    const draft = applicationOf({
      NAME_CONTRACT_TYPE: 'Cash loans',
      AMT_INCOME_TOTAL: '180 000',
      AMT_CREDIT: '450000,5',
      DAYS_BIRTH: '40',
      DAYS_EMPLOYED: '3',
      CNT_CHILDREN: '',
      FLAG_OWN_CAR: 'N',
      NAME_HOUSING_TYPE: '',
    });
    expect(draft).toEqual({
      application: {
        NAME_CONTRACT_TYPE: 'Cash loans',
        AMT_INCOME_TOTAL: 180000,
        AMT_CREDIT: 450000.5,
        DAYS_BIRTH: -14610,
        DAYS_EMPLOYED: -1096,
        FLAG_OWN_CAR: 'N',
      },
      missing: [],
      invalid: [],
    });
  });

  it('names the required fields left empty and the texts that are not numbers', () => {
    const draft = applicationOf({ AMT_CREDIT: 'abc', AMT_INCOME_TOTAL: '  ', CNT_CHILDREN: 'x2' });
    expect(draft.missing).toEqual(['NAME_CONTRACT_TYPE', 'AMT_INCOME_TOTAL', 'DAYS_BIRTH']);
    expect(draft.invalid).toEqual(['AMT_CREDIT', 'CNT_CHILDREN']);
    expect(draft.application).toEqual({});
  });
});
