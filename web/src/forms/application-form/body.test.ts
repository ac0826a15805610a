import { describe, expect, it } from 'vitest';
import { clientFile } from '../../client/compare/test-fixtures.ts';
import { applicationOf, changesOf } from './body.ts';
import { formFromFile } from './values.ts';

describe('changesOf (a what-if)', () => {
  it('sends only what differs from the file, as numbers or categories', () => {
    const base = formFromFile(clientFile);
    expect(changesOf(base, base)).toEqual({ changes: {}, invalid: [] });
    const form = {
      ...base,
      AMT_CREDIT: '300 000',
      NAME_CONTRACT_TYPE: 'Revolving loans',
      CNT_CHILDREN: '',
    };
    expect(changesOf(base, form)).toEqual({
      changes: { AMT_CREDIT: 300_000, NAME_CONTRACT_TYPE: 'Revolving loans', CNT_CHILDREN: null },
      invalid: [],
    });
    // The same number written differently is no change.
    expect(changesOf(base, { ...base, AMT_CREDIT: '406 597,5' }).changes).toEqual({});
  });

  it('keeps a field that is not a number out of the request and names it', () => {
    const base = formFromFile(clientFile);
    expect(changesOf(base, { ...base, AMT_ANNUITY: 'abc', AMT_CREDIT: '1' })).toEqual({
      changes: { AMT_CREDIT: 1 },
      invalid: ['AMT_ANNUITY'],
    });
  });
});

describe('applicationOf (a new application)', () => {
  it('sends the filled fields only, parsed as the what-if parses them, years as days', () => {
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
