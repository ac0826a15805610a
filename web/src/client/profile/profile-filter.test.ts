import { describe, expect, it } from 'vitest';
import { CLIENT_FILE } from '../fixtures/answers.ts';
import { fold, visibleSections } from './profile-filter.ts';

describe('visibleSections', () => {
  it('shows every section and field without a query', () => {
    const shown = visibleSections(CLIENT_FILE.sections, {
      query: '',
      hidden: new Set(),
      language: 'fr',
    });
    expect(shown.map((s) => s.section.key)).toEqual(CLIENT_FILE.sections.map((s) => s.key));
  });

  it('narrows fields across sections by label, ignoring case and accents', () => {
    const shown = visibleSections(CLIENT_FILE.sections, {
      query: 'CREDIT',
      hidden: new Set(),
      language: 'fr',
    });
    const names = shown.flatMap((s) => s.values.map((v) => v.name));
    expect(names).toContain('AMT_CREDIT'); // "Montant du crédit demandé"
    expect(names).toContain('AMT_REQ_CREDIT_BUREAU_HOUR'); // "Demandes au bureau de crédit…"
    expect(names).not.toContain('CODE_GENDER');
    expect(shown.map((s) => s.section.key)).not.toContain('profile');
  });

  it('leaves hidden sections out and matches column names too', () => {
    const shown = visibleSections(CLIENT_FILE.sections, {
      query: 'amt_',
      hidden: new Set(['creditBureau']),
      language: 'en',
    });
    expect(shown.map((s) => s.section.key)).toEqual(['employmentIncome', 'requestedLoan']);
  });

  it('finds a row by the column names folded into it', () => {
    const section = {
      key: 'profile',
      values: [{ name: 'AGE_YEARS', label_fr: 'Âge', label_en: 'Age', merged: ['DAYS_BIRTH'] }],
    };
    const shown = visibleSections([section], {
      query: 'days_birth',
      hidden: new Set(),
      language: 'fr',
    });
    expect(shown.flatMap((s) => s.values.map((v) => v.name))).toEqual(['AGE_YEARS']);
  });

  it('folds accents', () => {
    expect(fold(' Crédit Demandé ')).toBe('credit demande');
  });
});
