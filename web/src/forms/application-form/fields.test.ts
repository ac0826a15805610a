import { describe, expect, it } from 'vitest';
import { dictionaryEntry } from '../../../../src/data/features/dictionary.ts';
import { ONE_HOT_COLUMNS } from '../../../../src/data/features/encodings.ts';
import { APPLICATION_VALUE_SETS } from '../../../../src/data/value-sets.ts';
import { APPLICATION_FIELDS, NEW_APPLICATION_FIELDS, TERM_LABEL, WHATIF_FIELDS } from './fields.ts';

/** Fields typed in years are labelled as the dictionary labels their feature in years. */
const LABELLED_AS: Record<string, string> = {
  DAYS_BIRTH: 'AGE_YEARS',
  DAYS_EMPLOYED: 'EMPLOYED_YEARS',
};

describe('the application form fields', () => {
  it.each(APPLICATION_FIELDS.map((f) => [f.name, f] as const))(
    '%s is worded as the client file words it',
    (name, field) => {
      // A category as the API labels the raw field in a file (src/api/clients/groups.ts): its
      // one-hot entry's label without the value ("Type de revenu : « Working »").
      const oneHot = ONE_HOT_COLUMNS.find((c) => c.column === name);
      const entry = dictionaryEntry(oneHot?.name ?? LABELLED_AS[name] ?? name);
      expect(entry, name).toBeDefined();
      const fr = entry?.label_fr ?? '';
      const en = entry?.label_en ?? '';
      expect(field.label).toEqual(
        oneHot ? { fr: fr.split(' : « ')[0], en: en.split(': "')[0] } : { fr, en },
      );
    },
  );

  it('words the term as the dictionary words CREDIT_TERM_MONTHS', () => {
    const entry = dictionaryEntry('CREDIT_TERM_MONTHS');
    expect(TERM_LABEL).toEqual({ fr: entry?.label_fr, en: entry?.label_en });
  });

  it('requires what the API requires of a new application, asked first', () => {
    // src/explain/what-if.ts NEW_APPLICATION_REQUIRED (not imported: it would bring DuckDB along).
    const required = ['NAME_CONTRACT_TYPE', 'AMT_INCOME_TOTAL', 'AMT_CREDIT', 'DAYS_BIRTH'];
    expect(NEW_APPLICATION_FIELDS.filter((f) => f.required).map((f) => f.name)).toEqual(required);
    expect(NEW_APPLICATION_FIELDS.slice(0, 4).map((f) => f.name)).toEqual(required);
  });

  it('offers a choice of values for every category, and never the protected fields', () => {
    // The choices are the API's (GET /api/categories lists the value sets).
    for (const field of APPLICATION_FIELDS.filter((f) => f.kind === 'category'))
      expect(APPLICATION_VALUE_SETS[field.name]?.length ?? 0, field.name).toBeGreaterThan(1);
    const names = APPLICATION_FIELDS.map((f) => f.name);
    expect(names).not.toContain('CODE_GENDER');
    expect(names).not.toContain('NAME_FAMILY_STATUS');
    expect(new Set(names).size).toBe(names.length);
  });

  it('lets a simulation change the loan and the situation, not the age nor the time in the job', () => {
    const names = WHATIF_FIELDS.map((f) => f.name);
    expect(names.slice(0, 4)).toEqual([
      'AMT_CREDIT',
      'AMT_ANNUITY',
      'AMT_GOODS_PRICE',
      'AMT_INCOME_TOTAL',
    ]);
    expect(names).not.toContain('DAYS_BIRTH');
    expect(names).not.toContain('DAYS_EMPLOYED');
    // The same definitions, not copies.
    for (const field of WHATIF_FIELDS) expect(APPLICATION_FIELDS).toContain(field);
  });
});
