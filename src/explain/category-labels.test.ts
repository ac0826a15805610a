import { describe, expect, it } from 'vitest';
import { APPLICATION_VALUE_SETS } from '../data/value-sets.ts';
import {
  categoryLabel,
  categoryWording,
  LABELLED_CATEGORICALS,
  labelledValues,
} from './category-labels.ts';

const valueSets = Object.entries(APPLICATION_VALUE_SETS);

describe('categoryLabel', () => {
  it.each(valueSets)('words every value of %s in French and English', (column, values) => {
    const unworded = values
      .map(([value]) => value)
      .filter((value) => {
        const words = categoryWording(column, value);
        return !words || words.fr.trim() === '' || words.en.trim() === '';
      });
    expect(unworded, `${column} values without wording`).toEqual([]);
  });

  it('words only values the data has (no stale or misspelt entries)', () => {
    expect([...LABELLED_CATEGORICALS].sort()).toEqual(Object.keys(APPLICATION_VALUE_SETS).sort());
    for (const [column, values] of valueSets) {
      const known = new Set(values.map(([value]) => value));
      expect(
        labelledValues(column).filter((value) => !known.has(value)),
        column,
      ).toEqual([]);
    }
    expect(categoryLabel('NAME_INCOME_TYPE', 'No such value')).toEqual({
      fr: 'No such value',
      en: 'No such value',
    });
  });

  it('reads as an adviser would say it', () => {
    expect(categoryLabel('NAME_INCOME_TYPE', 'Working').fr).toBe('Salarié');
    expect(categoryLabel('ORGANIZATION_TYPE', 'Self-employed').fr).toBe('Travailleur indépendant');
    expect(categoryLabel('ORGANIZATION_TYPE', 'Trade: type 7')).toEqual({
      fr: 'Commerce (type 7)',
      en: 'Trade (type 7)',
    });
    expect(categoryLabel('HOUSETYPE_MODE', 'block of flats').fr).toBe('Immeuble collectif');
    expect(categoryLabel('WALLSMATERIAL_MODE', 'Panel').fr).toBe('Panneaux préfabriqués');
    expect(categoryLabel('WEEKDAY_APPR_PROCESS_START', 'MONDAY').fr).toBe('Lundi');
  });
});
