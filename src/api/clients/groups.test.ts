import { describe, expect, it } from 'vitest';
import { THEMES } from '../../data/features/index.ts';
import { APPLICATION_VALUE_SETS } from '../../data/value-sets.ts';
import { CATEGORICAL_FIELDS, CLIENT_SECTIONS, SHOWN_FEATURES } from './groups.ts';

describe('client file sections', () => {
  it('place every theme in exactly one section', () => {
    const placed = CLIENT_SECTIONS.flatMap((s) => s.themes);
    expect([...placed].sort()).toEqual([...THEMES].sort());
  });

  it('show every raw categorical with its own label, not a one-hot label', () => {
    expect(CATEGORICAL_FIELDS.map((f) => f.name).sort()).toEqual(
      Object.keys(APPLICATION_VALUE_SETS).sort(),
    );
    const income = CATEGORICAL_FIELDS.find((f) => f.name === 'NAME_INCOME_TYPE');
    expect(income).toMatchObject({ label_fr: 'Type de revenu', label_en: 'Income type' });
    for (const f of CATEGORICAL_FIELDS) {
      expect(f.label_fr).not.toMatch(/«/);
      expect(f.label_en).not.toMatch(/"/);
    }
  });

  it('leave the one-hot indicators out of the numeric values', () => {
    expect(SHOWN_FEATURES.some((e) => e.name.includes('__'))).toBe(false);
    expect(SHOWN_FEATURES.some((e) => e.name === 'AMT_CREDIT')).toBe(true);
  });
});
